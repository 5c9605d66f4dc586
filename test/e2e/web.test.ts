/**
 * The web client in a real browser against the real server: each view loads, shows what the API
 * answers, and redraws to the API's new answer when an input changes. No request leaves
 * 127.0.0.1 and the console stays free of errors. One chromium serves every test here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildWebClient, type LocalServer, launchChromium, serveWebClient } from '../../scripts/browser.js';
import {
  CatalogDocument,
  CompareGpusDocument,
  type CompareGpusQuery,
  type CompareGpusQueryVariables,
  FitEstimateDocument,
  type FitEstimateQuery,
  type FitEstimateQueryVariables,
  PlanDeploymentDocument,
  RooflineDocument,
  type RooflineQuery,
  ServingCurveDocument,
  type TypedDocumentString,
} from '../../web/src/gql/graphql.js';
import {
  formatBytes,
  formatDollars,
  formatParameters,
  formatSeconds,
  formatSi,
  formatTokenRate,
  formatTokens,
} from '../../web/src/lib/format.js';
import { layoutLabel, planVariables } from '../../web/src/lib/plan.js';
import { rooflinePoints } from '../../web/src/lib/roofline.js';
import { bestWithinLimits, limitsOf, servingVariables, setupLabels } from '../../web/src/lib/serving.js';
import { DEFAULT_STATE, parseState } from '../../web/src/lib/url-state.js';

let buildDir: string;
let server: LocalServer;
let browser: Browser;
let context: BrowserContext;
let foreign: string[];
let consoleErrors: string[];

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'web-client-build-'));
  await buildWebClient(buildDir);
  server = await serveWebClient(buildDir);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(buildDir, { recursive: true, force: true });
});

/** A fresh context (cold cache) whose requests may only go to the test server. */
async function openPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  context = await browser.newContext({ viewport });
  foreign = [];
  consoleErrors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`) || url.startsWith('data:')) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return page;
}

afterEach(async () => {
  await context?.close();
  expect(foreign, 'requests that left 127.0.0.1').toEqual([]);
  expect(consoleErrors, 'console errors').toEqual([]);
});

/** What the API answers for a document, asked directly (the expectation each view must show). */
async function api<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
) {
  const response = await fetch(`${server.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  return (await response.json()) as { data: TResult; errors?: { message: string }[] };
}

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').trim();

/** Polls until the view has settled (no request in flight) and `read` gives `expected`. */
async function until<T>(page: Page, read: () => Promise<T>, expected: T) {
  await expect
    .poll(
      async () =>
        (await page.getByTestId('results').getAttribute('aria-busy')) === 'true' ? undefined : read(),
      {
        timeout: 20_000,
      },
    )
    .toEqual(expected);
}

function fitInput(change: Partial<FitEstimateQueryVariables['input']> = {}): FitEstimateQueryVariables {
  const { model, gpu, gpuCount, weightFormat, kvCacheFormat, inputTokens, outputTokens, batchSize } =
    DEFAULT_STATE;
  return {
    input: {
      model,
      gpu,
      gpuCount,
      weightFormat,
      kvCacheFormat,
      inputTokens,
      outputTokens,
      batchSize,
      ...change,
    },
  };
}

function fitFigures(estimate: FitEstimateQuery['estimate']) {
  return {
    maxContext: formatTokens(estimate.maxContextLength.tokens),
    ttft: formatSeconds(estimate.timeToFirstTokenSeconds),
    tpot: formatSeconds(estimate.timePerOutputTokenSeconds),
    throughput: formatTokenRate(estimate.outputTokensPerSecond),
    kvCache: formatBytes(estimate.memory.kvCacheBytes),
  };
}

async function shownFitFigures(page: Page) {
  const kvRow = page.getByTestId('memory-table').locator('tr', { hasText: 'KV cache' }).locator('td');
  return {
    maxContext: await text(page, 'max-context'),
    ttft: await text(page, 'ttft'),
    tpot: await text(page, 'tpot'),
    throughput: await text(page, 'throughput'),
    kvCache: ((await kvRow.textContent()) ?? '').trim(),
  };
}

