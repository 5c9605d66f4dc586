import { afterEach, describe, expect, it, vi } from 'vitest';
import { GPUS, MODELS } from '../../src/core/catalog/index.js';
import { analyzeModel, Estimate } from '../../src/core/index.js';
import { countingAnalyzer, runOperation, testApp } from './support.js';

afterEach(() => vi.restoreAllMocks());

function spyOnParts() {
  return {
    memory: vi.spyOn(Estimate.prototype, 'memory', 'get'),
    maxContext: vi.spyOn(Estimate.prototype, 'maxContext', 'get'),
    timing: vi.spyOn(Estimate.prototype, 'timing', 'get'),
  };
}

async function estimateSelecting(selection: string) {
  const parts = spyOnParts();
  const result = await runOperation(
    testApp(),
    `{ estimate(input: { model: "llama-3-8b", gpu: "l40s", inputTokens: 500, outputTokens: 50 }) { ${selection} } }`,
  );
  expect(result.errors).toBeUndefined();
  return {
    memory: parts.memory.mock.calls.length,
    maxContext: parts.maxContext.mock.calls.length,
    timing: parts.timing.mock.calls.length,
  };
}

describe('a field that is not selected is not computed', () => {
  it('echoes compute nothing', async () => {
    expect(await estimateSelecting('gpuCount model { id } gpu { id } assumptions { engine }')).toEqual({
      memory: 0,
      maxContext: 0,
      timing: 0,
    });
  });

  it('fits and memory compute the memory breakdown only', async () => {
    const calls = await estimateSelecting('fits memory { totalBytes freeBytes }');
    expect(calls.memory).toBeGreaterThan(0);
    expect(calls).toMatchObject({ maxContext: 0, timing: 0 });
  });

  it('maxContextLength computes the context limit only', async () => {
    expect(await estimateSelecting('maxContextLength { tokens limitedBy }')).toMatchObject({
      memory: 0,
      timing: 0,
    });
  });

  it('times compute the timing only', async () => {
    const calls = await estimateSelecting(
      'timeToFirstTokenSeconds decode { seconds } attentionShare { decodeTimeRatio }',
    );
    expect(calls.timing).toBeGreaterThan(0);
    expect(calls).toMatchObject({ memory: 0, maxContext: 0 });
  });

  it('a memory range needs the memory, not the timing', async () => {
    expect(await estimateSelecting('memory { totalBytesRange { low high } }')).toMatchObject({
      timing: 0,
      maxContext: 0,
    });
  });
});

describe('the model analysis is shared per request (DataLoader)', () => {
  it('compare of one model over every GPU analyses it once, however many fields need it', async () => {
    const counter = countingAnalyzer(analyzeModel);
    const result = await runOperation<{ compare: unknown[] }, undefined>(
      testApp({ analyzeModel: counter.analyzeModel }),
      `{ compare(input: { models: ["mixtral"], gpus: ${JSON.stringify(GPUS.map((g) => g.id))}, inputTokens: 300, outputTokens: 30 }) {
          fits totalSeconds model { parameterCount weightsBytes(format: INT4) }
      } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.compare).toHaveLength(GPUS.length);
    expect(counter.calls).toEqual(['mixtral-8x7b']);
  });

  it('two identical custom models share one analysis; a different one gets its own', async () => {
    const counter = countingAnalyzer(analyzeModel);
    const model = (layers: number) =>
      `{ name: "m", layers: ${layers}, hiddenSize: 64, intermediateSize: 128, attentionHeads: 4, vocabSize: 100, contextWindow: 512 }`;
    const result = await runOperation(
      testApp({ analyzeModel: counter.analyzeModel }),
      `{ compare(input: { customModels: [${model(2)}, ${model(2)}, ${model(3)}], gpus: ["l4"], inputTokens: 10, outputTokens: 2 }) {
          fits
      } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(counter.calls).toEqual(['custom:m', 'custom:m']);
  });

  it('the catalog analyses each model once, and not at all when no derived count is selected', async () => {
    const counter = countingAnalyzer(analyzeModel);
    const app = testApp({ analyzeModel: counter.analyzeModel });
    await runOperation(app, '{ models { id layers } }');
    expect(counter.calls).toEqual([]);
    const result = await runOperation(
      app,
      '{ models { parameterCount activeParameterCount kv: kvCacheBytesPerToken(format: FP8) } }',
    );
    expect(result.errors).toBeUndefined();
    expect(counter.calls).toEqual(MODELS.map((m) => m.id));
  });

  it('catalog analyses are shared across requests; custom models are analysed per request', async () => {
    const counter = countingAnalyzer(analyzeModel);
    const app = testApp({ analyzeModel: counter.analyzeModel });
    const custom =
      '{ name: "m", layers: 2, hiddenSize: 64, intermediateSize: 128, attentionHeads: 4, vocabSize: 100, contextWindow: 512 }';
    for (let i = 0; i < 2; i++) {
      await runOperation(app, '{ model(id: "phi-3-mini") { parameterCount } }');
      const result = await runOperation(
        app,
        `{ estimate(input: { customModel: ${custom}, gpu: "l4", inputTokens: 10, outputTokens: 2 }) { fits } }`,
      );
      expect(result.errors).toBeUndefined();
    }
    expect(counter.calls).toEqual(['phi-3-mini', 'custom:m', 'custom:m']);
  });

  it('can keep catalog analyses per request instead', async () => {
    const counter = countingAnalyzer(analyzeModel);
    const app = testApp({ analyzeModel: counter.analyzeModel, shareCatalogAnalyses: false });
    for (let i = 0; i < 2; i++) await runOperation(app, '{ model(id: "phi-3-mini") { parameterCount } }');
    expect(counter.calls).toEqual(['phi-3-mini', 'phi-3-mini']);
  });

  it('gives the same answers with and without shared catalog analyses', async () => {
    const query = `{ compare(input: { models: ["mixtral", "phi-3-mini"], gpus: ["l4", "h100"], inputTokens: 300, outputTokens: 30 }) {
        fits totalSeconds memory { totalBytes } model { parameterCount weightsBytes(format: INT4) }
    } }`;
    const shared = await runOperation(testApp(), query);
    const perRequest = await runOperation(testApp({ shareCatalogAnalyses: false }), query);
    expect(shared.errors).toBeUndefined();
    expect(shared).toEqual(perRequest);
  });
});
