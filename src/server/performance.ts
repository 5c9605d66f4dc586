/**
 * Speed-ups that change how operations run, never what they answer (docs/performance.md has the
 * measurements behind each):
 *
 * - graphql-jit: an operation executed more than once is compiled into a JavaScript function
 *   specialised for its selection, which then replaces graphql-js's generic executor. One-off
 *   documents stay on graphql-js, so unique queries cannot make the server compile on every
 *   request. Any result with errors is thrown away and the operation run again on graphql-js (the
 *   resolvers are pure), so that errors keep graphql-js's messages, extensions and status codes.
 * - `x-worker-pid`: which cluster worker answered (cluster.ts), for tests and load balancing checks.
 */
import cluster from 'node:cluster';
import type { DocumentNode, ExecutionArgs, ExecutionResult } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

/** Executions of one document on graphql-js before it is compiled. */
export const JIT_AFTER_EXECUTIONS = 1;

interface JitEntry {
  executions: number;
  /** Compiled per operation name; null when graphql-jit declined the operation. */
  compiled: Map<string, CompiledQuery | null>;
}

/** Counters a caller can pass in to see what the plugin did. */
export interface JitStats {
  /** Operations compiled. */
  compiled: number;
  /** Executions that ran compiled code. */
  jitExecutions: number;
  /** Of those, results with errors that were run again on graphql-js. */
  fallbacks: number;
}

export interface JitOptions {
  /** Executions of a document on graphql-js before it is compiled; default JIT_AFTER_EXECUTIONS. */
  afterExecutions?: number;
  stats?: JitStats;
}

/**
 * Executes hot operations with graphql-jit. Entries are keyed by the parsed document, which yoga's
 * parser cache shares between requests with the same query text (an LRU), so a compiled query
 * lives as long as its document stays cached and no longer.
 */
export function jitPlugin(options: JitOptions = {}): Plugin {
  const afterExecutions = options.afterExecutions ?? JIT_AFTER_EXECUTIONS;
  const stats: JitStats = options.stats ?? { compiled: 0, jitExecutions: 0, fallbacks: 0 };
  const entries = new WeakMap<DocumentNode, JitEntry>();
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const { schema, document, operationName } = args as ExecutionArgs;
      let entry = entries.get(document);
      if (entry === undefined) {
        entry = { executions: 0, compiled: new Map() };
        entries.set(document, entry);
      }
      entry.executions += 1;
      if (entry.executions <= afterExecutions) return;
      const name = operationName ?? '';
      let compiled = entry.compiled.get(name);
      if (compiled === undefined) {
        const result = compileQuery(schema, document, operationName ?? undefined);
        compiled = isCompiledQuery(result) ? result : null;
        entry.compiled.set(name, compiled);
        if (compiled !== null) stats.compiled += 1;
      }
      if (compiled === null) return;
      const query = compiled;
      setExecuteFn((execution) => {
        stats.jitExecutions += 1;
        const orGraphqlJs = (result: ExecutionResult) => {
          if (result.errors === undefined || result.errors.length === 0) return result;
          stats.fallbacks += 1;
          return executeFn(execution);
        };
        const result = query.query(execution.rootValue, execution.contextValue, execution.variableValues);
        return result instanceof Promise ? result.then(orGraphqlJs) : orGraphqlJs(result);
      });
    },
  };
}

/** Adds `x-worker-pid: <pid>` to every response. */
export function workerPidPlugin(): Plugin {
  const pid = String(process.pid);
  return {
    onResponse({ response }) {
      response.headers.set('x-worker-pid', pid);
    },
  };
}

export interface PerformanceOptions {
  /** graphql-jit for hot operations; default true. */
  jit?: boolean;
  /** `x-worker-pid` header; default: only in a cluster worker. */
  workerPidHeader?: boolean;
}

export function performancePlugins(options: PerformanceOptions = {}): Plugin[] {
  const plugins: Plugin[] = [];
  if (options.jit !== false) plugins.push(jitPlugin());
  if (options.workerPidHeader ?? cluster.isWorker) plugins.push(workerPidPlugin());
  return plugins;
}
