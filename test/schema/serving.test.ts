import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/core/estimate.js';
import { catalogGpu, catalogModel } from '../core/helpers.js';
import { runOperation, testApp } from './support.js';

interface Point {
  concurrency: number;
  requestsPerSecond: number;
  timePerOutputTokenSeconds: number;
  outputTokensPerSecondPerGpu: number;
  limitedBy: string;
  sustainable: boolean;
}

describe('deployments and serving through the API', () => {
  const app = testApp();

  it('a TP4 x DP2 deployment: its parallelism, per-GPU memory and serving points, as the core answers them', async () => {
    const result = await runOperation<
      {
        estimate: {
          gpuCount: number;
          parallelism: { tensor: number; pipeline: number; expert: number; data: number; gpuCount: number };
          memory: { weightsBytes: number };
          maxConcurrency: number;
          serving: Point;
          byRate: Point;
          servingCurve: Point[];
        };
      },
      never
    >(
      app,
      `{ estimate(input: { model: "llama-3.1-70b", gpu: "h100", weightFormat: FP8, inputTokens: 2000, outputTokens: 300,
           parallelism: { tensor: 4, data: 2 } }) {
        gpuCount parallelism { tensor pipeline expert data gpuCount } memory { weightsBytes } maxConcurrency
        serving(concurrency: 32) { concurrency requestsPerSecond timePerOutputTokenSeconds outputTokensPerSecondPerGpu limitedBy sustainable }
        byRate: serving(requestsPerSecond: 2) { concurrency requestsPerSecond timePerOutputTokenSeconds outputTokensPerSecondPerGpu limitedBy sustainable }
        servingCurve(points: 5) { concurrency requestsPerSecond timePerOutputTokenSeconds outputTokensPerSecondPerGpu limitedBy sustainable }
      } }`,
    );
    expect(result.errors).toBeUndefined();
    const e = result.data?.estimate;
    // gpuCount follows from the parallelism: 4 x 1 x 2.
    expect(e?.gpuCount).toBe(8);
    expect(e?.parallelism).toEqual({ tensor: 4, pipeline: 1, expert: 1, data: 2, gpuCount: 8 });
    // Per GPU, a quarter of the matrices (test/core/sharding.test.ts derives 18,166,071,296 bytes).
    expect(e?.memory.weightsBytes).toBe(18_166_071_296);
    const core = estimate({
      model: catalogModel('llama-3.1-70b'),
      gpu: catalogGpu('h100-sxm5-80gb'),
      gpuCount: 8,
      parallelism: { tensor: 4, data: 2 },
      weightFormat: 'FP8',
      kvCacheFormat: 'FP16',
      inputTokens: 2000,
      outputTokens: 300,
      batchSize: 1,
    });
    expect(e?.maxConcurrency).toBe(core.maxConcurrency);
    expect(e?.serving.timePerOutputTokenSeconds).toBe(
      core.serving({ concurrency: 32 }).timePerOutputTokenSeconds,
    );
    expect(e?.byRate.requestsPerSecond).toBeCloseTo(2, 6);
    expect(e?.servingCurve.map((p) => p.concurrency)[0]).toBe(1);
    expect(e?.servingCurve.at(-1)?.concurrency).toBe(core.maxConcurrency);
    expect(e?.servingCurve.at(-1)?.limitedBy).toBe('KV_CAPACITY');
  });

  it('a disaggregated deployment: a prefill pool of 2 GPUs for 2 decode GPUs, the output counted over all 4', async () => {
    const result = await runOperation<
      { estimate: { serving: Point & { outputTokensPerSecond: number } } },
      never
    >(
      app,
      `{ estimate(input: { model: "llama-3.1-8b", gpu: "h100", inputTokens: 4000, outputTokens: 200, gpuCount: 2,
           disaggregation: { prefillGpuCount: 2 } }) {
        serving(concurrency: 16) { concurrency requestsPerSecond timePerOutputTokenSeconds outputTokensPerSecond outputTokensPerSecondPerGpu limitedBy sustainable }
      } }`,
    );
    expect(result.errors).toBeUndefined();
    const point = result.data?.estimate.serving;
    expect(point?.outputTokensPerSecondPerGpu).toBeCloseTo((point?.outputTokensPerSecond ?? 0) / 4, 9);
    const core = estimate({
      model: catalogModel('llama-3.1-8b'),
      gpu: catalogGpu('h100-sxm5-80gb'),
      gpuCount: 2,
      weightFormat: 'FP16',
      kvCacheFormat: 'FP16',
      inputTokens: 4000,
      outputTokens: 200,
      batchSize: 1,
      disaggregation: { prefillGpuCount: 2 },
    });
    expect(point?.timePerOutputTokenSeconds).toBe(
      core.serving({ concurrency: 16 }).timePerOutputTokenSeconds,
    );
  });

  it('refuses a split engines refuse and bad serving arguments, naming the field and the rule', async () => {
    const ask = (input: string, selection = 'gpuCount') =>
      runOperation<unknown, never>(
        app,
        `{ estimate(input: { model: "llama-2-7b", gpu: "h100", inputTokens: 100, outputTokens: 10, ${input} }) { ${selection} } }`,
      );
    const split = await ask('gpuCount: 3');
    expect(split.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(split.errors?.[0]?.message).toMatch(
      /input\.gpuCount.*32 attention heads must divide evenly over the tensor-parallel GPUs/,
    );
    const mismatch = await ask('gpuCount: 4, parallelism: { tensor: 2, pipeline: 4 }');
    expect(mismatch.errors?.[0]?.message).toMatch(/input\.gpuCount = 4.*tensor x pipeline x data = 8/);
    const both = await ask('gpuCount: 1', 'serving(concurrency: 2, requestsPerSecond: 1) { concurrency }');
    expect(both.errors?.[0]?.message).toMatch(/requestsPerSecond.*omitted when concurrency is given/);
    const points = await ask('gpuCount: 1', 'servingCurve(points: 1000) { concurrency }');
    expect(points.errors?.[0]?.message).toMatch(/points = 1000 is out of range: an integer from 2 to 64/);
  });
});
