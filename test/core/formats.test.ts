import { describe, expect, it } from 'vitest';
import { defaultComputeFormat, estimate, resolveComputeFormat } from '../../src/core/index.js';
import { catalogGpu, request } from './helpers.js';

describe('number formats', () => {
  it('weight-only INT8/INT4 compute in FP16; FP8 and 16-bit formats compute in themselves', () => {
    expect(defaultComputeFormat('INT8')).toBe('FP16');
    expect(defaultComputeFormat('INT4')).toBe('FP16');
    expect(defaultComputeFormat('FP8')).toBe('FP8');
    expect(defaultComputeFormat('BF16')).toBe('BF16');
  });

  it('a GPU without a compute path falls back to the nearest one and says so', () => {
    // A100 has no FP8 tensor cores: FP8 falls back to FP16 at 312 TFLOPS.
    expect(resolveComputeFormat(catalogGpu('a100-sxm4-80gb'), 'FP8')).toEqual({
      format: 'FP16',
      peakFlops: 312e12,
    });
    // V100 has no BF16: BF16 falls back to FP16 tensor cores.
    expect(resolveComputeFormat(catalogGpu('v100-sxm2-32gb'), 'BF16').format).toBe('FP16');
    // H100 has no INT4 path: INT4 falls back to INT8.
    expect(resolveComputeFormat(catalogGpu('h100-sxm5-80gb'), 'INT4').format).toBe('INT8');
  });

  it('an estimate echoes the requested and the used compute format', () => {
    const e = estimate(
      request('llama-2-7b', 'a100-sxm4-80gb', { weightFormat: 'FP8', kvCacheFormat: 'FP8' }),
    );
    expect(e.request.computeFormatRequested).toBe('FP8');
    expect(e.request.computeFormat).toBe('FP16');
    const w8a8 = estimate(
      request('llama-2-7b', 'h100-sxm5-80gb', { weightFormat: 'INT8', computeFormat: 'INT8' }),
    );
    expect(w8a8.request.computeFormat).toBe('INT8');
  });

  it('TF32 is refused as a storage format with the field named', () => {
    expect(() => estimate(request('llama-2-7b', 'a100-sxm4-80gb', { weightFormat: 'TF32' }))).toThrow(
      /weightFormat/,
    );
    expect(() => estimate(request('llama-2-7b', 'a100-sxm4-80gb', { kvCacheFormat: 'TF32' }))).toThrow(
      /kvCacheFormat/,
    );
  });
});
