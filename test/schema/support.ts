import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import { type AppOptions, createApp } from '../../src/server/yoga.js';

export type App = ReturnType<typeof createApp>;

/** A quiet app for tests; everything else as in production. */
export function testApp(options: AppOptions = {}): App {
  return createApp({ logging: false, ...options });
}

export interface GraphQLErrorJson {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown> & { code?: string };
}

export type Response<T> = Omit<ExecutionResult<T>, 'errors'> & { errors?: GraphQLErrorJson[] };

/** POSTs one operation to the app through yoga.fetch (no port) and returns the JSON body. */
export async function runOperation<TResult, TVariables>(
  app: App,
  operation: TypedDocumentNode<TResult, TVariables> | string,
  variables?: TVariables,
): Promise<Response<TResult>> {
  const query = typeof operation === 'string' ? operation : print(operation);
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Response<TResult>;
}

/** Counts calls to the model analysis the app's DataLoader batches. */
export function countingAnalyzer(analyze: NonNullable<AppOptions['analyzeModel']>) {
  const calls: string[] = [];
  return {
    calls,
    analyzeModel: ((model) => {
      calls.push(model.id);
      return analyze(model);
    }) satisfies NonNullable<AppOptions['analyzeModel']>,
  };
}

/** Every number anywhere in a JSON value, with its path, to assert they are all finite. */
export function numbersIn(value: unknown, path = '$'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => numbersIn(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  }
  return [];
}
