/**
 * Runs a document whenever its variables change (by value), aborting the requests it replaces, and
 * keeps the last data on screen while the next one loads. useQueries runs one request per entry
 * of a list (a view with several setups), all at once.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TypedDocumentString } from '../gql/graphql.js';
import type { FieldError } from '../lib/errors.js';
import { ApiError, execute } from './client.js';

export interface QueryState<T> {
  data?: T;
  errors: FieldError[];
  loading: boolean;
}

function errorsOf(error: unknown): FieldError[] {
  return error instanceof ApiError
    ? error.errors
    : [{ message: `The API could not be reached: ${String(error)}` }];
}

/** `variables` null means: nothing to ask yet (the empty state). */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
): QueryState<TResult> {
  const all = useQueries(document, variables === null ? null : [variables]);
  return { data: all.data?.[0], errors: all.errors[0] ?? [], loading: all.loading };
}

export interface QueriesState<T> {
  /** One result per variables entry, once all have answered without error. */
  data?: T[];
  /** One result per entry, undefined where it failed: what answered while another entry has an error. */
  each: (T | undefined)[];
  /** The errors of each entry, by index (empty arrays where it succeeded). */
  errors: FieldError[][];
  loading: boolean;
}

export function useQueries<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variablesList: TVariables[] | null,
): QueriesState<TResult> {
  // By value: a new array with the same values asks nothing new.
  const key = variablesList === null ? null : JSON.stringify(variablesList);
  const [state, setState] = useState<QueriesState<TResult>>({
    each: [],
    errors: [],
    loading: key !== null,
  });

  useEffect(() => {
    if (key === null) {
      setState({ each: [], errors: [], loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    const list = JSON.parse(key) as TVariables[];
    Promise.allSettled(list.map((variables) => execute(document, variables, controller.signal))).then(
      (results) => {
        if (controller.signal.aborted) return;
        const errors = results.map((result) => (result.status === 'rejected' ? errorsOf(result.reason) : []));
        const data = results.every((result) => result.status === 'fulfilled')
          ? results.map((result) => (result as PromiseFulfilledResult<TResult>).value)
          : undefined;
        const each = results.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
        setState({ data, each, errors, loading: false });
      },
    );
    return () => controller.abort();
  }, [document, key]);

  return state;
}
