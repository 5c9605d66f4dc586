import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/yoga.js';

let dir: string;
const INDEX = '<!doctype html><title>client</title><script type="module" src="/assets/app-3f9a.js"></script>';
const SCRIPT = 'console.log("client")';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'web-client-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'app-3f9a.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'notes.unknown'), 'not a served type');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (app: ReturnType<typeof createApp>, path: string, init: RequestInit = {}) =>
  app.fetch(new Request(`http://127.0.0.1${path}`, init));

describe('the built web client at /', () => {
  const app = () => createApp({ logging: false, webClient: dir });

  it('answers / (with any query string) with index.html, revalidated, same-origin only', async () => {
    for (const path of ['/', '/?view=compare&gpus=l4,a10']) {
      const response = await get(app(), path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('serves hashed assets cacheable for a year, and HEAD without a body', async () => {
    const response = await get(app(), '/assets/app-3f9a.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(SCRIPT);
    const head = await get(app(), '/assets/app-3f9a.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 304 to a matching If-None-Match, and the full file to a stale one', async () => {
    const served = app();
    const etag = (await get(served, '/')).headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect((await get(served, '/', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await get(served, '/', { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
  });

  it('serves nothing outside the build, no unknown types, and only to GET and HEAD', async () => {
    for (const path of [
      '/../package.json',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/assets/notes.unknown',
      '/assets/missing.js',
    ]) {
      expect((await get(app(), path)).status, path).toBe(404);
    }
    const post = await get(app(), '/', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(post.status).not.toBe(200);
  });

  it('leaves the API and GraphiQL where they were', async () => {
    const api = await get(app(), '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ gpu(id: "l4") { id } }' }),
    });
    expect(await api.json()).toEqual({ data: { gpu: { id: 'l4' } } });
    const graphiql = await get(app(), '/graphql', { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toContain('GraphiQL');
  });

  it('says how to build the client when there is no build, and serves nothing when turned off', async () => {
    const missing = createApp({ logging: false, webClient: join(dir, 'nowhere') });
    const response = await get(missing, '/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('npm run build');
    const off = createApp({ logging: false, webClient: false });
    expect((await get(off, '/assets/app-3f9a.js')).status).toBe(404);
  });
});
