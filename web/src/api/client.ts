/**
 * A small typed fetch for the codegen'd documents (web/src/gql): the result and variables types
 * come from the document, and API errors keep the input path they name.
 */
import type { TypedDocumentString } from '../gql/graphql.js';
import type { FieldError } from '../lib/errors.js';

export const GRAPHQL_ENDPOINT = '/graphql';

/** Everything that kept a request from giving data, each error with the input it names. */
export class ApiError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((error) => error.message).join('; '));
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  const response = await fetch(GRAPHQL_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: document.toString(), variables }),
    signal,
  });
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError([
      { message: `The server answered ${response.status} ${response.statusText} without a result.` },
    ]);
  }
  if (body.errors && body.errors.length > 0) {
    throw new ApiError(
      body.errors.map((error) => ({
        message: error.message,
        field: error.extensions?.field,
        code: error.extensions?.code,
      })),
    );
  }
  if (body.data == null)
    throw new ApiError([{ message: `The server answered ${response.status} with no data.` }]);
  return body.data;
}
