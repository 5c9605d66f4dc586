import { describe, expect, it } from 'vitest';
import type { CalibrationCase } from '../../src/core/calibration/cases.js';
import { CasePredictor, caseRequest } from '../../src/core/calibration/evaluate.js';
import { fitMemory } from '../../src/core/calibration/memory-fit.js';
import { estimate } from '../../src/core/index.js';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

/** A vLLM-style pool log: Llama-3.1-8B in BF16 on one H100 SXM, 90% of the GPU, 2048-token profiling step. */
function poolCase(source: string, measured: number, memory: CalibrationCase['memory'] = {}): CalibrationCase {
  return {
    id: `${source}/pool`,
    source: `${source}: test`,
    quality: 'A',
    engine: 'OPTIMIZED',
    engineName: 'test engine',
    model: 'llama-3.1-8b',
    gpu: 'h100-sxm5-80gb',
    gpuCount: 1,
    batchSize: 1,
    weightFormat: 'BF16',
    kvCacheFormat: 'BF16',
    inputTokens: 1024,
    outputTokens: 128,
    metric: 'KV_CACHE_POOL_BYTES',
    memoryScope: 'PER_GPU',
    memory: { usableMemoryFraction: 0.9, maxBatchedTokens: 2048, ...memory },
    measured,
    note: 'synthetic KV cache pool case',
  };
}

describe('KV cache pool cases', () => {
  const predictor = new CasePredictor();

  it('predict what 90% of the GPU leaves after weights, one step of activations and the overhead', () => {
    const c = poolCase('t', 50 * GiB, { runtimeOverheadBytes: 0 });
    // H100 SXM: 81,559 MiB visible; 90% of it is the engine's.
    const capacity = 0.9 * 81_559 * MiB;
    // Llama-3.1-8B: 8,030,261,248 parameters x 2 bytes (BF16).
    const weights = 8_030_261_248 * 2;
    // Activations of the 2048-token profiling step, 2 bytes per element: residual + norm output (2 x 4096)
    // and the widest intermediate, the SwiGLU gate and up outputs and their product (3 x 14,336 = 43,008,
    // wider than q, k, v and the o input, 128 x (2 x 32 + 2 x 8) = 10,240); plus FP32 logits of one
    // sequence's last position (4 x 128,256).
    const activations = 2048 * 2 * (2 * 4096 + 43_008) + 4 * 128_256;
    const buffers = 0.5 * GiB;
    const predicted = predictor.predict(c, 'OPTIMIZED', undefined, { engineBuffersBytes: buffers });
    expect(predicted).toBeCloseTo(capacity - weights - activations - buffers, 0);
  });

  it('agree with maxConcurrency: the pool holds that many sequences of prompt + output and not one more', () => {
    const c = poolCase('t', 50 * GiB);
    const e = estimate(caseRequest(c, 'OPTIMIZED'));
    const pool = predictor.predict(c, 'OPTIMIZED');
    // 1,152 tokens reserve 72 blocks of 16; each token of Llama-3.1-8B's BF16 cache is
    // 32 layers x 8 KV heads x 128 x 2 (K and V) x 2 bytes = 131,072 bytes; each sequence also keeps FP32 logits.
    const perSequence = 72 * 16 * 131_072 + 4 * 128_256;
    expect(e.maxConcurrency).toBe(Math.floor((pool + 4 * 128_256) / perSequence));
  });

  it('engine buffers fitted on pool logs are what the logs leave unexplained', () => {
    // Two sources whose pools are exactly 1.5 GiB smaller than the estimate without engine buffers.
    const zero = { engineBuffersBytes: 0 };
    const a = poolCase('a', 0);
    const b = poolCase('b', 0, { maxBatchedTokens: 8192 });
    const cases = [a, b].map((c) => ({
      ...c,
      measured: predictor.predict(c, 'OPTIMIZED', undefined, zero) - 1.5 * GiB,
    }));
    const fitted = fitMemory(
      cases,
      ['OPTIMIZED'],
      (cs) => cs.map(() => 1),
      (c) => c.source,
    );
    expect(fitted.OPTIMIZED.engineBuffersBytes).toBe(1.5 * GiB);
    expect(fitted.OPTIMIZED.basis).toBe('PROFILE');
  });
});
