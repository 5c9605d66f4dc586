import { describe, expect, it } from 'vitest';
import { GPUS, MODELS } from '../../src/core/catalog/index.js';
import { analyzeModel, kvCacheBytesPerToken, weightsBytes } from '../../src/core/index.js';
import { ESTIMATE_FIELDS, GPU_FIELDS, MODEL_FIELDS } from './all-fields.js';
import { numbersIn, runOperation, testApp } from './support.js';

interface ModelJson {
  id: string;
  parameterCount: number;
  activeParameterCount: number;
  weightsBytesFp16: number;
  weightsBytesInt4: number;
  kvCacheBytesPerTokenFp16: number;
}
interface EstimateJson {
  model: ModelJson;
  gpu: { id: string };
  fits: boolean;
  memory: {
    totalBytes: number;
    weightsBytes: number;
    kvCacheBytes: number;
    freeBytes: number;
    capacityBytes: number;
    totalBytesRange: { low: number; high: number };
  };
  prefill: { operators: { name: string }[] };
  assumptions: { weightFormat: string; inputTokens: number };
}

const app = testApp();

describe('every contract field answers', () => {
  it('for every catalog model on one GPU, with finite numbers that match the core', async () => {
    const ids = MODELS.map((m) => m.id);
    const result = await runOperation<{ compare: EstimateJson[] }, undefined>(
      app,
      `query AllFields($models: [ID!]) {
        compare(input: { models: $models, gpus: ["h100"], inputTokens: 1000, outputTokens: 200, batchSize: 2 }) {
          ${ESTIMATE_FIELDS}
        }
      }`,
      { models: ids } as never,
    );
    expect(result.errors).toBeUndefined();
    const estimates = result.data?.compare ?? [];
    expect(estimates.map((e) => e.model.id)).toEqual(ids);
    for (const [path, value] of numbersIn(estimates)) {
      expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
    }
    for (const [i, model] of MODELS.entries()) {
      const analysis = analyzeModel(model);
      const answered = estimates[i].model;
      expect(answered.parameterCount).toBe(analysis.totalParameters);
      expect(answered.activeParameterCount).toBe(analysis.activeParameters);
      expect(answered.weightsBytesFp16).toBe(weightsBytes(analysis, 'FP16'));
      expect(answered.weightsBytesInt4).toBe(weightsBytes(analysis, 'INT4'));
      expect(answered.kvCacheBytesPerTokenFp16).toBe(kvCacheBytesPerToken(analysis, 'FP16'));
      const memory = estimates[i].memory;
      expect(memory.freeBytes).toBe(memory.capacityBytes - memory.totalBytes);
      // fits compares the upper end of the memory range (never below the prediction) with the capacity.
      expect(estimates[i].fits).toBe(memory.totalBytesRange.high <= memory.capacityBytes);
      expect(memory.totalBytesRange.high).toBeGreaterThanOrEqual(memory.totalBytes);
    }
  });

  it('for every catalog GPU and model through the catalog queries', async () => {
    const result = await runOperation<{ models: { id: string }[]; gpus: { id: string }[] }, undefined>(
      app,
      `{ models { ${MODEL_FIELDS} } gpus { ${GPU_FIELDS} } engines { engine description isDefault } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.models.map((m) => m.id)).toEqual(MODELS.map((m) => m.id));
    expect(result.data?.gpus.map((g) => g.id)).toEqual(GPUS.map((g) => g.id));
    for (const [path, value] of numbersIn(result.data)) {
      expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
    }
  });
});

describe('values derived by hand', () => {
  it('Llama-2-7B: 6,738,415,616 parameters; FP16 and INT4 weights; FP16 KV per token', async () => {
    const result = await runOperation<{ model: Record<string, number> }, undefined>(
      app,
      `{ model(id: "LLaMA2") {
          parameterCount embeddingParameterCount lmHeadParameterCount
          fp16: weightsBytes(format: FP16) int4: weightsBytes(format: INT4)
          kv: kvCacheBytesPerToken(format: FP16)
      } }`,
    );
    expect(result.errors).toBeUndefined();
    const model = result.data?.model;
    expect(model?.parameterCount).toBe(6_738_415_616);
    expect(model?.embeddingParameterCount).toBe(32_000 * 4096);
    expect(model?.lmHeadParameterCount).toBe(32_000 * 4096);
    // 6,738,415,616 parameters x 2 bytes.
    expect(model?.fp16).toBe(13_476_831_232);
    // The projection and FFN matrices (all but the 2 x 131,072,000 embedding and LM head weights and
    // the 32 x 2 x 4096 + 4096 norm scales) take 0.5 + 16/8/128 bytes; the 262,410,240 others stay 2 bytes.
    expect(model?.int4).toBe(6_476_005_376 * 0.515625 + 262_410_240 * 2);
    // 2 (K and V) x 32 layers x 32 KV heads x 128 head dim x 2 bytes.
    expect(model?.kv).toBe(524_288);
  });

  it('model and gpu lookups accept aliases case-insensitively and answer null for unknown ids', async () => {
    const result = await runOperation<Record<string, { id: string } | null>, undefined>(
      app,
      `{ a: model(id: "mixtral") { id } b: gpu(id: "h100") { id } c: model(id: "gpt-5") { id } d: gpu(id: "tpu") { id } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: { id: 'mixtral-8x7b' }, b: { id: 'h100-sxm5-80gb' }, c: null, d: null });
  });

  it('IDEAL collapses every range to the prediction', async () => {
    const result = await runOperation<
      { estimate: Record<string, number | { low: number; high: number }> },
      undefined
    >(
      app,
      `{ estimate(input: { model: "llama-3-8b", gpu: "a100", inputTokens: 512, outputTokens: 128, engine: IDEAL }) {
          timeToFirstTokenSeconds timeToFirstTokenSecondsRange { low high }
          totalSeconds totalSecondsRange { low high }
          memory { totalBytes totalBytesRange { low high } }
          assumptions { tuning { prefillComputeEfficiency perStepOverheadSeconds } }
      } }`,
    );
    expect(result.errors).toBeUndefined();
    const e = result.data?.estimate as never as {
      timeToFirstTokenSeconds: number;
      timeToFirstTokenSecondsRange: { low: number; high: number };
      totalSeconds: number;
      totalSecondsRange: { low: number; high: number };
      memory: { totalBytes: number; totalBytesRange: { low: number; high: number } };
      assumptions: { tuning: { prefillComputeEfficiency: number; perStepOverheadSeconds: number } };
    };
    expect(e.timeToFirstTokenSecondsRange).toEqual({
      low: e.timeToFirstTokenSeconds,
      high: e.timeToFirstTokenSeconds,
    });
    expect(e.totalSecondsRange).toEqual({ low: e.totalSeconds, high: e.totalSeconds });
    expect(e.memory.totalBytesRange).toEqual({ low: e.memory.totalBytes, high: e.memory.totalBytes });
    expect(e.assumptions.tuning).toEqual({ prefillComputeEfficiency: 1, perStepOverheadSeconds: 0 });
  });

  it('custom models and GPUs estimate like catalog ones and are echoed with custom ids', async () => {
    const result = await runOperation<{ estimate: Record<string, unknown> }, undefined>(
      app,
      `{ estimate(input: {
          customModel: { name: "tiny", layers: 2, hiddenSize: 64, intermediateSize: 256, attentionHeads: 4,
                         kvHeads: 2, vocabSize: 1000, contextWindow: 4096 }
          customGpu: { name: "toy", memoryBytes: 1e10, memoryBandwidthBytesPerSecond: 1e11,
                       peakFlops: [{ format: FP16, flopsPerSecond: 1e13 }] }
          inputTokens: 100, outputTokens: 10, weightFormat: FP8
        }) {
          model { id headDim parameterCount }
          gpu { id vendor generation tdpWatts interconnectBandwidthBytesPerSecond memoryBytesBasis }
          fits
          assumptions { computeFormatRequested computeFormatUsed }
      } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.estimate).toEqual({
      // 2 x (64 x 16 x (8 + 4) + 3 x 64 x 256 + 2 x 64) + 2 x 1000 x 64 + 64
      model: { id: 'custom:tiny', headDim: 16, parameterCount: 2 * (12_288 + 49_152 + 128) + 128_000 + 64 },
      gpu: {
        id: 'custom:toy',
        vendor: 'CUSTOM',
        generation: 'CUSTOM',
        tdpWatts: null,
        interconnectBandwidthBytesPerSecond: 32e9,
        memoryBytesBasis: 'DRIVER',
      },
      fits: true,
      // FP8 requested (the weight format's default) but the toy GPU only has FP16.
      assumptions: { computeFormatRequested: 'FP8', computeFormatUsed: 'FP16' },
    });
  });
});
