import { describe, expect, it } from 'vitest';
import { GPUS, MODELS } from '../../src/core/catalog/index.js';
import { type Estimate, estimate } from '../../src/core/estimate.js';
import { curveConcurrencies, reservedTokens } from '../../src/core/serving.js';
import type { EstimateRequest } from '../../src/core/types.js';
import { catalogGpu, catalogModel, request } from './helpers.js';

const within = (actual: number, expected: number, fraction: number) => {
  expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(fraction);
};

/** Setups that exercise every path: dense, MoE, MLA, sliding windows, chunked prefill, pipeline, data, prefix cache, speculation. */
type Setup = Omit<Partial<EstimateRequest>, 'model' | 'gpu'> & { model: string; gpu: string };
const SETUPS: [string, Setup][] = [
  ['Llama-2-7B on an A100', { model: 'llama-2-7b', gpu: 'a100-sxm4-80gb' }],
  [
    'Llama-3.1-70B FP8 TP4 x DP2',
    {
      model: 'llama-3.1-70b',
      gpu: 'h100-sxm5-80gb',
      gpuCount: 8,
      parallelism: { tensor: 4, data: 2 },
      weightFormat: 'FP8',
    },
  ],
  [
    'Mixtral-8x7B EP 8',
    { model: 'mixtral-8x7b', gpu: 'h100-sxm5-80gb', gpuCount: 8, parallelism: { tensor: 8, expert: 8 } },
  ],
  [
    'DeepSeek-V3 FP8 on 8 H200',
    { model: 'deepseek-v3', gpu: 'h200-sxm-141gb', gpuCount: 8, weightFormat: 'FP8', kvCacheFormat: 'FP8' },
  ],
  [
    'gpt-oss-20b, a 20,000-token prompt in 3 chunks',
    { model: 'gpt-oss-20b', gpu: 'h100-sxm5-80gb', inputTokens: 20_000 },
  ],
  ['Llama-2-13B PP 2', { model: 'llama-2-13b', gpu: 'l40s', gpuCount: 2, parallelism: { pipeline: 2 } }],
  [
    'Qwen3-8B, half of each prompt cached',
    { model: 'qwen3-8b', gpu: 'rtx-4090', prefixCacheHitRate: 0.5, inputTokens: 2048 },
  ],
  [
    'Llama-3.1-70B with a Llama-3.1-8B draft',
    {
      model: 'llama-3.1-70b',
      gpu: 'h100-sxm5-80gb',
      gpuCount: 4,
      speculativeDecoding: {
        draftTokens: 4,
        acceptedTokensPerStep: 2.5,
        draftModel: catalogModel('llama-3.1-8b'),
      },
    },
  ],
];

function setup(s: Setup, batchSize = 1): Estimate {
  const { model, gpu, ...rest } = s;
  return estimate(request(model, gpu, { inputTokens: 1024, outputTokens: 256, ...rest, batchSize }));
}

describe('serving agrees with the estimate where they overlap', () => {
  it.each(SETUPS)('%s: concurrency 1 is the single-request estimate', (_, s) => {
    const single = setup(s).timing;
    const point = setup(s).serving({ concurrency: 1 });
    within(point.timeToFirstTokenSeconds, single.timeToFirstTokenSeconds, 0.01);
    within(point.timePerOutputTokenSeconds, single.timePerOutputTokenSeconds, 0.01);
    within(point.e2eSeconds, single.totalSeconds, 0.01);
    within(point.outputTokensPerSecond, single.outputTokensPerSecond, 0.01);
  });

  it.each(SETUPS)('%s: concurrency 16 arriving at once is the batch-16 estimate', (_, s) => {
    const batch = setup(s, 16).timing;
    const point = setup(s).serving({ concurrency: 16, arrivals: 'SIMULTANEOUS' });
    within(point.timeToFirstTokenSeconds, batch.timeToFirstTokenSeconds, 0.01);
    within(point.timePerOutputTokenSeconds, batch.timePerOutputTokenSeconds, 0.01);
    within(point.outputTokensPerSecond, batch.outputTokensPerSecond, 0.01);
  });
});

