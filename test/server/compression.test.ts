import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/server/http.js';
import { createJsonLogger } from '../../src/server/logging.js';
import { createShutdownState } from '../../src/server/shutdown.js';
import { assetResponse, chooseEncoding, staticAsset } from '../../src/server/static-asset.js';
import { testApp } from '../schema/support.js';

describe('choosing an encoding from Accept-Encoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['identity', undefined],
    ['GZIP;q=0.5', 'gzip'],
    [null, undefined],
  ])('%j: %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('static assets', () => {
  const text = 'estimate '.repeat(1_000);
  const asset = staticAsset(new TextEncoder().encode(text), {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-cache',
  });
  const get = (headers: Record<string, string>, method = 'GET') =>
    assetResponse(asset, new Request('http://localhost/x', { method, headers }), { Response });

  it('sends a compressed copy to clients that accept one, the same bytes once decoded', async () => {
    const br = await get({ 'accept-encoding': 'gzip, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('accept-encoding');
    const bytes = Buffer.from(await br.arrayBuffer());
    expect(bytes.length).toBeLessThan(text.length / 10);
    expect(Number(br.headers.get('content-length'))).toBe(bytes.length);
    expect(brotliDecompressSync(bytes).toString()).toBe(text);
    const gz = await get({ 'accept-encoding': 'gzip' });
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(text);
    const plain = await get({});
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(text);
  });

  it('answers 304 to a client holding the current ETag, and HEAD without a body', async () => {
    const first = await get({});
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const again = await get({ 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const head = await get({ 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('the playground page', () => {
  const app = testApp();
  const page = (headers: Record<string, string>) =>
    app.fetch('http://localhost/graphql', { headers: { accept: 'text/html', ...headers } });

  it('is served compressed and cacheable: a fraction of its size, revalidated by ETag', async () => {
    const plain = await page({});
    const html = await plain.text();
    expect(html).toContain('<title>LLM Inference Estimator</title>');
    const br = await page({ 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=300');
    const bytes = Buffer.from(await br.arrayBuffer());
    expect(bytes.length).toBeLessThan(Buffer.byteLength(html) / 3);
    expect(brotliDecompressSync(bytes).toString()).toBe(html);
    const revalidated = await page({ 'if-none-match': br.headers.get('etag') ?? '' });
    expect(revalidated.status).toBe(304);
  });

  it('is not served when turned off (PLAYGROUND=off), the API still is', async () => {
    const off = testApp({ graphiql: false });
    const response = await off.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toContain('<title>LLM Inference Estimator</title>');
  });
});

describe('GraphQL responses over HTTP', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createHttpServer(testApp(), createShutdownState(), createJsonLogger('silent'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const ids = (id: string, n: number) => JSON.stringify(Array(n).fill(id));
  const compare = `{ compare(input: { models: ${ids('llama-2-7b', 10)}, gpus: ${ids('h100', 10)}, inputTokens: 10, outputTokens: 10 }) { fits totalSeconds } }`;

  /** Raw bytes as sent: node's http client does not decode them, unlike fetch. */
  async function post(query: string, acceptEncoding?: string) {
    const { request } = await import('node:http');
    return new Promise<{ encoding?: string; vary?: string; bytes: Buffer }>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              encoding: res.headers['content-encoding'],
              vary: res.headers.vary,
              bytes: Buffer.concat(chunks),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ query }));
    });
  }

  it('are compressed when the client accepts it and they are over 1 KiB', async () => {
    const plain = await post(compare);
    expect(plain.encoding).toBeUndefined();
    const json = JSON.parse(plain.bytes.toString());
    expect(json.data.compare).toHaveLength(100);
    const gzip = await post(compare, 'gzip');
    expect(gzip.encoding).toBe('gzip');
    expect(gzip.vary).toContain('Accept-Encoding');
    expect(gzip.bytes.length).toBeLessThan(plain.bytes.length / 3);
    expect(JSON.parse(gunzipSync(gzip.bytes).toString())).toEqual(json);
    const br = await post(compare, 'br');
    expect(JSON.parse(brotliDecompressSync(br.bytes).toString())).toEqual(json);
    const small = await post('{ __typename }', 'gzip');
    expect(small.encoding).toBeUndefined();
    expect(small.bytes.toString()).toBe('{"data":{"__typename":"Query"}}');
  });
});
