/**
 * The yoga app over node:http, as `npm start` runs it: configuration from config.ts, JSON logs,
 * timeouts against slow clients, GET /health answering 503 while shutting down, and SIGTERM /
 * SIGINT draining in-flight requests before exiting.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import {
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type ServerConfig,
} from './config.js';
import { createFairUse, type FairUse } from './fair-use.js';
import { createJsonLogger, type JsonLogger, requestLogPlugin } from './logging.js';
import {
  answerBadRequest,
  badRequestReason,
  clientErrorHandler,
  normalizeContentType,
} from './request-check.js';
import {
  createShutdownState,
  drain,
  type ShutdownState,
  trackConnections,
  trackResponse,
} from './shutdown.js';
import { COMPRESS_MIN_BYTES } from './static-asset.js';
import { type App, createApp } from './yoga.js';

const HEALTH_PATH = '/health';

/**
 * How often node:http looks for requests past their header or request timeout. Its default, 30 s,
 * let a slow-header client hold a socket for up to 40 s with a 10 s limit.
 */
export const TIMEOUT_CHECK_INTERVAL_MS = 250;

/** The app as the production server builds it from the configuration. */
export function createProductionApp(config: ServerConfig, logger: JsonLogger, fairUse?: FairUse): App {
  return createApp({
    logging: logger,
    maskedErrors: true,
    development: config.nodeEnv === 'development',
    cors: { origins: config.corsOrigins, credentials: config.corsCredentials },
    maxEstimates: config.maxEstimates,
    limits: config.queryLimits,
    maxBodyBytes: config.maxBodyBytes,
    introspection: config.introspection,
    graphiql: config.playground,
    fieldSuggestions: config.nodeEnv === 'development',
    healthCheckEndpoint: HEALTH_PATH,
    plugins: [requestLogPlugin(logger, { healthPath: HEALTH_PATH }), ...(fairUse ? [fairUse.plugin] : [])],
  });
}

/** Protection against slow and numerous clients (config.ts has the defaults). */
export interface HttpOptions {
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxConnections?: number;
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** node:http server for `app`: tracks in-flight responses and answers /health 503 once shutting down. */
export function createHttpServer(
  app: App,
  state: ShutdownState,
  logger: JsonLogger,
  options: HttpOptions = {},
): Server {
  const compress = compression({ threshold: COMPRESS_MIN_BYTES });
  const server = createServer(
    {
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      headersTimeout: options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    (req: IncomingMessage, res: ServerResponse) => {
      trackResponse(state, res);
      const bad = badRequestReason(req);
      if (bad !== undefined) {
        logger.warn('bad request', { status: 400, reason: bad, method: req.method });
        answerBadRequest(res, bad);
        return;
      }
      normalizeContentType(req);
      if (state.shuttingDown && pathOf(req) === HEALTH_PATH) {
        res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
        res.end(req.method === 'HEAD' ? undefined : '{"status":"shutting down"}');
        return;
      }
      // GraphQL results are compressed on the fly (gzip or brotli at the library's fast settings);
      // static assets arrive already compressed (static-asset.ts) and pass through.
      compress(req as never, res as never, () => serve(req, res));
    },
  );
  const serve = (req: IncomingMessage, res: ServerResponse) =>
    Promise.resolve(app(req, res)).catch((error: unknown) => {
      // Yoga answers its own errors; this is the last line of defence.
      logger.error('request handler failed', error instanceof Error ? error : { error: String(error) });
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end('{"errors":[{"message":"Unexpected error."}]}');
      } else res.destroy();
    });
  server.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  server.on('clientError', clientErrorHandler(logger));
  trackConnections(server, state);
  return server;
}

export interface RunningServer {
  server: Server;
  /** http://host:port (a wildcard host shown as localhost). */
  origin: string;
  port: number;
  state: ShutdownState;
  /** Stops accepting, drains in-flight requests; true if all finished before the deadline. */
  shutdown(): Promise<boolean>;
}

const LISTEN_PROBLEMS: Record<string, string> = {
  EADDRINUSE: 'the address is already in use (another server on this port?)',
  EADDRNOTAVAIL: 'the address is not one of this machine',
  EACCES: 'permission denied (ports below 1024 need privileges)',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve',
};

/** The server could not listen: the message is one line naming the address and why. */
export class ListenError extends Error {
  constructor(config: ServerConfig, cause: NodeJS.ErrnoException) {
    const why = LISTEN_PROBLEMS[cause.code ?? ''] ?? cause.message;
    super(`Cannot listen on ${config.host}:${config.port}: ${why} (${cause.code ?? 'error'})`);
    this.name = 'ListenError';
  }
}

/** Listens as configured and logs a `listening` line with the URL. */
export async function startServer(config: ServerConfig, logger: JsonLogger): Promise<RunningServer> {
  const state = createShutdownState();
  const fairUse = createFairUse({
    perSecond: config.rateLimitPerSecond,
    keyHeader: config.rateLimitKeyHeader,
    redisUrl: config.redisUrl,
    logger,
  });
  const app = createProductionApp(config, logger, fairUse);
  const server = createHttpServer(app, state, logger, config);
  server.listen(config.port, config.host);
  try {
    await once(server, 'listening');
  } catch (error) {
    throw new ListenError(config, error as NodeJS.ErrnoException);
  }
  const { port } = server.address() as AddressInfo;
  const shownHost = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
  const origin = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  logger.info('listening', {
    url: `${origin}${app.graphqlEndpoint}`,
    host: config.host,
    port,
    graphiql: config.playground && config.introspection,
    nodeEnv: config.nodeEnv,
    limits: {
      ...config.queryLimits,
      maxBodyBytes: config.maxBodyBytes,
      maxEstimates: config.maxEstimates,
      maxConnections: config.maxConnections,
      headersTimeoutMs: config.headersTimeoutMs,
      requestTimeoutMs: config.requestTimeoutMs,
    },
    fairUse: {
      estimatesPerSecond: config.rateLimitPerSecond,
      client: config.rateLimitKeyHeader ?? 'ip',
      shared: config.redisUrl === undefined ? 'no' : 'redis',
    },
  });
  return {
    server,
    origin,
    port,
    state,
    shutdown: async () => {
      const drained = await drain(server, state, config.shutdownTimeoutMs);
      await fairUse?.close();
      return drained;
    },
  };
}

/**
 * `npm start`: serve until SIGTERM or SIGINT, then drain and exit 0 (1 if requests were still
 * running at the deadline). A second signal exits at once with 1.
 */
export async function runServer(config: ServerConfig): Promise<RunningServer> {
  const logger = createJsonLogger(config.logLevel);
  process.on('uncaughtException', (error) => {
    logger.error('uncaught exception', error);
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled rejection', reason instanceof Error ? reason : { reason: String(reason) });
  });
  let running: RunningServer | undefined;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn('second signal: exiting now', { signal });
      process.exit(1);
    }
    stopping = true;
    if (running === undefined) {
      logger.info('stopped before listening', { signal });
      process.exit(0);
    }
    const started = performance.now();
    logger.info('shutting down', {
      signal,
      inFlight: running.state.inFlight.size,
      timeoutMs: config.shutdownTimeoutMs,
    });
    void running.shutdown().then((drained) => {
      const durationMs = Math.round(performance.now() - started);
      if (drained) logger.info('stopped', { durationMs });
      else logger.error('stopped with requests still running at the deadline', { durationMs });
      process.exit(drained ? 0 : 1);
    });
  };
  // Installed before listening, so that a signal during startup still exits cleanly.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  try {
    running = await startServer(config, logger);
  } catch (error) {
    if (!(error instanceof ListenError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  return running;
}