describe('maxConcurrency', () => {
  it('is free memory over the per-sequence KV cache, in whole 16-token blocks', () => {
    // Llama-2-7B FP16 on an A100 80 GB, 1000-token prompts and 24-token answers: 1024 tokens = 64 blocks.
    // KV per token: 2 x 32 layers x 4096 x 2 B = 524,288 B; per sequence 1024 x 524,288 = 536,870,912 B,
    // plus its FP32 logits 32,000 x 4 = 128,000 B.
    // Beyond 8 sequences prefill runs in 8192-token chunks: activations 8192 x 2 B x (2 x 4096 + 3 x 11,008) = 675,282,944 B.
    // Room: 90% of the GPU (OPTIMIZED) - 13,476,839,424 B of weights - the fixed overhead (runtime and engine buffers).
    const e = estimate(request('llama-2-7b', 'a100-sxm4-80gb', { inputTokens: 1000, outputTokens: 24 }));
    const room = catalogGpu('a100-sxm4-80gb').memoryBytes * 0.9 - 13_476_839_424 - e.memory.overheadBytes;
    expect(reservedTokens(1000, 24)).toBe(1024);
    expect(e.maxConcurrency).toBe(Math.floor((room - 675_282_944) / (536_870_912 + 128_000)));
  });

  it('counts sequences across data-parallel ranks: two replicas hold twice one', () => {
    const one = estimate(request('llama-3.1-70b', 'h100-sxm5-80gb', { gpuCount: 4, weightFormat: 'FP8' }));
    const two = estimate(
      request('llama-3.1-70b', 'h100-sxm5-80gb', {
        gpuCount: 8,
        parallelism: { tensor: 4, data: 2 },
        weightFormat: 'FP8',
      }),
    );
    expect(two.maxConcurrency).toBe(2 * one.maxConcurrency);
  });
});

describe('serving curve', () => {
  it('samples 1 to maxConcurrency in log steps, whole and distinct', () => {
    expect(curveConcurrencies(1000, 4)).toEqual([1, 10, 100, 1000]);
    expect(curveConcurrencies(3, 16)).toEqual([1, 2, 3]);
    expect(curveConcurrencies(0, 16)).toEqual([]);
  });

  it('over the catalog: TPOT never falls and throughput per GPU never falls as concurrency rises', () => {
    let curves = 0;
    for (const model of MODELS) {
      for (const gpu of GPUS) {
        const e = estimate({
          model,
          gpu,
          gpuCount: 1,
          weightFormat: 'FP8',
          kvCacheFormat: 'FP8',
          inputTokens: 1024,
          outputTokens: 256,
          batchSize: 1,
        });
        const curve = e.servingCurve(12);
        if (curve.length < 2) continue;
        curves++;
        for (let i = 1; i < curve.length; i++) {
          const [a, b] = [curve[i - 1], curve[i]] as const;
          expect(b.timePerOutputTokenSeconds).toBeGreaterThanOrEqual(
            a.timePerOutputTokenSeconds * (1 - 1e-9),
          );
          expect(b.outputTokensPerSecondPerGpu).toBeGreaterThanOrEqual(
            a.outputTokensPerSecondPerGpu * (1 - 1e-9),
          );
        }
        const last = curve[curve.length - 1];
        expect(last?.limitedBy).toBe('KV_CAPACITY');
        expect(last?.kvCacheUtilization).toBe(1);
      }
    }
    expect(curves).toBeGreaterThan(0);
  });

  it('a long prompt stalls the others: TPOT at concurrency 2 carries a share of the other prefill', () => {
    // Two sequences of 8192-token prompts on one GPU: per lifetime of 1 + 255 steps, each step decodes the other
    // sequence while one prefills, so 2 of 256 steps carry a whole 8192-token prefill.
    const e = estimate(request('llama-3.1-8b', 'h100-sxm5-80gb', { inputTokens: 8192, outputTokens: 256 }));
    const alone = e.serving({ concurrency: 1 });
    const two = e.serving({ concurrency: 2 });
    // Two sequences decode in every other step: the decode step of the batch-2 estimate.
    const decodeOfTwo = estimate(
      request('llama-3.1-8b', 'h100-sxm5-80gb', { inputTokens: 8192, outputTokens: 256, batchSize: 2 }),
    ).timing.timePerOutputTokenSeconds;
    expect(two.timePerOutputTokenSeconds).toBeGreaterThan(decodeOfTwo);
    // The extra x 255 tokens: one prefill step of the other sequence, about its TTFT less the per-request cost.
    const extra = (two.timePerOutputTokenSeconds - decodeOfTwo) * 255;
    expect(extra / alone.timeToFirstTokenSeconds).toBeGreaterThan(0.9);
    expect(extra / alone.timeToFirstTokenSeconds).toBeLessThan(1.05);
  });
});

