import { describe, expect, it } from 'vitest';
import { runOperation, testApp } from './support.js';

describe('a model that does not fit is an answer, not an error', () => {
  it('Llama 3.1 405B on one L4: fits false, weights do not fit, memory still answered', async () => {
    const result = await runOperation<
      {
        estimate: {
          fits: boolean;
          memory: { weightsBytes: number; capacityBytes: number; freeBytes: number };
          maxContextLength: { tokens: number; limitedBy: string; memoryLimitTokens: number | null };
          maxBatchSize: { batchSize: number; limitedBy: string };
          timeToFirstTokenSeconds: number;
        };
      },
      undefined
    >(
      testApp(),
      `{ estimate(input: { model: "llama-3.1-405b", gpu: "l4", inputTokens: 1000, outputTokens: 100 }) {
          fits
          memory { weightsBytes capacityBytes freeBytes }
          maxContextLength { tokens limitedBy memoryLimitTokens }
          maxBatchSize { batchSize limitedBy }
          timeToFirstTokenSeconds
      } }`,
    );
    expect(result.errors).toBeUndefined();
    const estimate = result.data?.estimate;
    expect(estimate?.fits).toBe(false);
    expect(estimate?.maxContextLength).toEqual({
      tokens: 0,
      limitedBy: 'WEIGHTS_DO_NOT_FIT',
      memoryLimitTokens: 0,
    });
    expect(estimate?.maxBatchSize).toEqual({ batchSize: 0, limitedBy: 'WEIGHTS_DO_NOT_FIT' });
    expect(estimate?.memory.weightsBytes).toBeGreaterThan(
      estimate?.memory.capacityBytes ?? Number.POSITIVE_INFINITY,
    );
    expect(estimate?.memory.freeBytes).toBeLessThan(0);
    expect(estimate?.timeToFirstTokenSeconds).toBeGreaterThan(0);
  });

  it('tensor parallelism splits the weights: 405B in FP8 fits on 8 H200', async () => {
    const result = await runOperation<
      { estimate: { fits: boolean; maxContextLength: { limitedBy: string } } },
      undefined
    >(
      testApp(),
      `{ estimate(input: { model: "llama-3.1-405b", gpu: "h200", gpuCount: 8, weightFormat: FP8, inputTokens: 1000, outputTokens: 100 }) {
          fits maxContextLength { limitedBy }
      } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.estimate.fits).toBe(true);
    expect(result.data?.estimate.maxContextLength.limitedBy).not.toBe('WEIGHTS_DO_NOT_FIT');
  });
});
