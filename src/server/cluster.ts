/**
 * `npm run start:cluster`: the server in WORKERS processes sharing one port (node:cluster; the
 * primary hands connections to the workers in turn). The server keeps no state between requests,
 * so any worker can answer any request. WORKERS is a count or `auto` (one per available CPU);
 * the default, 1, runs the plain single-process server with no primary.
 *
 * The primary restarts a worker that dies, and on SIGTERM or SIGINT tells every worker to drain
 * (SIGTERM) and exits once they have: 0 if all of them exited cleanly. Workers take that order
 * from the primary only: a Ctrl-C that reaches the whole process group does not count twice.
 * Each worker's responses carry `x-worker-pid`.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type ServerConfig } from './config.js';
import { runServer } from './http.js';
import { createJsonLogger } from './logging.js';

export const MAX_WORKERS = 64;
/** A worker that dies sooner than this after starting is restarted only after this delay. */
const RESTART_DELAY_MS = 1_000;

/** WORKERS: unset or empty = 1; `auto` = available parallelism; else an integer from 1 to MAX_WORKERS. */
export function workerCount(
  env: Record<string, string | undefined>,
  cpus: () => number = availableParallelism,
): number {
  const value = env.WORKERS?.trim() ?? '';
  if (value === '') return 1;
  if (value.toLowerCase() === 'auto') return Math.min(Math.max(cpus(), 1), MAX_WORKERS);
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(Number.isInteger(parsed) && parsed >= 1 && parsed <= MAX_WORKERS)) {
    throw new ConfigError('WORKERS', value, `an integer from 1 to ${MAX_WORKERS}, or auto`);
  }
  return parsed;
}

function runPrimary(config: ServerConfig, workers: number): void {
  const logger = createJsonLogger(config.logLevel);
  let stopping = false;
  let failed = false;
  const startedAt = new Map<Worker, number>();

  const fork = () => startedAt.set(cluster.fork(), Date.now());
  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);

  cluster.on('exit', (worker, code, signal) => {
    const uptimeMs = Date.now() - (startedAt.get(worker) ?? Date.now());
    startedAt.delete(worker);
    if (stopping) {
      if (code !== 0) failed = true;
      if (alive().length === 0) {
        logger.info('cluster stopped', { workers, clean: !failed });
        process.exit(failed ? 1 : 0);
      }
      return;
    }
    logger.error('worker died: restarting it', { pid: worker.process.pid, code, signal, uptimeMs });
    setTimeout(() => stopping || fork(), uptimeMs < RESTART_DELAY_MS ? RESTART_DELAY_MS : 0);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) logger.warn('second signal: workers exit now', { signal });
    else logger.info('cluster shutting down', { signal, workers: alive().length });
    stopping = true;
    if (alive().length === 0) process.exit(failed ? 1 : 0);
    // A worker's second SIGTERM makes it exit at once, as a second signal does for `npm start`.
    for (const worker of alive()) worker.process.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  logger.info('cluster starting', { workers, primaryPid: process.pid });
  for (let i = 0; i < workers; i++) fork();
}

async function runWorker(config: ServerConfig): Promise<void> {
  await runServer(config);
  // Shutdown orders come from the primary (SIGTERM); a terminal's Ctrl-C reaches every process of
  // the group, and the primary passes it on already.
  process.removeAllListeners('SIGINT');
  process.on('SIGINT', () => {});
}

async function main(): Promise<void> {
  let config: ServerConfig;
  let workers: number;
  try {
    config = loadConfig(process.env);
    workers = workerCount(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
  if (cluster.isWorker) await runWorker(config);
  else if (workers === 1) await runServer(config);
  else runPrimary(config, workers);
}

// Run only as the entry point (workers run this file again), not when a test imports workerCount.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
