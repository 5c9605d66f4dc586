/**
 * Every catalog model's parameter counts against the published figures (total within 1%, active
 * within 2%, in the convention the publisher uses), and hand-derived counts and KV caches of the
 * models kept as config.json.
 */
import { describe, expect, it } from 'vitest';
import { findModel, MODELS } from '../../src/core/catalog/index.js';
import { analyzeModel, kvCacheBytes, kvCacheBytesPerToken, type ModelSpec } from '../../src/core/index.js';

function analysisOf(id: string) {
  const model = findModel(id);
  if (!model) throw new Error(`no model ${id}`);
  return analyzeModel(model);
}

const isMoe = (model: ModelSpec) => model.layerGroups.some((g) => g.ffn.kind === 'MOE');

describe('every catalog model matches its published parameter counts', () => {
  it.each(MODELS.map((m) => [m.id, m] as const))('%s: total within 1%', (_id, model) => {
    const published = model.publishedParameterCount;
    expect(published, 'a published (or official-config) total with its source').toBeDefined();
    expect(published?.source.length).toBeGreaterThan(0);
    const total = analyzeModel(model).totalParameters;
    expect(Math.abs(total / (published?.value ?? 0) - 1)).toBeLessThanOrEqual(0.01);
  });

  it.each(MODELS.filter(isMoe).map((m) => [m.id, m] as const))(
    '%s: active within 2%, counted as its publisher counts',
    (_id, model) => {
      const published = model.publishedActiveParameterCount;
      expect(published, 'MoE models publish an active count').toBeDefined();
      const analysis = analyzeModel(model);
      // DeepSeek, OpenAI and Moonshot leave the input embedding out; Mistral, Qwen and Meta count it.
      const active = published?.excludesInputEmbedding
        ? analysis.activeParametersExcludingEmbedding
        : analysis.activeParameters;
      expect(Math.abs(active / (published?.value ?? 0) - 1)).toBeLessThanOrEqual(0.02);
    },
  );
});

describe('hand-derived counts of config.json models', () => {
  it('gpt-oss-20b: 20,914,757,184 parameters, 3,608,307,264 active without the input embedding', () => {
    const d = 2880;
    // Attention: q/k/v/o 2880 x 64 x (2 x 64 + 2 x 8) = 26,542,080; biases 64 x (64 + 16) + 2880 = 8,000; 64 sinks.
    const attention = d * 64 * (2 * 64 + 2 * 8) + (64 * (64 + 2 * 8) + d) + 64;
    // One expert: 3 x 2880 x 2880 = 24,883,200 weights + biases 2 x 2880 + 2880 = 24,891,840.
    const expert = 3 * d * 2880 + (2 * 2880 + d);
    const router = d * 32 + 32;
    const norms = 2 * d;
    const perLayer = attention + 32 * expert + router + norms; // 823,186,976
    const embedding = 201_088 * d; // 579,133,440, and the same again for the untied LM head
    expect(perLayer).toBe(823_186_976);
    const total = 24 * perLayer + 2 * embedding + d;
    expect(total).toBe(20_914_757_184);
    const analysis = analysisOf('gpt-oss-20b');
    expect(analysis.totalParameters).toBe(total);
    const activePerLayer = attention + 4 * expert + router + norms; // 126,215,456
    expect(analysis.activeParametersExcludingEmbedding).toBe(24 * activePerLayer + embedding + d);
    expect(analysis.activeParametersExcludingEmbedding).toBe(3_608_307_264);
  });

  it('DeepSeek-V3: 671.03B total, the MTP module left out', () => {
    const d = 7168;
    // MLA per layer: q down 7168 x 1536, q up 1536 x 128 x 192, kv down 7168 x 576, kv up 512 x 128 x 256,
    // o 128 x 128 x 7168, latent norms 1536 + 512.
    const mla = d * 1536 + 1536 * 128 * 192 + d * 576 + 512 * 128 * 256 + 128 * 128 * d + 1536 + 512;
    expect(mla).toBe(187_107_328);
    const denseLayer = mla + 3 * d * 18432 + 2 * d; // 3 layers
    // 256 routed + 1 shared expert of 3 x 7168 x 2048, router 7168 x 256.
    const moeLayer = mla + 257 * 3 * d * 2048 + d * 256 + 2 * d; // 58 layers
    const total = 3 * denseLayer + 58 * moeLayer + 2 * 129_280 * d + d;
    expect(analysisOf('deepseek-v3').totalParameters).toBe(total);
    expect(total / 1e9).toBeCloseTo(671.03, 2);
  });

  it('Llama 4 Maverick: dense layers 16384 wide, MoE layers 128 routed + 1 shared of 8192', () => {
    const d = 5120;
    const attention = d * 128 * (2 * 40 + 2 * 8);
    const dense = attention + 3 * d * 16384 + 2 * d;
    const moe = attention + (128 + 1) * 3 * d * 8192 + d * 128 + 2 * d;
    const total = 24 * dense + 24 * moe + 2 * 202_048 * d + d;
    expect(analysisOf('llama-4-maverick').totalParameters).toBe(total);
    expect(total / 1e9).toBeCloseTo(400.71, 2);
  });
});

describe('KV cache of the hybrid and MLA catalog models', () => {
  it('DeepSeek-V3 caches 61 x 576 x 2 = 70,272 bytes per token in BF16', () => {
    expect(kvCacheBytesPerToken(analysisOf('deepseek-v3'), 'BF16')).toBe(61 * 576 * 2);
    expect(61 * 576 * 2).toBe(70_272);
  });

  it('gpt-oss-120b at 100,000 tokens: 18 global layers hold 100,000 tokens, 18 sliding layers 128', () => {
    const perLayerToken = 2 * 8 * 64 * 2; // K and V, 8 KV heads x 64, BF16 = 2,048 bytes
    const expected = 18 * perLayerToken * 100_000 + 18 * perLayerToken * 128;
    expect(expected).toBe(3_691_118_592);
    expect(kvCacheBytes(analysisOf('gpt-oss-120b'), 'BF16', 100_000)).toBe(expected);
  });

  it('Gemma-3-27B: 10 global layers grow with the context, 52 local ones stop at 1024', () => {
    const perLayerToken = 2 * 16 * 128 * 2; // 8,192 bytes
    for (const tokens of [512, 1024, 32_768]) {
      const expected = 10 * perLayerToken * tokens + 52 * perLayerToken * Math.min(tokens, 1024);
      expect(kvCacheBytes(analysisOf('gemma-3-27b'), 'BF16', tokens)).toBe(expected);
    }
    // Past the window only the global layers add: 10 x 8,192 = 81,920 bytes per token.
    expect(kvCacheBytesPerToken(analysisOf('gemma-3-27b'), 'BF16')).toBe(81_920);
  });

  it('Llama-4-Scout: 36 chunked layers hold at most 8192 tokens, 12 global layers all of them', () => {
    const perLayerToken = 2 * 8 * 128 * 2; // 4,096 bytes
    const tokens = 100_000;
    const expected = 12 * perLayerToken * tokens + 36 * perLayerToken * 8192;
    expect(kvCacheBytes(analysisOf('llama-4-scout'), 'BF16', tokens)).toBe(expected);
    expect(expected).toBe(6_123_159_552);
  });

  it('Qwen2-7B keeps no window: its cache grows with every token', () => {
    const perToken = 28 * 2 * 4 * 128 * 2; // 57,344 bytes
    expect(kvCacheBytes(analysisOf('qwen2-7b'), 'BF16', 200_000)).toBe(200_000 * perToken);
  });
});
