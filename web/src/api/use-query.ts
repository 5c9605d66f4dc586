/**
 * Runs a document whenever its variables change (by value), aborting the request it replaces, and
 * keeps the last data on screen while the next one loads.
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

/** `variables` null means: nothing to ask yet (the empty state). */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
): QueryState<TResult> {
  const key = variables === null ? null : JSON.stringify(variables);
  const [state, setState] = useState<QueryState<TResult>>({ errors: [], loading: key !== null });

  // `key` is `variables` by value: a new object with the same values asks nothing new.
  useEffect(() => {
    if (key === null) {
      setState({ errors: [], loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    execute(document, JSON.parse(key) as TVariables, controller.signal).then(
      (data) => setState({ data, errors: [], loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const errors =
          error instanceof ApiError
            ? error.errors
            : [{ message: `The API could not be reached: ${String(error)}` }];
        setState({ errors, loading: false });
      },
    );
    return () => controller.abort();
  }, [document, key]);

  return state;
}