describe('a request arriving mid-step', () => {
  it('waits for the step in progress: half a step on average, weighted by how long each kind of step runs', () => {
    // Two sequences of 8192-token prompts on one GPU (as above): per lifetime of 256 steps, 2 carry a
    // whole prompt (one of them the arriving sequence's own) beside one decoding sequence, and 254 decode both.
    const base = { inputTokens: 8192, outputTokens: 256 };
    const e = estimate(request('llama-3.1-8b', 'h100-sxm5-80gb', base));
    const two = e.serving({ concurrency: 2 });
    const alone = e.serving({ concurrency: 1 });
    const t = e.request.tuning;
    // A prefill step ~ the prompt's TTFT alone less the first step's extra per-request cost; a decode step
    // the batch-2 estimate's TPOT.
    const p = alone.timeToFirstTokenSeconds - (t.perRequestOverheadSeconds - t.perStepOverheadSeconds);
    const d = estimate(request('llama-3.1-8b', 'h100-sxm5-80gb', { ...base, batchSize: 2 })).timing
      .timePerOutputTokenSeconds;
    // A step hit at a random moment has on average sum(S^2) / (2 sum(S)) left; the other sequence keeps the
    // GPU busy half the time from the arriving one's view ((n - 1) / n = 1/2).
    const expected = (1 / 2) * ((2 * p * p + 254 * d * d) / (2 * (2 * p + 254 * d)));
    const wait = two.timeToFirstTokenSeconds - alone.timeToFirstTokenSeconds;
    expect(wait / expected).toBeGreaterThan(0.97);
    expect(wait / expected).toBeLessThan(1.03);
    // It delays the whole request, not the tokens after the first: e2e carries it too.
    expect(two.e2eSeconds - two.timeToFirstTokenSeconds).toBeCloseTo(255 * two.timePerOutputTokenSeconds, 9);
  });

  it('is zero for a request alone and for simultaneous arrivals', () => {
    const e = estimate(request('llama-3.1-8b', 'h100-sxm5-80gb', { inputTokens: 2000, outputTokens: 200 }));
    const batch = estimate(
      request('llama-3.1-8b', 'h100-sxm5-80gb', { inputTokens: 2000, outputTokens: 200, batchSize: 8 }),
    );
    within(
      e.serving({ concurrency: 8, arrivals: 'SIMULTANEOUS' }).timeToFirstTokenSeconds,
      batch.timing.timeToFirstTokenSeconds,
      0.01,
    );
    within(e.serving({ concurrency: 1 }).timeToFirstTokenSeconds, e.timing.timeToFirstTokenSeconds, 0.01);
  });
});

describe('request rate', () => {
  it("Little's law: the concurrency found carries the rate asked for", () => {
    const e = setup(SETUPS[0]?.[1] as Setup);
    const point = e.serving({ requestsPerSecond: 3 });
    expect(point.sustainable).toBe(true);
    within(point.concurrency / point.e2eSeconds, 3, 1e-6);
    within(point.requestsPerSecond, 3, 1e-6);
  });

  it('a rate above what maxConcurrency carries is not sustainable and shows the most it carries', () => {
    const e = setup(SETUPS[0]?.[1] as Setup);
    const top = e.serving({ concurrency: e.maxConcurrency });
    const over = e.serving({ requestsPerSecond: top.requestsPerSecond * 2 });
    expect(over.sustainable).toBe(false);
    expect(over.concurrency).toBe(e.maxConcurrency);
  });
});

