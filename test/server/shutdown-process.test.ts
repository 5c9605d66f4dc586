/**
 * SIGTERM under load, as issue 15 reported it: five clients each POST a 1,024-estimate compare,
 * and SIGTERM reaches the server (node itself, or `npm start` in front of it) 20 ms after their
 * requests were sent. Every client gets its full answer, none is reset, and the server is gone.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { killChildren, type ServerChild, startChild } from './spawn.js';

afterEach(killChildren);

const ids = (id: string, n: number) => JSON.stringify(Array(n).fill(id));
const BODY = JSON.stringify({
  query: `{ compare(input: { models: ${ids('llama-2-7b', 32)}, gpus: ${ids('h100', 32)}, inputTokens: 2048, outputTokens: 512 }) {
    fits memory { totalBytes } maxContextLength { tokens } timeToFirstTokenSeconds totalSeconds } }`,
});

interface Outcome {
  status?: number;
  estimates?: number;
  error?: string;
}

function post(port: number, onSent: () => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode, estimates: JSON.parse(text).data?.compare?.length }),
        );
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
    req.on('finish', onSent);
    req.end(BODY);
  });
}

async function underLoad(server: ServerChild): Promise<Outcome[]> {
  let sent = 0;
  let allSent: () => void = () => {};
  const sending = new Promise<void>((resolve) => {
    allSent = resolve;
  });
  const outcomes = Array.from({ length: 5 }, () =>
    post(server.port, () => {
      sent += 1;
      if (sent === 5) allSent();
    }),
  );
  await sending;
  await new Promise((resolve) => setTimeout(resolve, 20));
  server.child.kill('SIGTERM');
  return Promise.all(outcomes);
}

const refused = (port: number) =>
  fetch(`http://127.0.0.1:${port}/health`).then(
    () => false,
    (error: Error & { cause?: { code?: string } }) => error.cause?.code === 'ECONNREFUSED',
  );

const ENV = { RATE_LIMIT_PER_SECOND: '0' };

describe('SIGTERM under load', () => {
  it('to node: every request sent before it is answered in full, none reset; exit 0', async () => {
    const server = await startChild(ENV);
    const outcomes = await underLoad(server);
    expect(outcomes).toEqual(Array(5).fill({ status: 200, estimates: 1024 }));
    expect(await server.exited).toBe(0);
    expect(await refused(server.port)).toBe(true);
  });

  it('to npm start: npm hands it to node, which drains the same way; nothing keeps serving', async () => {
    // --ignore-scripts skips prestart (the web client build), not the start script itself.
    const server = await startChild(ENV, ['npm', ['start', '--silent', '--ignore-scripts']]);
    const outcomes = await underLoad(server);
    expect(outcomes).toEqual(Array(5).fill({ status: 200, estimates: 1024 }));
    expect(await server.exited).toBe(0);
    expect(await refused(server.port)).toBe(true);
  });
});
