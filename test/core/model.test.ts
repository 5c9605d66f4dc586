import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/core/catalog/index.js';
import {
  analyzeModel,
  bytesPerElement,
  distinctExpertsTouched,
  kvCacheBytesPerToken,
  weightsBytes,
} from '../../src/core/index.js';
import { catalogModel } from './helpers.js';

describe('parameter counts', () => {
  it('Llama-2-7B: 6,738,415,616 parameters, by hand from its config', () => {
    // per layer: attention 4096*128*(2*32 + 2*32) = 67,108,864
    //            FFN 3 * 4096 * 11008           = 135,266,304
    //            two RMSNorms 2 * 4096          = 8,192
    //            sum                            = 202,383,360; x 32 layers = 6,476,267,520
    // embeddings 32000*4096 = 131,072,000, untied LM head the same, final norm 4096
    const expected = 6_476_267_520 + 2 * 131_072_000 + 4096;
    const analysis = analyzeModel(catalogModel('llama-2-7b'));
    expect(analysis.totalParameters).toBe(expected);
    expect(analysis.activeParameters).toBe(expected);
  });

  it('Mixtral-8x7B: 46.70B total and 12.88B active (top-2 of 8 experts)', () => {
    // per layer: attention 4096*128*(64 + 16) = 41,943,040; expert FFN 3*4096*14336 = 176,160,768;
    // router 4096*8 = 32,768; norms 8,192
    const perLayerShared = 41_943_040 + 32_768 + 8_192;
    const outside = 2 * 32_000 * 4096 + 4096;
    const analysis = analyzeModel(catalogModel('mixtral-8x7b'));
    expect(analysis.totalParameters).toBe(32 * (perLayerShared + 8 * 176_160_768) + outside);
    expect(analysis.activeParameters).toBe(32 * (perLayerShared + 2 * 176_160_768) + outside);
  });

  it('Gemma-7B counts its tied embeddings once and uses head_dim 256, not hidden/heads', () => {
    const analysis = analyzeModel(catalogModel('gemma-7b'));
    expect(analysis.lmHeadParameters).toBe(0);
    // attention: 3072 * 256 * (2*16 + 2*16) = 50,331,648 per layer
    expect(analysis.attentionParametersPerLayer).toBe(50_331_648);
  });

  it.each(MODELS.filter((m) => m.publishedParameterCount))(
    '$id lands within 1% of its published total',
    (model) => {
      const published = model.publishedParameterCount?.value ?? 0;
      const ours = analyzeModel(model).totalParameters;
      expect(Math.abs(ours / published - 1)).toBeLessThan(0.01);
    },
  );

  it.each(MODELS.filter((m) => m.publishedActiveParameterCount))(
    "$id active count within 2% of published, in the publisher's convention",
    (model) => {
      const published = model.publishedActiveParameterCount;
      const a = analyzeModel(model);
      // publishers differ on the input embedding; each figure says which convention it follows
      const ours = published?.excludesInputEmbedding
        ? a.activeParametersExcludingEmbedding
        : a.activeParameters;
      // 2%: active counts are published rounded (Qwen3-30B-A3B "3.3B" against 3.353B counted).
      expect(Math.abs(ours / (published?.value ?? 0) - 1)).toBeLessThan(0.02);
    },
  );
});

describe('weights and KV cache bytes', () => {
  it('Llama-2-7B FP16 weights are 13.48 GB', () => {
    // 6,738,415,616 parameters x 2 bytes = 13,476,831,232 bytes
    expect(weightsBytes(analyzeModel(catalogModel('llama-2-7b')), 'FP16')).toBe(13_476_831_232);
  });

  it('Llama-2-7B caches 512 KiB per token (32 KV heads: GQA is only in the 70B)', () => {
    // 2 (K and V) * 32 layers * 32 KV heads * 128 head dim * 2 bytes = 524,288 = 512 KiB
    expect(kvCacheBytesPerToken(analyzeModel(catalogModel('llama-2-7b')), 'FP16')).toBe(512 * 1024);
  });

  it('Llama-2-70B GQA caches 8 KV heads: 320 KiB per token', () => {
    // 2 * 80 layers * 8 heads * 128 * 2 bytes = 327,680
    expect(kvCacheBytesPerToken(analyzeModel(catalogModel('llama-2-70b')), 'FP16')).toBe(327_680);
  });

  it('INT4 stores 4 bits plus one FP16 scale per 128 weights', () => {
    expect(bytesPerElement('INT4')).toBe(0.5 + 2 / 128);
  });

  it('quantised formats shrink linear weights but keep embeddings, LM head and norms in 16-bit', () => {
    const a = analyzeModel(catalogModel('llama-2-7b'));
    // INT8: linear weights 1 byte, the rest (embeddings and LM head 2 * 131,072,000 + norms 32*8192 + 4096) 2 bytes
    const nonLinear = 2 * 131_072_000 + 32 * 8192 + 4096;
    const linear = a.totalParameters - nonLinear;
    expect(weightsBytes(a, 'INT8')).toBe(linear + 2 * nonLinear);
  });

  it.each(MODELS.map((m) => [m.id, m] as const))('%s: INT4 < INT8 < FP16 < FP32 weights', (_id, model) => {
    const a = analyzeModel(model);
    expect(weightsBytes(a, 'INT4')).toBeLessThan(weightsBytes(a, 'INT8'));
    expect(weightsBytes(a, 'INT8')).toBeLessThan(weightsBytes(a, 'FP16'));
    expect(weightsBytes(a, 'FP16')).toBeLessThan(weightsBytes(a, 'FP32'));
    expect(weightsBytes(a, 'BF16')).toBe(weightsBytes(a, 'FP16'));
  });
});

describe('distinct experts per step', () => {
  it('one token touches exactly k experts; many tokens approach all E', () => {
    // E*(1-(1-k/E)^1) = E * k/E = k
    expect(distinctExpertsTouched(8, 2, 1)).toBeCloseTo(2, 12);
    // 8 tokens: 8*(1-(3/4)^8) = 8*(1-0.100112915) = 7.19909668
    expect(distinctExpertsTouched(8, 2, 8)).toBeCloseTo(7.19909668, 6);
    expect(distinctExpertsTouched(8, 2, 10_000)).toBeCloseTo(8, 9);
    expect(distinctExpertsTouched(1, 1, 64)).toBe(1);
  });
});