describe('workload knobs', () => {
  it('a prefix-cache hit skips the cached share of the prompt: TTFT falls, decode does not change', () => {
    const cold = estimate(request('llama-3.1-8b', 'h100-sxm5-80gb', { inputTokens: 4096 }));
    const warm = estimate(
      request('llama-3.1-8b', 'h100-sxm5-80gb', { inputTokens: 4096, prefixCacheHitRate: 0.75 }),
    );
    // 1024 of 4096 tokens computed: the linear layers do a quarter of the work; attention over the cached prefix remains.
    expect(warm.timing.timeToFirstTokenSeconds).toBeLessThan(cold.timing.timeToFirstTokenSeconds * 0.4);
    expect(warm.timing.timeToFirstTokenSeconds).toBeGreaterThan(cold.timing.timeToFirstTokenSeconds * 0.25);
    expect(warm.timing.timePerOutputTokenSeconds).toBe(cold.timing.timePerOutputTokenSeconds);
  });

  it('speculative decoding: TPOT is (verify step + draft steps) / accepted tokens', () => {
    const base = request('llama-3.1-70b', 'h100-sxm5-80gb', { gpuCount: 4, engine: 'IDEAL' });
    const plain = estimate(base);
    const mtp = estimate({ ...base, speculativeDecoding: { draftTokens: 3, acceptedTokensPerStep: 2.5 } });
    // Memory-bound at batch 1: verifying 4 positions costs about what 1 does, so TPOT ~ 1 / 2.5 of plain.
    within(mtp.timing.timePerOutputTokenSeconds * 2.5, plain.timing.timePerOutputTokenSeconds, 0.03);
    const drafted = estimate({
      ...base,
      speculativeDecoding: {
        draftTokens: 3,
        acceptedTokensPerStep: 2.5,
        draftModel: catalogModel('llama-3.1-8b'),
      },
    });
    const draftStep = estimate(request('llama-3.1-8b', 'h100-sxm5-80gb', { engine: 'IDEAL' })).timing.decode
      .seconds;
    within(
      drafted.timing.timePerOutputTokenSeconds,
      mtp.timing.timePerOutputTokenSeconds + (3 * draftStep) / 2.5,
      0.01,
    );
  });

  it('rejects knobs out of range, naming the field', () => {
    expect(() => estimate(request('llama-2-7b', 'a10', { prefixCacheHitRate: 1 }))).toThrow(
      /prefixCacheHitRate/,
    );
    expect(() =>
      estimate(
        request('llama-2-7b', 'a10', { speculativeDecoding: { draftTokens: 2, acceptedTokensPerStep: 4 } }),
      ),
    ).toThrow(/speculativeDecoding.acceptedTokensPerStep = 4 is out of range: from 1 to 3/);
  });
});

describe('disaggregated prefill and decode', () => {
  const base = request('llama-3.1-8b', 'h100-sxm5-80gb', { inputTokens: 2000, outputTokens: 300 });
  const split = estimate({ ...base, disaggregation: { prefillGpuCount: 1 } });

  it('alone: TTFT is the prefill pool prefilling one prompt plus the KV cache crossing the network', () => {
    // Llama-3.1-8B FP16 cache: 2 x 32 layers x 8 KV heads x 128 x 2 B = 131,072 B per token; 2,000 tokens
    // = 262,144,000 B over one GPU's 400 Gb/s (50e9 B/s) = 5.24 ms.
    const transfer = 262_144_000 / 50e9;
    const prefillAlone = estimate({ ...base, outputTokens: 1 }).timing.timeToFirstTokenSeconds;
    const point = split.serving({ concurrency: 1 });
    within(point.timeToFirstTokenSeconds, prefillAlone + transfer, 0.01);
    // The decode GPU runs one sequence's decode steps, as the single-request estimate does.
    within(point.timePerOutputTokenSeconds, estimate(base).timing.timePerOutputTokenSeconds, 0.01);
    // Two GPUs in all carry the output.
    expect(point.outputTokensPerSecondPerGpu).toBeCloseTo(point.outputTokensPerSecond / 2, 9);
  });

  it('under load the decode GPUs no longer wait for other prompts: TPOT below the colocated one', () => {
    const long = request('llama-3.1-8b', 'h100-sxm5-80gb', { inputTokens: 8192, outputTokens: 256 });
    const colocated = estimate(long).serving({ concurrency: 32 });
    const disaggregated = estimate({ ...long, disaggregation: { prefillGpuCount: 1 } }).serving({
      concurrency: 32,
    });
    expect(disaggregated.timePerOutputTokenSeconds).toBeLessThan(colocated.timePerOutputTokenSeconds);
  });

  it('a prefill pool too small for the rate the decode GPUs carry is not sustainable', () => {
    // 8 decode GPUs (TP8 over 8 replicas' worth of sequences) fed by one prefill GPU with 8,192-token prompts.
    const e = estimate({
      ...request('llama-3.1-8b', 'h100-sxm5-80gb', { inputTokens: 8192, outputTokens: 64 }),
      gpuCount: 8,
      parallelism: { data: 8 },
      disaggregation: { prefillGpuCount: 1 },
    });
    const point = e.serving({ concurrency: Math.floor(e.maxConcurrency / 2) });
    expect(point.sustainable).toBe(false);
    expect(point.limitedBy).toBe('COMPUTE');
  });

  it('names the prefill pool in its errors', () => {
    expect(() => estimate({ ...base, disaggregation: { prefillGpuCount: 3 } })).toThrow(
      /disaggregation\.prefillGpuCount.*32 attention heads must divide evenly/,
    );
    expect(() =>
      estimate({ ...base, disaggregation: { prefillGpuCount: 2, prefillParallelism: { tensor: 4 } } }),
    ).toThrow(/disaggregation\.prefillGpuCount = 2.*tensor x pipeline x data = 4/);
  });
});
