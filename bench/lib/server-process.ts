/**
 * The real server as a child process, as `npm start` runs it: `node --import tsx <entry>` on
 * 127.0.0.1 and a free port, with logging off. Reads the child's resident memory from /proc.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  origin: string;
  pid: number;
  /** Resident set size of the server process now, bytes (Linux /proc; NaN elsewhere). */
  rssBytes(): number;
  /** SIGTERM, then waits for the exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** A port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** VmRSS of a process, bytes. */
export function rssOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function waitUntilHealthy(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited with code ${child.exitCode} before listening`);
    try {
      const response = await fetch(`${origin}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server at ${origin} did not answer /health within ${timeoutMs} ms`);
}

/** Node options of `npm start` and `npm run start:cluster` (package.json), before `--import tsx`. */
export const SERVER_NODE_ARGS = ['--max-semi-space-size=32'];

export interface StartOptions {
  /** Entry module; default src/server/main.ts. */
  entry?: string;
  /** Extra environment (WORKERS, ...). */
  env?: Record<string, string>;
  /** Node options before `--import tsx`; default SERVER_NODE_ARGS. */
  nodeArgs?: string[];
}

export async function startServer(options: StartOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? SERVER_NODE_ARGS), '--import', 'tsx', options.entry ?? 'src/server/main.ts'],
    {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'silent',
        NODE_ENV: 'production',
        // One load generator on one address would hit the per-client fair use limit at once.
        RATE_LIMIT_PER_SECOND: '0',
        ...options.env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the server');
  try {
    await waitUntilHealthy(origin, child, 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    origin,
    pid,
    rssBytes: () => rssOf(pid),
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited(child);
      clearTimeout(timer);
      return code;
    },
  };
}
