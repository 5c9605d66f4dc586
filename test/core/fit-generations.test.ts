import { describe, expect, it } from 'vitest';
import type { CalibrationCase } from '../../src/core/calibration/cases.js';
import { CasePredictor } from '../../src/core/calibration/evaluate.js';
import { efficiencyShare, MIN_EFFICIENCY_SHARE } from '../../src/core/calibration/fit.js';
import type { Tuning } from '../../src/core/types.js';

/** No fixed costs and roughly datasheet-like efficiencies: a batch-1 decode step is all weight and KV reads. */
const LEAN: Tuning = {
  prefillComputeEfficiency: 0.6,
  prefillBandwidthEfficiency: 0.7,
  decodeComputeEfficiency: 0.6,
  decodeBandwidthEfficiency: 0.7,
  weightOnlyBandwidthEfficiency: 0.7,
  perRequestOverheadSeconds: 0,
  perStepOverheadSeconds: 0,
  perMoeLayerOverheadSeconds: 0,
  allReduceLatencySeconds: 0,
  allReduceStepBytes: 0,
  dequantizationOpsPerWeight: 0,
};

function decodeCase(
  id: string,
  source: string,
  gpu: string,
  inputTokens: number,
  measured: number,
): CalibrationCase {
  return {
    id,
    source,
    quality: 'A',
    engine: 'OPTIMIZED',
    engineName: 'test engine',
    model: 'llama-3.1-8b',
    gpu,
    gpuCount: 1,
    batchSize: 1,
    weightFormat: 'BF16',
    kvCacheFormat: 'BF16',
    inputTokens,
    outputTokens: 129,
    metric: 'TPOT_SECONDS',
    memoryScope: 'PER_GPU',
    measured,
    note: 'synthetic decode case for the generation-fit rules',
  };
}

describe('which cases may set a GPU generation efficiencies', () => {
  const c = decodeCase('bw', 'test', 'h100-sxm5-80gb', 1024, 0.006);
  const predictor = new CasePredictor();

  it('a batch-1 decode step without fixed costs scales fully with the bandwidth efficiency', () => {
    // TPOT = bytes / (bandwidth x efficiency): halving the efficiency doubles it, so the share is 1.
    expect(efficiencyShare(c, LEAN, 'bandwidth')).toBeCloseTo(1, 6);
    // 16-bit weights take no dequantising path, and batch-1 decode is far from compute-bound.
    expect(efficiencyShare(c, LEAN, 'weightOnlyBandwidth')).toBeCloseTo(0, 6);
    expect(efficiencyShare(c, LEAN, 'compute')).toBeCloseTo(0, 6);
  });

  it('a fixed per-step cost equal to the read time halves the share', () => {
    // TPOT = t_read + o with o = t_read; halving the efficiency gives 2 t_read + o = 3 t_read,
    // 1.5 times the 2 t_read before: share (3 - 2) / 2 = 0.5.
    const read = predictor.predict(c, 'OPTIMIZED', LEAN);
    const withOverhead = { ...LEAN, perStepOverheadSeconds: read };
    expect(predictor.predict(c, 'OPTIMIZED', withOverhead)).toBeCloseTo(2 * read, 9);
    expect(efficiencyShare(c, withOverhead, 'bandwidth')).toBeCloseTo(0.5, 6);
    expect(MIN_EFFICIENCY_SHARE).toBe(0.5);
  });
});
