/**
 * The web client's build (`npm run build` -> web/dist, served by the API server at /) and dev
 * server (`npm run dev`: hot reloading, /graphql proxied to the running API at API_URL, default
 * http://localhost:4000).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The budget is about the gzipped JavaScript of the first view; the build prints each file's size.
    reportCompressedSize: true,
  },
  server: {
    proxy: { '/graphql': process.env.API_URL ?? 'http://localhost:4000' },
  },
});
