/**
 * Levers measured by bench/levers.bench.ts but not shipped (docs/performance.md says why): a
 * result cache for identical operations, and graphql-jit's fast-json-stringify serialiser.
 */
import type { DocumentNode, ExecutionArgs, ExecutionResult } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

/**
 * Caches successful results by document and variables (results are pure functions of both), up
 * to `maxEntries`, oldest out first. Serialising the cached result still happens per request.
 */
export function resultCachePlugin(maxEntries = 1_000): Plugin {
  const cache = new Map<string, ExecutionResult>();
  const ids = new WeakMap<DocumentNode, number>();
  let nextId = 0;
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { document, variableValues, operationName } = args as ExecutionArgs;
      let id = ids.get(document);
      if (id === undefined) {
        id = nextId++;
        ids.set(document, id);
      }
      const key = `${id}\u0000${operationName ?? ''}\u0000${JSON.stringify(variableValues ?? {})}`;
      const hit = cache.get(key);
      if (hit !== undefined) {
        setResultAndStopExecution(hit);
        return;
      }
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) || result.errors === undefined) {
            if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
            cache.set(key, result as ExecutionResult);
          }
        },
      };
    },
  };
}

/** graphql-jit on every execution, serialising results with its compiled fast-json-stringify. */
export function jitStringifyPlugin(): Plugin {
  const compiled = new WeakMap<DocumentNode, CompiledQuery>();
  return {
    onExecute({ args, setExecuteFn }) {
      const { schema, document, operationName } = args as ExecutionArgs;
      let query = compiled.get(document);
      if (query === undefined) {
        const result = compileQuery(schema, document, operationName ?? undefined, {
          customJSONSerializer: true,
        });
        if (!isCompiledQuery(result)) return;
        query = result;
        compiled.set(document, query);
      }
      const q = query;
      setExecuteFn((execution) => {
        const withStringify = (result: ExecutionResult) => Object.assign(result, { stringify: q.stringify });
        const result = q.query(execution.rootValue, execution.contextValue, execution.variableValues);
        return result instanceof Promise ? result.then(withStringify) : withStringify(result);
      });
    },
  };
}
