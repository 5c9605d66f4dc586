/**
 * `npm run docs:screenshots`: builds the web client, serves it with the API on 127.0.0.1 and saves
 * a screenshot of each view into docs/ (the README shows them): 1280x800 desktop shots and one at
 * phone width.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MISTRAL_7B } from '../test/core/hf-configs.js';
import { buildWebClient, launchChromium, serveWebClient } from './browser.js';

const docs = fileURLToPath(new URL('../docs/', import.meta.url));

interface Shot {
  file: string;
  query: string;
  /** The test id to wait for. */
  ready: string;
  phone?: boolean;
  /** A config.json to paste into the model's box first. */
  paste?: object;
}

const SHOTS: Shot[] = [
  {
    file: 'web-fit.png',
    query: '?model=llama-3.1-70b&gpu=h100-sxm5-80gb&gpuCount=2&batchSize=8',
    ready: 'verdict',
  },
  {
    file: 'web-fit-config.png',
    query: '?modelSource=config&gpu=l4&weightFormat=INT8&inputTokens=4096',
    paste: MISTRAL_7B,
    ready: 'verdict',
  },
  {
    file: 'web-compare.png',
    query:
      '?view=compare&model=llama-3.1-8b&gpus=a100-sxm4-80gb,h100-sxm5-80gb,h200-sxm-141gb,b200-sxm-180gb,l40s,l4,rtx-4090,mi300x&weightFormats=FP16,INT4&sort=-throughput',
    ready: 'compare-table',
  },
  {
    file: 'web-roofline.png',
    query: '?view=roofline&model=llama-3.1-8b&inputTokens=4096&batchSize=8',
    ready: 'roofline-chart',
  },
  {
    file: 'web-serving.png',
    query:
      '?view=serving&model=llama-3.1-70b&inputTokens=2000&outputTokens=300&setups=h100-sxm5-80gb:4:FP8:FP8:1:2,h100-sxm5-80gb:8:FP8:FP8,h200-sxm-141gb:4:FP8:FP8:1:2&maxTtftMs=200&maxTpotMs=40',
    ready: 'serving-chart',
  },
  {
    file: 'web-plan.png',
    query: '?view=plan&model=llama-3.1-70b&requestsPerSecond=10&maxTtftMs=2000&maxTpotMs=50&maxGpus=8',
    ready: 'plan-summary',
  },
  {
    file: 'web-fit-phone.png',
    query: '?model=mixtral-8x7b&gpu=a100-sxm4-80gb&weightFormat=INT4',
    ready: 'verdict',
    phone: true,
  },
];

const buildDir = mkdtempSync(join(tmpdir(), 'web-screenshots-'));
await buildWebClient(buildDir);
const server = await serveWebClient(buildDir);
const browser = await launchChromium();
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({
      viewport: shot.phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
      deviceScaleFactor: 1,
    });
    await page.goto(`${server.origin}/${shot.query}`);
    if (shot.paste)
      await page.getByLabel('config.json', { exact: true }).fill(JSON.stringify(shot.paste, null, 2));
    await page.getByTestId(shot.ready).waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="results"]')?.getAttribute('aria-busy') === 'false',
    );
    await page.screenshot({ path: join(docs, shot.file), fullPage: !shot.phone });
    process.stdout.write(`docs/${shot.file}\n`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(buildDir, { recursive: true, force: true });
}
