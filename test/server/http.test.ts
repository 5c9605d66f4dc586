import { once } from 'node:events';
import { type IncomingMessage, request, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HEADERS_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS } from '../../src/server/config.js';
import { createHttpServer } from '../../src/server/http.js';
import { createJsonLogger } from '../../src/server/logging.js';
import {
  createShutdownState,
  drain,
  FRESH_CONNECTION_GRACE_MS,
  type ShutdownState,
} from '../../src/server/shutdown.js';
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

function connected(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything a socket receives until it closes, or the error that closed it. */
function answerOf(socket: Socket): Promise<{ text: string; error?: string }> {
  return new Promise((resolve) => {
    let text = '';
    let error: string | undefined;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on('close', () => resolve({ text, error }));
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
    expect(server.requestTimeout).toBe(DEFAULT_REQUEST_TIMEOUT_MS);
    expect(server.headersTimeout).toBe(DEFAULT_HEADERS_TIMEOUT_MS);
    expect(server.maxConnections).toBe(1024);
  });

  it('answers /health 200 while serving and 503 once shutting down', async () => {
    const { port, state } = await listen();
    expect((await get(port, '/health')).status).toBe(200);
    state.shuttingDown = true;
    const answer = await get(port, '/health');
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toEqual({ status: 'shutting down' });
  });

  it('drains: an in-flight request finishes, new requests meanwhile are answered (health 503), then the server closes', async () => {
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
    // The listener stays open while requests are in flight: a late client gets an answer, not a reset.
    expect(await get(port, '/health')).toEqual({ status: 503, body: '{"status":"shutting down"}' });
    slow.end(payload.slice(half));

    const [response] = await answered;
    expect(response.statusCode).toBe(200);
    expect(response.headers.connection).toBe('close');
    expect(JSON.parse(await bodyOf(response))).toEqual({ data: { estimate: { fits: true } } });
    expect(await drained).toBe(true);
    expect(server.listening).toBe(false);
    await expect(get(port, '/health')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('drain answers requests that had arrived but were not read yet (they used to be reset)', async () => {
    const { server, state, port } = await listen();
    const sockets = await Promise.all([0, 1, 2].map(() => connected(port)));
    while (state.sockets.size < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    const answers = sockets.map(answerOf);
    const body = JSON.stringify({
      query:
        '{ estimate(input: { model: "llama-2-7b", gpu: "h100", inputTokens: 10, outputTokens: 10 }) { fits } }',
    });
    // Written to the kernel at once; the server reads them only once this function returns, after
    // the drain has begun: as when SIGTERM lands while the event loop is busy.
    for (const socket of sockets) {
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
    }
    const drained = drain(server, state, 5_000);
    for (const answer of await Promise.all(answers)) {
      expect(answer.error).toBeUndefined();
      const [head, payload] = answer.text.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(head.toLowerCase()).toContain('connection: close');
      expect(JSON.parse(payload)).toEqual({ data: { estimate: { fits: true } } });
    }
    expect(await drained).toBe(true);
  });

  it('drain closes an idle keep-alive connection at once and a silent new one after its grace', async () => {
    const { server, state, port } = await listen();
    const keepAlive = await connected(port);
    const keptAnswer = new Promise<void>((resolve) => keepAlive.once('data', () => resolve()));
    keepAlive.write('GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await keptAnswer;
    const silent = await connected(port);
    const closedAt = (socket: Socket) =>
      new Promise<number>((resolve) => socket.once('close', () => resolve(performance.now())));
    const [keepAliveClosed, silentClosed] = [closedAt(keepAlive), closedAt(silent)];
    const started = performance.now();
    expect(await drain(server, state, 5_000)).toBe(true);
    expect((await keepAliveClosed) - started).toBeLessThan(FRESH_CONNECTION_GRACE_MS);
    expect((await silentClosed) - started).toBeGreaterThanOrEqual(FRESH_CONNECTION_GRACE_MS - 100);
    expect((await silentClosed) - started).toBeLessThan(FRESH_CONNECTION_GRACE_MS + 1_000);
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

/** Sends `text` on a fresh socket and resolves with everything the server answers until it closes. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.setTimeout(5_000, () =>
      socket.destroy(new Error(`no answer to ${JSON.stringify(text.slice(0, 60))}`)),
    );
  });
}

describe('requests the app cannot take', () => {
  const body = '{"query":"{ __typename }"}';
  const post = (host: string, path = '/graphql') =>
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;

  it.each([
    ['a space in Host', 400, 'invalid Host header', post('a b')],
    ['a bracket in Host', 400, 'invalid Host header', post('[')],
    ['a path in Host', 400, 'invalid Host header', post('example.com/x')],
    ['a bad port in Host', 400, 'invalid Host header', post('example.com:99999')],
    [
      'a bad Host on /health',
      400,
      'invalid Host header',
      'GET /health HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n',
    ],
    [
      'an absolute target of another host',
      400,
      'invalid request target',
      post('localhost', 'http://[::1/graphql'),
    ],
    [
      'a control character in a header',
      400,
      'malformed request',
      `GET /health HTTP/1.1\r\nHost: localhost\r\nX-A: a\u0001b\r\n\r\n`,
    ],
    ['a malformed request line', 400, 'malformed request', 'GET\r\n\r\n'],
    [
      'headers over the size limit',
      431,
      'request headers too large',
      `GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`,
    ],
  ])('%s: %i with a one-line reason, no stack, logged', async (_what, status, reason, text) => {
    const lines: string[] = [];
    const state = createShutdownState();
    server = createHttpServer(
      testApp(),
      state,
      createJsonLogger('info', (line) => lines.push(line)),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const answer = await raw((server.address() as AddressInfo).port, text);
    const [head, payload] = answer.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(JSON.parse(payload)).toEqual({
      errors: [{ message: `Bad request: ${reason}`, extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(answer).not.toMatch(/at |\.ts|node_modules/);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'bad request', status, reason }),
    ]);
  });

  it('reads media types case-insensitively', async () => {
    const { port } = await listen();
    const answer = await raw(
      port,
      `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: APPLICATION/JSON; charset=UTF-8\r\nAccept: Application/Json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(answer).toContain('{"data":{"__typename":"Query"}}');
  });
});
