import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeModel, Estimate } from '../../src/core/index.js';
import { COMPARE_LIMIT } from '../../src/schema/index.js';
import { countingAnalyzer, runOperation, testApp } from './support.js';

interface Row {
  model: { id: string };
  gpu: { id: string };
  assumptions: { weightFormat: string; kvCacheFormat: string };
}

const ROW = 'model { id } gpu { id } assumptions { weightFormat kvCacheFormat }';

afterEach(() => vi.restoreAllMocks());

describe('compare', () => {
  it('returns models x gpus x weightFormats x kvCacheFormats in that nesting order', async () => {
    const result = await runOperation<{ compare: Row[] }, undefined>(
      testApp(),
      `{ compare(input: {
          models: ["llama-2-7b", "Mistral"], gpus: ["a10g", "H100", "mi300x"], weightFormats: [FP16, INT4],
          inputTokens: 128, outputTokens: 16
        }) { ${ROW} } }`,
    );
    expect(result.errors).toBeUndefined();
    const rows = (result.data?.compare ?? []).map(
      (r) => `${r.model.id} ${r.gpu.id} ${r.assumptions.weightFormat} ${r.assumptions.kvCacheFormat}`,
    );
    const expected: string[] = [];
    for (const model of ['llama-2-7b', 'mistral-7b']) {
      for (const gpu of ['a10g', 'h100-sxm5-80gb', 'mi300x']) {
        for (const format of ['FP16', 'INT4']) expected.push(`${model} ${gpu} ${format} FP16`);
      }
    }
    expect(rows).toHaveLength(12);
    expect(rows).toEqual(expected);
  });

  it('puts custom models and GPUs after catalog ones, and nests KV cache formats innermost', async () => {
    const result = await runOperation<{ compare: Row[] }, undefined>(
      testApp(),
      `{ compare(input: {
          models: ["phi-3-mini"]
          customModels: [{ name: "mini", layers: 2, hiddenSize: 64, intermediateSize: 128, attentionHeads: 4,
                           vocabSize: 100, contextWindow: 512 }]
          gpus: ["l4"]
          customGpus: [{ name: "card", memoryBytes: 8e9, memoryBandwidthBytesPerSecond: 3e11,
                         peakFlops: [{ format: FP16, flopsPerSecond: 3e13 }] }]
          kvCacheFormats: [FP16, FP8]
          inputTokens: 64, outputTokens: 8
        }) { ${ROW} } }`,
    );
    expect(result.errors).toBeUndefined();
    const rows = (result.data?.compare ?? []).map(
      (r) => `${r.model.id} ${r.gpu.id} ${r.assumptions.kvCacheFormat}`,
    );
    expect(rows).toEqual([
      'phi-3-mini l4 FP16',
      'phi-3-mini l4 FP8',
      'phi-3-mini custom:card FP16',
      'phi-3-mini custom:card FP8',
      'custom:mini l4 FP16',
      'custom:mini l4 FP8',
      'custom:mini custom:card FP16',
      'custom:mini custom:card FP8',
    ]);
  });

  it(`answers exactly COMPARE_LIMIT = ${COMPARE_LIMIT} estimates`, async () => {
    expect(COMPARE_LIMIT).toBe(1024);
    const gpus = JSON.stringify(
      ['a10g', 'l4', 'l40s', 'rtx-4090', 'a100', 'h100', 'h200', 'mi300x'].flatMap((g) => [g, g]),
    );
    const formats = '[FP32, BF16, FP16, FP8, INT8, INT4, FP16, FP8]';
    const result = await runOperation<{ compare: { fits: boolean }[] }, undefined>(
      testApp(),
      `{ compare(input: { models: ["qwen2-7b"], gpus: ${gpus}, weightFormats: ${formats}, kvCacheFormats: ${formats},
          inputTokens: 100, outputTokens: 10 }) { fits } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.compare).toHaveLength(16 * 8 * 8);
  });

  it('refuses a larger product with BAD_USER_INPUT naming the limit, before computing anything', async () => {
    const getters = (['memory', 'maxContext', 'timing'] as const).map((name) =>
      vi.spyOn(Estimate.prototype, name, 'get'),
    );
    const counter = countingAnalyzer(analyzeModel);
    const result = await runOperation<{ compare: unknown[] }, undefined>(
      testApp({ analyzeModel: counter.analyzeModel }),
      `{ compare(input: {
          models: ["llama-2-7b", "mistral-7b", "mixtral-8x7b"]
          gpus: ["v100", "a100", "h100", "h200", "b200", "l4", "l40s", "a10", "a10g", "rtx-4090", "rtx-3090", "mi300x"]
          weightFormats: [FP32, BF16, FP16, FP8, INT8, INT4]
          kvCacheFormats: [FP32, BF16, FP16, FP8, INT8, INT4]
          inputTokens: 100, outputTokens: 10
        }) { fits timeToFirstTokenSeconds model { parameterCount } } }`,
    );
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors ?? [];
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.limit).toBe(1024);
    expect(error.message).toBe(
      'input: 3 models x 12 GPUs x 6 weightFormats x 6 kvCacheFormats = 1296 estimates, over the limit of 1024 estimates per request (COMPARE_LIMIT); split the comparison',
    );
    expect(counter.calls).toEqual([]);
    for (const getter of getters) expect(getter).not.toHaveBeenCalled();
  });
});
