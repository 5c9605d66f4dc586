import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/yoga.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  server = createServer(createApp({ logging: false }));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the GraphiQL playground', () => {
  it('opens on the FitCheck example, runs it and shows the answer, loading nothing from elsewhere', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });

    await page.goto(`${origin}/graphql`);
    const runButton = page.locator('.graphiql-execute-button');
    await runButton.waitFor({ state: 'visible' });
    await page.locator('.graphiql-query-editor').getByText('query FitCheck').first().waitFor();
    const response = page.waitForResponse(
      (r) =>
        r.url().startsWith(`${origin}/graphql`) &&
        r.request().method() === 'POST' &&
        r.request().postData()?.includes('FitCheck') === true,
    );
    await runButton.click();
    expect((await response).status()).toBe(200);

    const result = page.locator('.graphiql-response');
    await expect
      .poll(async () => (await result.textContent()) ?? '', { timeout: 20_000 })
      .toContain('"fits"');
    expect(await result.textContent()).toContain('"fp8"');
    expect(foreign).toEqual([]);
    await page.close();
  });
});