describe('the web client', () => {
  it('Fit: renders from a cold load, then redraws to the API answer for a new batch size', async () => {
    const page = await openPage();
    await page.goto(`${server.origin}/`);
    await page.getByTestId('verdict').waitFor();
    await page.getByTestId('memory-chart').locator('svg').first().waitFor();
    const firstViewMs = await page.evaluate(() => performance.now());
    console.log(
      `web client: first view (Fit) rendered ${Math.round(firstViewMs)} ms after navigation (cold load)`,
    );

    const before = await api(FitEstimateDocument, fitInput());
    await until(page, () => shownFitFigures(page), fitFigures(before.data.estimate));

    await page.getByLabel('Batch size, sequences').fill('64');
    const after = await api(FitEstimateDocument, fitInput({ batchSize: 64 }));
    // 64 sequences hold 64 times one sequence's KV cache: the view must move with the API.
    expect(after.data.estimate.memory.kvCacheBytes).toBeCloseTo(
      64 * before.data.estimate.memory.kvCacheBytes,
      -3,
    );
    await until(page, () => shownFitFigures(page), fitFigures(after.data.estimate));
    // The chart's KV cache segment says the same bytes as the table.
    await until(
      page,
      async () => page.getByTestId('memory-chart').locator('title', { hasText: 'KV cache:' }).textContent(),
      `KV cache: ${formatBytes(after.data.estimate.memory.kvCacheBytes)}`,
    );
    expect(page.url()).toContain('batchSize=64');
  });

  it("Fit: shows the API's error next to the input it names, and recovers", async () => {
    const page = await openPage();
    await page.goto(`${server.origin}/?inputTokens=0`);
    const prompt = page.getByLabel('Prompt length, tokens');
    const expected = await api(FitEstimateDocument, fitInput({ inputTokens: 0 }));
    const message = expected.errors?.[0]?.message ?? '';
    expect(message).toContain('input.inputTokens');
    await expect.poll(() => prompt.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
    const describedBy = (await prompt.getAttribute('aria-describedby')) ?? '';
    const errorText = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent();
    expect(errorText).toBe(message);

    await page.getByLabel('Model', { exact: true }).fill('no-such-model');
    await page.getByLabel('Model', { exact: true }).press('Enter');
    await prompt.fill('100');
    await expect
      .poll(
        async () =>
          page
            .locator('.field', { has: page.getByLabel('Model', { exact: true }) })
            .locator('.field-error')
            .textContent(),
        {
          timeout: 20_000,
        },
      )
      .toContain('unknown model "no-such-model"');
    expect(await prompt.getAttribute('aria-invalid')).toBe('false');

    await page.getByLabel('Model', { exact: true }).fill('llama-2-7b');
    await page.getByLabel('Model', { exact: true }).press('Enter');
    await page.getByTestId('verdict').waitFor({ timeout: 20_000 });
  });

  it('Fit: a pasted config.json is estimated as the API reads it, kept for links in this browser, its errors beside the box', async () => {
    const page = await openPage();
    await page.goto(`${server.origin}/`);
    await page.getByTestId('verdict').waitFor({ timeout: 20_000 });
    await page.getByLabel('Pasted config.json').check();
    await page.getByTestId('results').getByText("Paste a model's config.json").waitFor();
    const box = page.getByLabel('config.json', { exact: true });
    const boxError = () => page.locator('.field', { has: box }).locator('.field-error').textContent();

    await box.fill('{"model_type": "llama",');
    await expect.poll(boxError).toMatch(/^Not valid JSON: /);

    // A Llama 3.2 1B-shaped config. Parameters by hand: embedding 128,256 x 2,048 = 262,668,288 (tied
    // with the LM head); per layer q and o 2 x 2,048^2 = 8,388,608, k and v 2 x 2,048 x 512 (8 KV heads
    // of 64) = 2,097,152, gated MLP 3 x 2,048 x 8,192 = 50,331,648, two norms 4,096: 60,821,504; 16
    // layers 973,144,064; final norm 2,048; total 1,235,814,400.
    const config = {
      architectures: ['LlamaForCausalLM'],
      model_type: 'llama',
      hidden_size: 2048,
      intermediate_size: 8192,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      num_hidden_layers: 16,
      vocab_size: 128256,
      max_position_embeddings: 131072,
      tie_word_embeddings: true,
      torch_dtype: 'bfloat16',
    };
    await box.fill(JSON.stringify(config, null, 2));
    const { model: _catalogModel, ...workload } = fitInput().input;
    const expected = await api(FitEstimateDocument, { input: { ...workload, modelConfig: config } });
    expect(expected.data.estimate.model.parameterCount).toBe(1_235_814_400);
    await until(page, () => shownFitFigures(page), fitFigures(expected.data.estimate));
    expect(await text(page, 'model-read')).toBe(
      `${expected.data.estimate.model.name} (${formatParameters(1_235_814_400)})`,
    );
    expect(page.url()).toMatch(
      /modelSource=config&model=[^&]*&config=[0-9a-f]{8}|modelSource=config&config=[0-9a-f]{8}/,
    );

    // The link reopens the same config in this browser.
    await page.reload();
    await until(page, () => shownFitFigures(page), fitFigures(expected.data.estimate));
    expect(JSON.parse(await box.inputValue())).toEqual(config);

    // A config the API cannot read: its BAD_USER_INPUT message, naming the config field, under the box.
    const { hidden_size: _width, ...noWidth } = config;
    await box.fill(JSON.stringify(noWidth));
    const refused = await api(FitEstimateDocument, { input: { ...workload, modelConfig: noWidth } });
    const message = refused.errors?.[0]?.message ?? '';
    expect(message).toContain('input.modelConfig.hidden_size');
    await expect.poll(boxError, { timeout: 20_000 }).toBe(message);

    // Another browser (here: this one with its storage cleared) has no copy: it says to paste again.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect.poll(boxError, { timeout: 20_000 }).toContain('paste it here again');
    await page.getByTestId('results').getByText("Paste a model's config.json").waitFor();
  });

  it('Fit: data-parallel replicas hold their sequences side by side; a refused split shows under the split inputs', async () => {
    const page = await openPage();
    await page.goto(`${server.origin}/`);
    const one = await api(FitEstimateDocument, fitInput());
    const shownMost = () => text(page, 'max-concurrency');
    await until(page, shownMost, one.data.estimate.maxConcurrency.toLocaleString('en-US'));

    await page.getByLabel('Data-parallel replicas').fill('2');
    const { gpuCount: _count, ...rest } = fitInput().input;
    const two = await api(FitEstimateDocument, {
      input: { ...rest, parallelism: { tensor: 1, pipeline: 1, data: 2 } },
    });
    // Two replicas of the same GPU each hold what one holds: twice the sequences, on 2 GPUs.
    expect(two.data.estimate.maxConcurrency).toBe(2 * one.data.estimate.maxConcurrency);
    expect(two.data.estimate.parallelism.gpuCount).toBe(2);
    await until(page, shownMost, two.data.estimate.maxConcurrency.toLocaleString('en-US'));
    expect(page.url()).toContain('data=2');

    await page.getByLabel('GPUs (tensor parallel)').fill('3');
    const refused = await api(FitEstimateDocument, {
      input: { ...rest, parallelism: { tensor: 3, pipeline: 1, data: 2 } },
    });
    const message = refused.errors?.[0]?.message ?? '';
    expect(message).toContain('the 32 attention heads must divide evenly');
    const data = page.getByLabel('Data-parallel replicas');
    await expect.poll(() => data.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
    const describedBy = (await data.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toBe(message);
  });

  it('Compare: bars and table show the compare answer; a second format, all GPUs and sorting redraw them', async () => {
    const page = await openPage();
    const gpus = ['l4', 'a100-sxm4-80gb', 'h100-sxm5-80gb'];
    await page.goto(`${server.origin}/?view=compare&gpus=${gpus.join(',')}&sort=-throughput`);
    const variables = (
      weightFormats: CompareGpusQueryVariables['input']['weightFormats'],
      ids: string[],
    ) => ({
      input: {
        models: [DEFAULT_STATE.model],
        gpus: ids,
        weightFormats,
        kvCacheFormats: [DEFAULT_STATE.kvCacheFormat],
        gpuCount: 1,
        inputTokens: DEFAULT_STATE.inputTokens,
        outputTokens: DEFAULT_STATE.outputTokens,
        batchSize: 1,
      },
    });
    const rowsShown = () =>
      page
        .getByTestId('compare-table')
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => [
            row.querySelector('th')?.textContent ?? '',
            (row.querySelector('td[data-metric="throughput"]')?.firstChild?.textContent ?? '').trim(),
          ]),
        );
    const expectedRows = (answer: CompareGpusQuery['compare'], withFormat: boolean) =>
      [...answer]
        .sort((a, b) => b.outputTokensPerSecond - a.outputTokensPerSecond)
        .map((e) => [
          withFormat ? `${e.gpu.name} · ${e.assumptions.weightFormat}` : e.gpu.name,
          formatTokenRate(e.outputTokensPerSecond),
        ]);

    const fp16 = await api(CompareGpusDocument, variables(['FP16'], gpus));
    await until(page, rowsShown, expectedRows(fp16.data.compare, false));
    expect(await page.getByTestId('chart-throughput').locator('svg title').count()).toBe(gpus.length);

    // Every catalog GPU: time from the click to the redrawn table, measured in the page.
    const { data: catalog } = await api(CatalogDocument, {});
    const allIds = catalog.gpus.map((gpu) => gpu.id);
    const redrawMs = await page.evaluate(
      (count) =>
        new Promise<number>((resolve) => {
          const started = performance.now();
          const done = () =>
            document.querySelectorAll('[data-testid="compare-table"] tbody tr').length === count &&
            document.querySelector('[data-testid="results"]')?.getAttribute('aria-busy') === 'false';
          new MutationObserver((_, observer) => {
            if (!done()) return;
            observer.disconnect();
            resolve(performance.now() - started);
          }).observe(document.body, { subtree: true, childList: true, attributes: true });
          const all = [...document.querySelectorAll('button')].find((button) => button.textContent === 'All');
          all?.click();
        }),
      allIds.length,
    );
    console.log(
      `web client: Compare redrawn for ${allIds.length} GPUs in ${Math.round(redrawMs)} ms (request + render)`,
    );
    const all = await api(CompareGpusDocument, variables(['FP16'], allIds));
    await until(page, rowsShown, expectedRows(all.data.compare, false));

    await page.getByRole('group', { name: 'Weight formats' }).getByLabel('INT4').check();
    const both = await api(CompareGpusDocument, variables(['FP16', 'INT4'], allIds));
    await until(page, rowsShown, expectedRows(both.data.compare, true));
    expect(await page.getByTestId('chart-tpot').locator('svg title').count()).toBe(2 * allIds.length);

    await page.getByRole('button', { name: 'GPU' }).click();
    expect(page.url()).toContain('sort=gpu');
    const names = await page.getByTestId('compare-table').locator('tbody th').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('GPU');
  });

  it('Roofline: places every operator with FLOPs; another GPU moves the roof to its peak', async () => {
    const page = await openPage();
    await page.goto(`${server.origin}/?view=roofline`);
    const { input } = fitInput();
    const summaryOf = (answer: RooflineQuery['estimate']) =>
      `${answer.gpu.name}: ${formatSi(answer.assumptions.computePeakFlopsPerSecond, 'FLOP/s')} peak`;

    const h100 = await api(RooflineDocument, { input });
    const points = [
      ...rooflinePoints('prefill', h100.data.estimate.prefill.operators),
      ...rooflinePoints('decode', h100.data.estimate.decode.operators),
    ];
    expect(points.length).toBeGreaterThan(0);
    await until(
      page,
      async () => (await text(page, 'roofline-summary')).split(' in ')[0],
      summaryOf(h100.data.estimate),
    );
    expect(await page.getByTestId('operator-table').locator('tbody tr').count()).toBe(points.length);
    // One dot (with its hover title) per operator on the chart.
    expect(await page.getByTestId('roofline-chart').locator('svg title').count()).toBe(points.length);

    await page.getByLabel('GPU', { exact: true }).fill('l4');
    await page.getByLabel('GPU', { exact: true }).press('Enter');
    const l4 = await api(RooflineDocument, { input: { ...input, gpu: 'l4' } });
    expect(l4.data.estimate.assumptions.computePeakFlopsPerSecond).toBeLessThan(
      h100.data.estimate.assumptions.computePeakFlopsPerSecond,
    );
    await until(
      page,
      async () => (await text(page, 'roofline-summary')).split(' in ')[0],
      summaryOf(l4.data.estimate),
    );
    await until(
      page,
      async () =>
        page
          .getByTestId('roofline-chart')
          .getByText(/^peak /)
          .textContent(),
      `peak ${formatSi(l4.data.estimate.assumptions.computePeakFlopsPerSecond, 'FLOP/s')} (${l4.data.estimate.assumptions.computeFormatUsed})`,
    );
  });

  it('Plan: ranks what the planner answers, re-ranks by another objective, and says when nothing meets the targets', async () => {
    const page = await openPage();
    const query =
      '?view=plan&model=llama-3.1-8b&planGpus=h100-sxm5-80gb,l40s,a100-sxm4-80gb&maxGpus=2&requestsPerSecond=2';
    await page.goto(`${server.origin}/${query}`);
    const expectedRows = async (search: string) => {
      const variables = planVariables(parseState(search), undefined);
      if (variables === null) throw new Error('no plan variables');
      const { data } = await api(PlanDeploymentDocument, variables);
      return data.plan.candidates.map((c) => [
        `${c.gpuCount}× ${c.gpu.name}${layoutLabel(c.parallelism)}`,
        c.dollarsPerMillionOutputTokens == null ? 'no price' : formatDollars(c.dollarsPerMillionOutputTokens),
      ]);
    };
    const rowsShown = () =>
      page
        .getByTestId('plan-table')
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => [row.querySelector('th')?.textContent ?? '', row.children[9]?.textContent ?? '']),
        );
    const byCost = await expectedRows(query);
    expect(byCost.length).toBeGreaterThan(0);
    await until(page, rowsShown, byCost);

    await page.getByLabel('Rank by').selectOption('GPU_COUNT');
    await until(page, rowsShown, await expectedRows(`${query}&objective=GPU_COUNT`));

    await page.getByLabel('TPOT limit, ms').fill('1');
    await page.getByText('No deployment meets these targets').waitFor({ timeout: 20_000 });
    expect(await text(page, 'plan-summary')).toContain('time per output token');
  });

  it('Serving: one curve and table row per setup as the API answers; a new tensor degree redraws it; a refused split shows beside the split', async () => {
    const page = await openPage();
    const query = '?view=serving&setups=h100-sxm5-80gb:1,l40s:1:FP8:FP8&maxTtftMs=200&maxTpotMs=40';
    await page.goto(`${server.origin}/${query}`);
    await page.getByTestId('serving-chart').locator('svg').first().waitFor({ timeout: 20_000 });
    const firstViewMs = await page.evaluate(() => performance.now());
    console.log(
      `web client: Serving (2 setups, 16-point curves) rendered ${Math.round(firstViewMs)} ms after navigation (cold load)`,
    );
    /** What the table must show for a link: each setup's label, most users, and best point's users and tokens/s per GPU. */
    const expected = async (search: string) => {
      const state = parseState(search);
      const answers = await Promise.all(
        (servingVariables(state, undefined) ?? []).map(async (variables) => {
          const answer = await api(ServingCurveDocument, variables);
          return answer.data?.estimate;
        }),
      );
      const answered = answers.filter((estimate) => estimate != null);
      const labels = setupLabels(
        answered.map((e) => ({
          modelName: e.model.name,
          gpuName: e.gpu.name,
          parallelism: e.parallelism,
          weightFormat: e.assumptions.weightFormat,
          kvCacheFormat: e.assumptions.kvCacheFormat,
        })),
      );
      const rows = answered.map((e, i) => {
        const best = bestWithinLimits(e.servingCurve, limitsOf(state));
        return [
          labels[i],
          e.maxConcurrency.toLocaleString('en-US'),
          best ? Math.round(best.concurrency).toLocaleString('en-US') : 'none',
          best ? formatTokenRate(best.outputTokensPerSecondPerGpu) : 'none',
        ];
      });
      return { answered, rows, points: answered.reduce((sum, e) => sum + e.servingCurve.length, 0) };
    };
    const rowsShown = () =>
      page
        .getByTestId('serving-table')
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => {
            const cell = (metric: string) =>
              (row.querySelector(`td[data-metric="${metric}"]`)?.textContent ?? '').trim();
            return [
              row.querySelector('th')?.textContent ?? '',
              cell('max-concurrency'),
              row.querySelector('td[data-metric="best-per-gpu"]') ? cell('best') : 'none',
              cell('best-per-gpu') || 'none',
            ];
          }),
        );

    const before = await expected(query);
    expect(before.answered).toHaveLength(2);
    expect(before.points).toBeGreaterThan(2);
    await until(page, rowsShown, before.rows);
    // One dot with its hover title per serving point, and the TPOT limit at 1 / 40 ms = 25 tokens/s per user.
    expect(await page.getByTestId('serving-chart').locator('svg title').count()).toBe(before.points);
    await page
      .getByTestId('serving-chart')
      .getByText(`TPOT limit ${formatSeconds(0.04)}`)
      .waitFor();

    const setup1 = page.getByRole('group', { name: 'Setup 1', exact: true });
    await setup1.getByLabel('Tensor').fill('2');
    const afterQuery = query.replace('h100-sxm5-80gb:1', 'h100-sxm5-80gb:2');
    const after = await expected(afterQuery);
    // Two GPUs each hold half the weights, so each has more KV room than one did, and there are two:
    // more than twice the sequences fit.
    expect(after.answered[0].maxConcurrency).toBeGreaterThan(2 * before.answered[0].maxConcurrency);
    await until(page, rowsShown, after.rows);
    expect(page.url()).toContain('setups=h100-sxm5-80gb:2:FP16,l40s:1:FP8:FP8');

    // Tensor 3 does not divide the 32 attention heads: the API's message under Setup 1's split; the
    // other setup's curve stays.
    await setup1.getByLabel('Tensor').fill('3');
    const refused = await api(ServingCurveDocument, {
      ...(servingVariables(parseState(query.replace('h100-sxm5-80gb:1', 'h100-sxm5-80gb:3')), undefined) ??
        [])[0],
    });
    const message = refused.errors?.[0]?.message ?? '';
    expect(message).toContain('tensor = 3: the 32 attention heads must divide evenly');
    await expect
      .poll(() => setup1.locator('fieldset.split .field-error').textContent(), { timeout: 20_000 })
      .toBe(message);
    const l40s = (await expected(query)).rows[1];
    await until(page, rowsShown, [l40s]);

    // Setup 2 serves a model of its own: both answer again, each row named by its model.
    await setup1.getByLabel('Tensor').fill('2');
    await page
      .getByRole('group', { name: 'Setup 2', exact: true })
      .getByLabel('Model')
      .selectOption('mistral-7b');
    const twoModels = await expected(afterQuery.replace('l40s:1:FP8:FP8', 'l40s:1:FP8:FP8:1:1:1:mistral-7b'));
    expect(twoModels.answered.map((e) => e.model.name)).toEqual([
      before.answered[0].model.name,
      expect.stringMatching(/Mistral/),
    ]);
    expect(twoModels.rows.map((row) => row[0].split(' · ')[0])).toEqual(
      twoModels.answered.map((e) => e.model.name),
    );
    await until(page, rowsShown, twoModels.rows);
    expect(page.url()).toContain('l40s:1:FP8:FP8:1:1:1:mistral-7b');
  });

  it('Serving: a setup whose weights leave no room for a sequence says so in the table and draws no line', async () => {
    const page = await openPage();
    const search = '?view=serving&setups=l4:1:INT4,l4:1:FP16:FP16:1:1:1:llama-3.1-70b';
    await page.goto(`${server.origin}/${search}`);
    const variables = servingVariables(parseState(search), undefined) ?? [];
    const [small, large] = await Promise.all(variables.map((v) => api(ServingCurveDocument, v)));
    // 70B parameters at 2 bytes are about 140 GB, far over an L4's 24 GB: nothing fits.
    expect(large.data.estimate.maxConcurrency).toBe(0);
    expect(large.data.estimate.servingCurve).toEqual([]);
    expect(small.data.estimate.maxConcurrency).toBeGreaterThan(0);
    const bestCells = () =>
      page.getByTestId('serving-table').locator('td[data-metric="best"]').allTextContents();
    await expect.poll(async () => (await bestCells()).length, { timeout: 20_000 }).toBe(2);
    expect((await bestCells())[1]).toContain('Does not fit');
    // Only the 8B curve is drawn: one dot title per point of its curve.
    expect(await page.getByTestId('serving-chart').locator('svg title').count()).toBe(
      small.data.estimate.servingCurve.length,
    );
  });

  it('Serving: a prefix-cache hit rate of 100 % shows the API’s error beside its field; 50 % draws the curve and stays in the link', async () => {
    const page = await openPage();
    const search = '?view=serving&setups=l4:1:INT4&prefixCachePercent=100';
    await page.goto(`${server.origin}/${search}`);
    const field = page.getByLabel('Prefix-cache hit rate, %');
    const [refused] = await Promise.all(
      (servingVariables(parseState(search), undefined) ?? []).map((v) => api(ServingCurveDocument, v)),
    );
    const message = refused.errors?.[0]?.message ?? '';
    expect(message).toContain('prefixCacheHitRate');
    await expect.poll(() => field.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toBe(message);

    await field.fill('50');
    await page.getByTestId('serving-chart').locator('svg').first().waitFor({ timeout: 20_000 });
    expect(await field.getAttribute('aria-invalid')).toBe('false');
    expect(page.url()).toContain('prefixCachePercent=50');
    // Half of each prompt cached leaves half the prefill: the one-user TTFT is shorter than with none.
    const half = servingVariables(parseState(search.replace('=100', '=50')), undefined) ?? [];
    const none = servingVariables(parseState(search.replace('=100', '=0')), undefined) ?? [];
    const [cached, uncached] = await Promise.all([
      api(ServingCurveDocument, half[0]),
      api(ServingCurveDocument, none[0]),
    ]);
    expect(cached.data.estimate.servingCurve[0].timeToFirstTokenSeconds).toBeLessThan(
      uncached.data.estimate.servingCurve[0].timeToFirstTokenSeconds,
    );
  });

  it('Serving: a target request rate adds each setup’s point at that rate, as the API answers it', async () => {
    const page = await openPage();
    const search = '?view=serving&setups=h100-sxm5-80gb:1,l4:1:INT4';
    await page.goto(`${server.origin}/${search}`);
    await page.getByTestId('serving-chart').locator('svg').first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('serving-rate-table').count()).toBe(0);
    await page.getByLabel('Target rate, requests/s').fill('2');
    const rows = page.getByTestId('serving-rate-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
    expect(page.url()).toContain('servingRequestsPerSecond=2');
    const variables = servingVariables(parseState(`${search}&servingRequestsPerSecond=2`), undefined) ?? [];
    const answers = await Promise.all(variables.map((v) => api(ServingCurveDocument, v)));
    const sustainable = await rows.locator('td[data-metric="sustainable"]').allTextContents();
    expect(sustainable).toEqual(answers.map((a) => (a.data.estimate.atRate?.sustainable ? 'yes' : 'no')));
    // Little's law: users in flight = rate x end-to-end time, so at 2 requests/s a point carries more than none.
    for (const answer of answers) expect(answer.data.estimate.atRate?.concurrency).toBeGreaterThan(0);
  });

  it('Serving at phone width: adds and removes setups from the keyboard, says what to do with none, and does not scroll sideways', async () => {
    const page = await openPage({ width: 390, height: 844 });
    await page.goto(`${server.origin}/?view=serving&setups=l4:1:INT4`);
    await page.getByTestId('serving-chart').locator('svg').first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await page.getByRole('button', { name: 'Add a setup' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('serving-table').locator('tbody tr').count(), { timeout: 20_000 })
      .toBe(2);
    // The new setup starts as a copy of the last one; the table numbers repeats.
    expect(new URL(page.url()).searchParams.get('setups')).toBe('l4:1:INT4,l4:1:INT4');
    expect(await page.getByTestId('serving-table').locator('tbody th').allTextContents()).toEqual([
      expect.stringMatching(/INT4$/),
      expect.stringMatching(/INT4 \(2\)$/),
    ]);

    for (const n of [2, 1]) {
      await page.getByRole('button', { name: `Remove setup ${n}` }).focus();
      await page.keyboard.press('Enter');
    }
    await page
      .getByTestId('results')
      .getByText('Add a setup (a GPU and how the model is split over it)')
      .waitFor();
    expect(new URL(page.url()).searchParams.get('setups')).toBe('');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('links reproduce a view, the keyboard moves between views, and a phone-width page does not scroll sideways', async () => {
    const page = await openPage({ width: 390, height: 844 });
    await page.goto(`${server.origin}/?view=compare&gpus=&model=mistral-7b`);
    await page.getByText('Pick one or more GPUs').waitFor();
    expect(await page.getByLabel('Model', { exact: true }).inputValue()).toBe('mistral-7b');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const fitLink = page.getByRole('link', { name: 'Fit' });
    await fitLink.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('verdict').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('link', { name: 'Fit' }).getAttribute('aria-current')).toBe('page');
    expect(new URL(page.url()).search).toBe('?model=mistral-7b&gpus=');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.goBack();
    await page.getByText('Pick one or more GPUs').waitFor();
  });
});
