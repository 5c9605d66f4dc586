/**
 * `npm run start:cluster` as a real process tree: two workers on one port answer requests (seen
 * through `x-worker-pid`), then SIGTERM to the primary drains both and exits 0.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_WORKERS, workerCount } from '../../src/server/cluster.js';
import { ConfigError } from '../../src/server/config.js';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** One POST on a fresh connection (no keep-alive), so the primary hands each to the next worker. */
function post(
  port: number,
  body: string,
): Promise<{ status: number; pid: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', connection: 'close' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          const pid = res.headers['x-worker-pid'];
          resolve({ status: res.statusCode ?? 0, pid: Array.isArray(pid) ? pid[0] : pid, body: text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('WORKERS', () => {
  it('defaults to 1, accepts a count or auto, and refuses anything else', () => {
    expect(workerCount({})).toBe(1);
    expect(workerCount({ WORKERS: ' ' })).toBe(1);
    expect(workerCount({ WORKERS: '3' })).toBe(3);
    expect(workerCount({ WORKERS: 'auto' }, () => 6)).toBe(6);
    expect(workerCount({ WORKERS: 'AUTO' }, () => 500)).toBe(MAX_WORKERS);
    for (const bad of ['0', '-1', '1.5', 'two', String(MAX_WORKERS + 1)]) {
      expect(() => workerCount({ WORKERS: bad })).toThrow(ConfigError);
    }
  });
});

describe('the cluster', () => {
  it('answers from two workers on one port, then drains and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cluster.ts'], {
      env: { ...process.env, WORKERS: '2', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const body = JSON.stringify({
      query:
        '{ estimate(input: { model: "llama-2-7b", gpu: "a10g", inputTokens: 1000, outputTokens: 200 }) { fits } }',
    });
    const pids = new Set<string>();
    const deadline = Date.now() + 40_000;
    // Both workers must be listening before the primary can alternate between them.
    while (pids.size < 2 && Date.now() < deadline) {
      try {
        const response = await post(port, body);
        expect(response.status).toBe(200);
        expect(JSON.parse(response.body)).toEqual({ data: { estimate: { fits: true } } });
        if (response.pid !== undefined) pids.add(response.pid);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ECONNREFUSED') throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(pids.size, output).toBe(2);
    expect(pids.has(String(child.pid))).toBe(false);

    child.kill('SIGTERM');
    expect(await exited, output).toBe(0);
    for (const pid of pids) expect(isAlive(Number(pid))).toBe(false);
  }, 60_000);
});
