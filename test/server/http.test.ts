import { once } from 'node:events';
import { type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../../src/server/http.js';
import { createJsonLogger } from '../../src/server/logging.js';
import { createShutdownState, drain, type ShutdownState } from '../../src/server/shutdown.js';
import { testApp } from '../schema/support.js';

let server: Server | undefined;

afterEach(async () => {
  if (server?.listening) {
    server.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }
  server = undefined;
});

async function listen(): Promise<{ server: Server; state: ShutdownState; port: number }> {
  const state = createShutdownState();
  server = createHttpServer(testApp(), state, createJsonLogger('silent'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, state, port: (server.address() as AddressInfo).port };
}

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

function bodyOf(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      body += chunk;
    });
    res.on('end', () => resolve(body));
  });
}

describe('the node:http server', () => {
  it('sets timeouts against slow clients', async () => {
    const { server } = await listen();
    expect(server.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    expect(server.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
  });

  it('answers /health 200 while serving and 503 once shutting down', async () => {
    const { port, state } = await listen();
    expect((await get(port, '/health')).status).toBe(200);
    state.shuttingDown = true;
    const answer = await get(port, '/health');
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toEqual({ status: 'shutting down' });
  });

  it('drains: an in-flight request finishes, new connections are refused, then the server closes', async () => {
    const { server, state, port } = await listen();
    const payload = JSON.stringify({
      query:
        'query Slow { estimate(input: { model: "llama-2-7b", gpu: "h100", inputTokens: 10, outputTokens: 10 }) { fits } }',
    });
    const half = Math.floor(payload.length / 2);
    // A slow upload: headers and half the body now, the rest after shutdown has begun.
    const slow = request({
      host: '127.0.0.1',
      port,
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(payload.length) },
    });
    const answered = once(slow, 'response') as Promise<[IncomingMessage]>;
    slow.write(payload.slice(0, half));
    while (state.inFlight.size === 0) await new Promise((resolve) => setTimeout(resolve, 10));

    const drained = drain(server, state, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(get(port, '/health')).rejects.toThrow(/ECONNREFUSED/);
    slow.end(payload.slice(half));

    const [response] = await answered;
    expect(response.statusCode).toBe(200);
    expect(response.headers.connection).toBe('close');
    expect(JSON.parse(await bodyOf(response))).toEqual({ data: { estimate: { fits: true } } });
    expect(await drained).toBe(true);
    expect(server.listening).toBe(false);
  });

  it('gives up at the deadline with requests still running', async () => {
    const { server, state, port } = await listen();
    const stuck = request({
      host: '127.0.0.1',
      port,
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '1000' },
    });
    stuck.on('error', () => {});
    stuck.write('{"query":');
    while (state.inFlight.size === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = performance.now();
    expect(await drain(server, state, 300)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
