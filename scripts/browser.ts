/**
 * What the web client's browser tests and the screenshot script share: Debian's chromium through
 * playwright-core (no browser downloads), a fresh build of web/, and the API server serving it on
 * 127.0.0.1.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { createApp } from '../src/server/yoga.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Builds web/ with its Vite config into `outDir` (the sources as they are now, not a stale web/dist). */
export async function buildWebClient(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: fileURLToPath(new URL('../web/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

export interface LocalServer {
  /** http://127.0.0.1:port */
  origin: string;
  close(): Promise<void>;
}

/** The API with the client built into `webClientDir`, on a free loopback port. */
export async function serveWebClient(webClientDir: string): Promise<LocalServer> {
  const server = createServer(createApp({ logging: false, webClient: webClientDir }));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
