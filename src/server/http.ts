/**
 * The yoga app over node:http, as `npm start` runs it: configuration from config.ts, JSON logs,
 * timeouts against slow clients, GET /health answering 503 while shutting down, and SIGTERM /
 * SIGINT draining in-flight requests before exiting.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config.js';
import { createJsonLogger, type JsonLogger, requestLogPlugin } from './logging.js';
import {
  createShutdownState,
  drain,
  type ShutdownState,
  trackConnections,
  trackResponse,
} from './shutdown.js';
import { type App, createApp } from './yoga.js';

/** Whole request (headers and body) must arrive within this; slow-body clients get 408. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Headers must arrive within this. */
export const HEADERS_TIMEOUT_MS = 10_000;

const HEALTH_PATH = '/health';

/** The app as the production server builds it from the configuration. */
export function createProductionApp(config: ServerConfig, logger: JsonLogger): App {
  return createApp({
    logging: logger,
    maskedErrors: true,
    limits: config.queryLimits,
    maxBodyBytes: config.maxBodyBytes,
    introspection: config.introspection,
    fieldSuggestions: config.nodeEnv === 'development',
    healthCheckEndpoint: HEALTH_PATH,
    plugins: [requestLogPlugin(logger, { healthPath: HEALTH_PATH })],
  });
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** node:http server for `app`: tracks in-flight responses and answers /health 503 once shutting down. */
export function createHttpServer(app: App, state: ShutdownState, logger: JsonLogger): Server {
  const server = createServer(
    { requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS },
    (req: IncomingMessage, res: ServerResponse) => {
      trackResponse(state, res);
      if (state.shuttingDown && pathOf(req) === HEALTH_PATH) {
        res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
        res.end(req.method === 'HEAD' ? undefined : '{"status":"shutting down"}');
        return;
      }
      Promise.resolve(app(req, res)).catch((error: unknown) => {
        // Yoga answers its own errors; this is the last line of defence.
        logger.error('request handler failed', error instanceof Error ? error : { error: String(error) });
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
          res.end('{"errors":[{"message":"Unexpected error."}]}');
        } else res.destroy();
      });
    },
  );
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

/** Listens as configured and logs a `listening` line with the URL. */
export async function startServer(config: ServerConfig, logger: JsonLogger): Promise<RunningServer> {
  const state = createShutdownState();
  const app = createProductionApp(config, logger);
  const server = createHttpServer(app, state, logger);
  server.listen(config.port, config.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const shownHost = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
  const origin = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  logger.info('listening', {
    url: `${origin}${app.graphqlEndpoint}`,
    host: config.host,
    port,
    graphiql: config.introspection,
    nodeEnv: config.nodeEnv,
    limits: { ...config.queryLimits, maxBodyBytes: config.maxBodyBytes },
  });
  return {
    server,
    origin,
    port,
    state,
    shutdown: () => drain(server, state, config.shutdownTimeoutMs),
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
  running = await startServer(config, logger);
  return running;
}
