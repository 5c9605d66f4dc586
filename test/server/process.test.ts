/**
 * The real server process, as `npm start` runs it: startup line, requests, a slow upload in
 * flight during SIGTERM, exit code and the JSON request logs on stdout.
 */
import { once } from 'node:events';
import { type IncomingMessage, request } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, killChildren, spawnChild, startChild } from './spawn.js';

const SECRET = 'secret-value-in-variables';

afterEach(killChildren);

function post(
  port: number,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the server process', () => {
  it('serves, drains an in-flight request on SIGTERM and exits 0, logging JSON lines without bodies', async () => {
    const server = await startChild();
    const listening = JSON.parse(server.stdout[0]);
    expect(listening).toMatchObject({
      level: 'info',
      msg: 'listening',
      url: `http://127.0.0.1:${server.port}/graphql`,
    });

    const ok = await post(
      server.port,
      JSON.stringify({
        query: 'query Hello($id: ID!) { model(id: $id) { id } }',
        variables: { id: SECRET },
      }),
    );
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ data: { model: null } });
    expect((await post(server.port, '{"query": ')).status).toBe(400);
    const big = JSON.stringify({ query: `{ __typename } # ${'x'.repeat(200_000)}` });
    expect((await post(server.port, big)).status).toBe(413);
    expect((await post(server.port, big, { 'transfer-encoding': 'chunked' })).status).toBe(413);

    // A slow upload: headers and half the body before SIGTERM, the rest after.
    const payload = JSON.stringify({
      query:
        'query InFlight { estimate(input: { model: "llama-3.1-70b", gpu: "h100", inputTokens: 2048, outputTokens: 512 }) { fits totalSeconds } }',
    });
    const half = Math.floor(payload.length / 2);
    const slow = request({
      host: '127.0.0.1',
      port: server.port,
      path: '/graphql',
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': String(payload.length) },
    });
    const answered = once(slow, 'response') as Promise<[IncomingMessage]>;
    slow.write(payload.slice(0, half));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const signalled = performance.now();
    server.child.kill('SIGTERM');
    // While the upload is in flight, a new request is answered: /health says 503 at once.
    let unhealthy = false;
    for (let tries = 0; !unhealthy && tries < 50; tries++) {
      unhealthy = (await fetch(`http://127.0.0.1:${server.port}/health`)).status === 503;
      if (!unhealthy) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(unhealthy).toBe(true);
    slow.end(payload.slice(half));
    const [response] = await answered;
    let text = '';
    response.setEncoding('utf8');
    for await (const chunk of response) text += chunk;
    expect(response.statusCode).toBe(200);
    expect(response.headers.connection).toBe('close');
    expect(JSON.parse(text).data.estimate.totalSeconds).toBeGreaterThan(0);

    expect(await server.exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(10_000);

    const records = server.stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = records.filter((r) => r.msg === 'request');
    expect(requests.map((r) => [r.operation, r.status])).toEqual([
      ['Hello', 200],
      [null, 400],
      [null, 413],
      [null, 413],
      ['InFlight', 200],
    ]);
    for (const record of requests) {
      expect(record).toMatchObject({ level: 'info', method: 'POST', path: '/graphql' });
      expect(typeof record.durationMs).toBe('number');
    }
    expect(records.map((r) => r.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
    const output = server.stdout.join('\n');
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain('llama-3.1-70b');
  });

  it('refuses to start on a bad environment variable, naming it', async () => {
    const started = spawnChild({ MAX_DEPTH: 'deep' });
    expect(await started.exited).toBe(1);
    expect(started.stderr()).toContain(
      'Configuration error: MAX_DEPTH="deep" is invalid: expected an integer from 1 to 1000',
    );
  });

  it('says in one line that the port is in use, and exits 1', async () => {
    const blocker = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const { port } = blocker.address() as AddressInfo;
    try {
      const started = spawnChild({ PORT: String(port) });
      expect(await started.exited).toBe(1);
      expect(started.stderr()).toBe(
        `Cannot listen on 127.0.0.1:${port}: the address is already in use (another server on this port?) (EADDRINUSE)\n`,
      );
      expect(started.stdout.join('\n')).not.toContain('uncaught');
    } finally {
      blocker.close();
    }
  });

  it('is silent with LOG_LEVEL=silent', async () => {
    const port = await freePort();
    const started = spawnChild({ LOG_LEVEL: 'silent', PORT: String(port) });
    const deadline = Date.now() + 20_000;
    let healthy = false;
    while (!healthy && Date.now() < deadline) {
      healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(healthy).toBe(true);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(started.stdout).toEqual([]);
  });
});
