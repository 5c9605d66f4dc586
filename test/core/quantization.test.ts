import { describe, expect, it } from 'vitest';
import { CALIBRATION_CASES } from '../../src/core/calibration/cases.js';
import { analyzeModel, estimate } from '../../src/core/index.js';
import {
  QUANTIZATION_SCHEMES,
  quantizationScheme,
  quantizedWeightsBytes,
} from '../../src/core/quantization.js';
import { catalogModel, request } from './helpers.js';

describe('quantisation schemes: real bits per weight', () => {
  it('group scales and zero points add up as the layouts say', () => {
    // AWQ/GPTQ: 4 bits + one fp16 scale and one 4-bit zero per 128 weights = 4 + 20/128 = 4.15625
    expect(quantizationScheme('AWQ_INT4_G128').linearBits).toBe(4.15625);
    expect(quantizationScheme('GPTQ_INT4_G128').linearBits).toBe(4.15625);
    // gpt-fast g32: a bf16 scale and a bf16 zero per 32 weights = 4 + 32/32 = 5 bits = 0.625 bytes
    expect(quantizationScheme('GPT_FAST_INT4_G32').linearBits / 8).toBe(0.625);
    // GGUF Q4_0: 18 bytes per block of 32; Q8_0: 34 bytes per 32
    expect(quantizationScheme('GGUF_Q4_0').linearBits).toBe((18 * 8) / 32);
    expect(quantizationScheme('GGUF_Q8_0').linearBits).toBe((34 * 8) / 32);
    // NF4 double quantisation: 4 + 8/64 + 32/(64*256) = 4.127 bits
    expect(quantizationScheme('BNB_NF4').linearBits).toBeCloseTo(4.127, 3);
    // FP8 with 128x128 blocks: 8 + 32/16384
    expect(quantizationScheme('FP8_BLOCK_128').linearBits).toBeCloseTo(8.00195, 5);
  });

  it('every scheme stores fewer bits than 16 and names its compute format', () => {
    for (const s of QUANTIZATION_SCHEMES) {
      expect(s.linearBits, s.id).toBeLessThan(16);
      expect(s.linearBits, s.id).toBeGreaterThanOrEqual(4);
      expect(['INT4', 'INT8', 'FP8']).toContain(s.format);
      expect(s.description.length, s.id).toBeGreaterThan(40);
    }
  });

  it('Llama-2-7B weights: AWQ keeps embeddings and head 16-bit, Q4_0 does not', () => {
    const a = analyzeModel(catalogModel('llama-2-7b'));
    // 6,476,271,616 matrix weights (32 layers x (4 x 4096^2 + 3 x 4096 x 11008)), 2 x 32000 x 4096 embedding + head
    expect(a.linearParameters).toBe(32 * (4 * 4096 * 4096 + 3 * 4096 * 11008));
    const norms = a.nonLinearParameters - 2 * 32000 * 4096;
    const awq = (a.linearParameters * 4.15625 + 2 * 32000 * 4096 * 16 + norms * 16) / 8;
    expect(quantizedWeightsBytes(a, quantizationScheme('AWQ_INT4_G128'))).toBeCloseTo(awq, 0);
    const q40 = (a.linearParameters * 4.5 + 32000 * 4096 * (4.5 + 6.5625) + norms * 16) / 8;
    expect(quantizedWeightsBytes(a, quantizationScheme('GGUF_Q4_0'))).toBeCloseTo(q40, 0);
  });

  it('an estimate with a scheme holds its bytes and runs its format', () => {
    const plain = estimate(request('llama-2-7b', 'rtx-4090', { weightFormat: 'INT4' }));
    const g32 = estimate(request('llama-2-7b', 'rtx-4090', { weightQuantization: 'GPT_FAST_INT4_G32' }));
    expect(g32.request.weightFormat).toBe('INT4');
    expect(g32.request.weightBytesPerParameter).toBe(0.625);
    // 5 bits vs 4.125: more bytes to hold and to stream every decode step
    expect(g32.memory.weightsBytes).toBeGreaterThan(plain.memory.weightsBytes);
    expect(g32.timing.timePerOutputTokenSeconds).toBeGreaterThan(plain.timing.timePerOutputTokenSeconds);
    const fp8 = estimate(request('llama-2-7b', 'h100-sxm5-80gb', { weightQuantization: 'FP8_PER_TENSOR' }));
    expect(fp8.request.computeFormat).toBe('FP8');
  });

  it('every quantised calibration case names the scheme it used', () => {
    const quantised = CALIBRATION_CASES.filter((c) => c.weightFormat === 'INT4' || c.weightFormat === 'INT8');
    expect(quantised.length).toBeGreaterThan(20);
    for (const c of quantised) expect(c.weightQuantization, c.id).toBeDefined();
  });
});
