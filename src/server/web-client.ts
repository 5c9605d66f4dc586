/**
 * Serves the built web client (`npm run build` writes web/dist) at GET /, beside the API at
 * /graphql. Every file is read once when the app is created and looked up by exact path, so no
 * request can reach outside the build. Vite names assets by content hash: those are cached for a
 * year; index.html is revalidated (ETag) so a new build shows at once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';
import { assetResponse, type StaticAsset, staticAsset } from './static-asset.js';

/** Where `npm run build` puts the client. */
export const WEB_CLIENT_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * The page may talk to its own origin only: nothing from a CDN, no requests elsewhere. Inline
 * styles are allowed because the chart library styles its SVG inline.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function loadFiles(dir: string): Map<string, StaticAsset> {
  const files = new Map<string, StaticAsset>();
  if (!existsSync(join(dir, 'index.html'))) return files;
  for (const path of listFiles(dir)) {
    const type = CONTENT_TYPES[extname(path)];
    if (type === undefined) continue;
    const urlPath = `/${relative(dir, path).split(sep).join('/')}`;
    const body = new Uint8Array(readFileSync(path));
    const hashed = urlPath.startsWith('/assets/');
    files.set(
      urlPath,
      staticAsset(body, {
        'content-type': type,
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
        ...(type.startsWith('text/html') ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
      }),
    );
  }
  return files;
}

const NOT_BUILT =
  '<!doctype html><title>Web client not built</title><p>The web client is not built: run <code>npm run build</code> and restart. The API is at <a href="/graphql">/graphql</a>.</p>';

/** GET/HEAD of a built file answers it; `/` answers index.html (or says how to build it). */
export function webClientPlugin(dir: string = WEB_CLIENT_DIR): Plugin {
  const files = loadFiles(dir);
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const path = url.pathname === '/' ? '/index.html' : url.pathname;
      const file = files.get(path);
      if (file === undefined) {
        if (url.pathname === '/') {
          endResponse(
            new fetchAPI.Response(NOT_BUILT, {
              status: 404,
              headers: { 'content-type': 'text/html; charset=utf-8' },
            }),
          );
        }
        return;
      }
      // ETag revalidation, and a brotli or gzip copy made once per file (static-asset.ts).
      return assetResponse(file, request, fetchAPI).then(endResponse);
    },
  };
}
