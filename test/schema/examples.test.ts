import { describe, expect, it } from 'vitest';
import { GPUS, MODELS } from '../../src/core/catalog/index.js';
import {
  CompareGpusDocument,
  FitCheckDocument,
  InferenceMemoryDocument,
  InferenceTimesDocument,
  MaxContextLengthDocument,
  ModelCatalogDocument,
  ModelFromConfigDocument,
} from '../../src/gql/graphql.js';
import { runOperation, testApp } from './support.js';

const app = testApp();

async function dataOf<TResult, TVariables>(
  document: Parameters<typeof runOperation<TResult, TVariables>>[1],
) {
  const result = await runOperation(app, document);
  expect(result.errors).toBeUndefined();
  if (!result.data) throw new Error('no data');
  return result.data;
}

describe('the examples/ operations (typed documents from src/gql)', () => {
  it('FitCheck: Llama 3.1 70B on one H100: INT4 fits; FP8 does not, by under a gigabyte', async () => {
    const { fp8, int4 } = await dataOf(FitCheckDocument);
    // FP8: 70.6 GB of weights, 1 GiB of runtime overhead, the optimised engines' buffers (1.66 GiB, fitted
    // on vLLM's logged KV cache pools) and a step's activations come to ~77.6 GB, against 90% of the
    // H100's 85.5 GB (~77.0 GB): vLLM at its default gpu_memory_utilization has no room for a KV cache.
    expect([fp8.fits, fp8.fitsAtPointEstimate]).toEqual([false, false]);
    expect(fp8.memory.capacityBytes).toBeCloseTo(0.9 * 81_559 * 2 ** 20, 0);
    expect(-fp8.memory.freeBytes).toBeGreaterThan(0);
    expect(-fp8.memory.freeBytes).toBeLessThan(1e9);
    expect([int4.fits, int4.fitsAtPointEstimate]).toEqual([true, true]);
    for (const estimate of [fp8, int4]) {
      expect(estimate.memory.freeBytes).toBe(estimate.memory.capacityBytes - estimate.memory.totalBytes);
    }
    expect(int4.memory.totalBytes).toBeLessThan(fp8.memory.totalBytes);
  });

  it('CompareGpus: one row per GPU, in the order asked', async () => {
    const { compare } = await dataOf(CompareGpusDocument);
    expect(compare.map((row) => row.gpu.id)).toEqual([
      'l4',
      'a10g',
      'l40s',
      'a100-sxm4-80gb',
      'h100-sxm5-80gb',
      'mi300x',
    ]);
    for (const row of compare) {
      expect(row.outputTokensPerSecondRange.low).toBeLessThanOrEqual(row.outputTokensPerSecond);
      expect(row.outputTokensPerSecondRange.high).toBeGreaterThanOrEqual(row.outputTokensPerSecond);
    }
  });

  it('MaxContextLength: values derived by hand for LLaMA 2 7B on 16e9 bytes', async () => {
    const { fp16Cache, int8Cache } = await dataOf(MaxContextLengthDocument);
    // Fixed memory: weights 13,476,831,232 + runtime overhead 1,073,741,824 + activations of the
    // 512-token prefill (512 x 2 bytes x (2 x 4096 + 3 x 11008) = 42,205,184) + FP32 logits
    // (4 x 32,000 = 128,000) = 14,592,906,240; room 1,407,093,760 bytes.
    // FP16 cache: 524,288 bytes per token -> 2,683 tokens. INT8: 262,144 -> 5,367 > window 4096.
    expect(fp16Cache.maxContextLength).toEqual({
      tokens: 2683,
      limitedBy: 'MEMORY',
      memoryLimitTokens: 2683,
    });
    expect(int8Cache.maxContextLength).toEqual({
      tokens: 4096,
      limitedBy: 'CONTEXT_WINDOW',
      memoryLimitTokens: 5367,
    });
  });

  it('InferenceMemory: the parts add up and INT4 shows its group scales', async () => {
    const { estimate } = await dataOf(InferenceMemoryDocument);
    const m = estimate.memory;
    expect(m.totalBytes).toBe(m.weightsBytes + m.kvCacheBytes + m.activationsBytes + m.overheadBytes);
    expect(m.totalBytesRange.low).toBeLessThanOrEqual(m.totalBytes);
    expect(m.totalBytesRange.high).toBeGreaterThanOrEqual(m.totalBytes);
    expect(estimate.assumptions).toMatchObject({
      weightBytesPerParameter: 0.515625,
      unquantisedBytesPerParameter: 2,
      int4GroupSize: 128,
      int4ScaleBits: 16,
      kvCacheBytesPerElement: 2,
      memoryAssumptions: { runtimeOverheadBytes: 1024 ** 3, maxBatchedTokens: 8192 },
    });
    // Mixtral: 32 layers x 8 KV heads x 128 x 2 (K, V) x 2 bytes x 5120 tokens.
    expect(m.kvCacheBytes).toBe(32 * 8 * 128 * 2 * 2 * 5120);
  });

  it('InferenceTimes: total = TTFT + (output - 1) x TPOT, and attention is measured', async () => {
    const { estimate } = await dataOf(InferenceTimesDocument);
    expect(estimate.totalSeconds).toBeCloseTo(
      estimate.timeToFirstTokenSeconds + 255 * estimate.timePerOutputTokenSeconds,
      12,
    );
    expect(estimate.prefill.seconds).toBe(estimate.timeToFirstTokenSeconds);
    expect(estimate.decode.seconds).toBe(estimate.timePerOutputTokenSeconds);
    expect(estimate.outputTokensPerSecond).toBeCloseTo(256 / estimate.totalSeconds, 9);
    expect(estimate.prefill.operators.map((op) => op.name)).toContain('ATTENTION_SCORES');
    expect(estimate.attentionShare.prefillFlopsRatio).toBeGreaterThan(0);
    expect(estimate.attentionShare.decodeTimeRatio).toBeGreaterThan(0);
    expect(estimate.assumptions).toMatchObject({ engine: 'OPTIMIZED', computeFormatUsed: 'FP16' });
  });

  it('ModelCatalog: every catalog model and GPU, in catalog order, and the engine profiles with one default', async () => {
    const { models, gpus, engines } = await dataOf(ModelCatalogDocument);
    expect(models.map((m) => m.id)).toEqual(MODELS.map((m) => m.id));
    expect(gpus.map((g) => g.id)).toEqual(GPUS.map((g) => g.id));
    expect(engines.map((e) => e.engine)).toEqual([
      'OPTIMIZED',
      'LLAMA_CPP',
      'EXLLAMA',
      'HF_TRANSFORMERS',
      'IDEAL',
    ]);
    expect(engines.filter((e) => e.isDefault).map((e) => e.engine)).toEqual(['OPTIMIZED']);
    const llama2 = models.find((m) => m.id === 'llama-2-7b');
    expect(llama2?.weightsBytesFp16).toBe(13_476_831_232);
  });
  it('ModelFromConfig: Qwen3-30B-A3B from its config.json, NVFP4 weights on an RTX 5090 (values derived by hand)', async () => {
    const { estimate } = await dataOf(ModelFromConfigDocument);
    expect(estimate.model.layerGroups).toHaveLength(1);
    // Per layer: attention 2048 x 128 x (2 x 32 + 2 x 4) = 18,874,368; experts 128 x 3 x 2048 x 768 =
    // 603,979,776; router 2048 x 128 = 262,144 -> 623,116,288 quantised weights x 48 layers, at 0.5625
    // bytes (NVFP4) = 16,824,139,776. BF16 rest: embedding + LM head 2 x 151,936 x 2048 = 622,329,856,
    // norms 48 x (2 x 2048 + 2 x 128) + 2048 = 210,944 -> 622,540,800 x 2 = 1,245,081,600 bytes.
    expect(estimate.memory.weightsBytes).toBe(48 * 623_116_288 * 0.5625 + 622_540_800 * 2);
    expect(estimate.memory.weightsBytes).toBe(18_069_221_376);
    // FP8 cache: (4096 + 512) tokens x 48 layers x 2 x 4 x 128 elements x 1 byte.
    expect(estimate.memory.kvCacheBytes).toBe(4608 * 48 * 2 * 4 * 128);
    expect(estimate.fits).toBe(true);
    expect(estimate.assumptions.computeFormatUsed).toBe('NVFP4');
  });
});
