/**
 * Fair use shared through Redis: a real redis-server (Debian's package; .ci/run and `npm test`'s
 * pretest install it) on a free loopback port, and two server processes counting one budget.
 */
import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, killChildren, type ServerChild, startChild } from './spawn.js';

let redis: ReturnType<typeof spawn> | undefined;
let redisUrl = '';
let servers: ServerChild[] = [];

async function startRedis(): Promise<void> {
  const port = await freePort();
  redisUrl = `redis://127.0.0.1:${port}`;
  redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  client.disconnect();
}

beforeAll(async () => {
  await startRedis();
  const env = { REDIS_URL: redisUrl, MAX_ESTIMATES: '2', RATE_LIMIT_PER_SECOND: '5' };
  servers = await Promise.all([startChild(env), startChild(env)]);
});

afterAll(() => {
  killChildren();
  redis?.kill('SIGKILL');
});

const ESTIMATE = JSON.stringify({
  query:
    '{ estimate(input: { model: "llama-2-7b", gpu: "h100", inputTokens: 10, outputTokens: 10 }) { fits } }',
});

const send = (server: ServerChild) =>
  fetch(`${server.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: ESTIMATE,
  }).then((r) => r.status);

describe('fair use shared through Redis', () => {
  it('two server processes count one budget per client: 3 + 3 estimates against 5 a second', async () => {
    // Warm both up (their first request is slower), then let that second's window pass.
    expect(await Promise.all(servers.map(send))).toEqual([200, 200]);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const statuses = await Promise.all([...servers, ...servers, ...servers].map(send));
    expect(statuses.sort()).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('keeps serving, counting per process, when Redis goes away', async () => {
    redis?.kill('SIGTERM');
    await new Promise((resolve) => redis?.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await send(servers[0])).toBe(200);
    const logged = servers[0].stdout.map((line) => JSON.parse(line) as { msg: string });
    expect(logged.map((r) => r.msg)).toContain(
      'fair use: Redis unreachable, counting in this process meanwhile',
    );
  });
});
