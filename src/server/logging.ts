/**
 * Structured logs: one JSON object per line on stdout, e.g.
 *
 *   {"time":"2025-01-01T00:00:00.000Z","level":"info","msg":"request","method":"POST","path":"/graphql",
 *    "operation":"FitCheck","status":200,"durationMs":3.1}
 *
 * One `request` line per HTTP request (health checks at debug level) with the operation name,
 * the status and the duration, never the body, the variables or the query string. The logger
 * also serves as yoga's logger, so unexpected (masked) errors appear with their stack.
 */
import { getOperationAST } from 'graphql';
import type { Plugin, YogaLogger } from 'graphql-yoga';
import type { LogLevel } from './config.js';

const SEVERITY: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, unknown>;

export interface JsonLogger extends YogaLogger {
  readonly level: LogLevel;
  enabled(level: Exclude<LogLevel, 'silent'>): boolean;
}

function errorFields(error: Error): LogFields {
  return { name: error.name, message: error.message, stack: error.stack };
}

/** A yoga-compatible logger: a message string, Errors and field objects, in any order. */
export function createJsonLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): JsonLogger {
  const threshold = SEVERITY[level];
  const enabled = (at: Exclude<LogLevel, 'silent'>) => SEVERITY[at] >= threshold;
  const log =
    (at: Exclude<LogLevel, 'silent'>) =>
    (...args: unknown[]): void => {
      if (!enabled(at)) return;
      const record: LogFields = { time: new Date().toISOString(), level: at };
      const words: string[] = [];
      for (const arg of args) {
        if (typeof arg === 'string') words.push(arg);
        else if (arg instanceof Error) {
          if (words.length === 0) words.push(arg.message);
          record.error = errorFields(arg);
        } else if (arg !== null && typeof arg === 'object') Object.assign(record, arg);
        else if (arg !== undefined) words.push(String(arg));
      }
      record.msg = words.join(' ');
      let line: string;
      try {
        line = JSON.stringify(record);
      } catch {
        line = JSON.stringify({ time: record.time, level: at, msg: record.msg });
      }
      write(line);
    };
  return {
    level,
    enabled,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
  };
}

interface RequestRecord {
  start: number;
  operation?: string | null;
  errorCodes?: string[];
}

function codesOf(errors: readonly unknown[]): string[] {
  const codes = new Set<string>();
  for (const error of errors) {
    const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
    codes.add(typeof code === 'string' ? code : 'UNKNOWN');
  }
  return [...codes];
}

export interface RequestLogOptions {
  /** Requests to this path are logged at debug level (probes are frequent); default /health. */
  healthPath?: string;
}

/** Logs one line per request at info level: method, path, operation, status, duration, error codes. */
export function requestLogPlugin(logger: JsonLogger, options: RequestLogOptions = {}): Plugin {
  const healthPath = options.healthPath ?? '/health';
  const requests = new WeakMap<Request, RequestRecord>();
  const recordOf = (request: Request): RequestRecord => {
    let record = requests.get(request);
    if (record === undefined) {
      record = { start: performance.now() };
      requests.set(request, record);
    }
    return record;
  };
  return {
    // Instrumentation wraps the whole request, so the clock starts before yoga's own early
    // answers (health check, GraphiQL page) and every response is timed.
    instrumentation: {
      request({ request }, wrapped) {
        recordOf(request);
        return wrapped();
      },
    },
    onParams({ params, request }) {
      if (params.operationName) recordOf(request).operation = params.operationName;
    },
    onValidate({ context, params }) {
      const request = (context as { request?: Request }).request;
      if (request === undefined) return;
      const record = recordOf(request);
      if (record.operation === undefined) {
        record.operation = getOperationAST(params.documentAST, undefined)?.name?.value ?? null;
      }
    },
    onExecutionResult({ result, request }) {
      if (result !== null && typeof result === 'object' && 'errors' in result && result.errors?.length) {
        recordOf(request).errorCodes = codesOf(result.errors);
      }
    },
    onResponse({ request, response }) {
      const record = recordOf(request);
      requests.delete(request);
      let path: string;
      try {
        path = new URL(request.url).pathname;
      } catch {
        path = '?';
      }
      const fields: LogFields = {
        method: request.method,
        path,
        operation: record.operation ?? null,
        status: response.status,
        durationMs: Math.round((performance.now() - record.start) * 100) / 100,
      };
      if (record.errorCodes) fields.errorCodes = record.errorCodes;
      if (path === healthPath) logger.debug('request', fields);
      else logger.info('request', fields);
    },
  };
}
