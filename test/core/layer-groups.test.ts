import { describe, expect, it } from 'vitest';
import {
  analyzeModel,
  attendedTokensInSpan,
  bytesPerElement,
  estimate,
  kvCacheBytes,
  kvCacheBytesPerToken,
  type ModelSpec,
  type OperatorCost,
  weightsBytes,
} from '../../src/core/index.js';
import { catalogGpu, catalogModel } from './helpers.js';
import { deepseekV3, gemma3_27b, gptOss120b, llama4Scout } from './layered-models.js';

const ideal = { engine: 'IDEAL' as const };

function run(model: ModelSpec, gpu: string, overrides: Record<string, unknown> = {}) {
  return estimate({
    model,
    gpu: catalogGpu(gpu),
    gpuCount: 1,
    weightFormat: 'BF16',
    kvCacheFormat: 'BF16',
    inputTokens: 1000,
    outputTokens: 100,
    batchSize: 1,
    ...overrides,
  });
}

describe('KV cache per layer group', () => {
  it('DeepSeek-V3 caches 61 x 576 x 2 = 70,272 bytes per token in BF16 (MLA latent)', () => {
    // kv_lora_rank 512 + qk_rope_head_dim 64 = 576 elements per layer per token, no K/V factor 2
    const a = analyzeModel(deepseekV3());
    expect(kvCacheBytesPerToken(a, 'BF16')).toBe(61 * 576 * 2);
    expect(kvCacheBytes(a, 'BF16', 1000)).toBe(1000 * 70_272);
  });

  it('MLA keeps the whole latent on every tensor-parallel rank', () => {
    const one = run(deepseekV3(), 'h200-sxm-141gb', { weightFormat: 'FP8', kvCacheFormat: 'FP8' });
    const eight = run(deepseekV3(), 'h200-sxm-141gb', {
      weightFormat: 'FP8',
      kvCacheFormat: 'FP8',
      gpuCount: 8,
    });
    // FP8: 61 * 576 * 1 byte = 35,136 per token on each GPU, however many GPUs
    expect(one.memory.kvCacheBytesPerTokenPerGpu).toBe(35_136);
    expect(eight.memory.kvCacheBytesPerTokenPerGpu).toBe(35_136);
    expect(eight.warnings.join(' ')).toMatch(/MLA/);
  });

  it('gpt-oss-120b at 100,000 tokens: 18 global layers hold 100,000 tokens, 18 sliding layers 128', () => {
    // 2 (K, V) * 8 KV heads * 64 head dim = 1,024 elements = 2,048 bytes per layer per token in BF16
    const perLayerToken = 2 * 8 * 64 * 2;
    const a = analyzeModel(gptOss120b());
    expect(kvCacheBytes(a, 'BF16', 100_000)).toBe(18 * 100_000 * perLayerToken + 18 * 128 * perLayerToken);
    // past the window only the global layers grow
    expect(kvCacheBytesPerToken(a, 'BF16')).toBe(18 * perLayerToken);
  });

  it('Gemma-3-27B: 52 local layers cap at 1,024 tokens, 10 global layers keep all 32,768', () => {
    // 2 * 16 KV heads * 128 = 4,096 elements = 8,192 bytes per layer per token in BF16
    const perLayerToken = 2 * 16 * 128 * 2;
    const m = gemma3_27b();
    expect(m.layerGroups.map((g) => g.count)).toEqual([52, 10]);
    expect(52 / 10).toBeCloseTo(5.2, 12); // 5 local per global; 62 layers end on 2 local ones
    const a = analyzeModel(m);
    expect(kvCacheBytes(a, 'BF16', 32_768)).toBe(10 * 32_768 * perLayerToken + 52 * 1024 * perLayerToken);
    expect(kvCacheBytes(a, 'BF16', 500)).toBe(62 * 500 * perLayerToken);
    // the flat summary: no single window for every layer
    expect(m.slidingWindow).toBeNull();
    expect(m.layers).toBe(62);
  });

  it('Llama-4-Scout: 36 chunked layers hold at most one 8,192-token chunk, 12 global layers everything', () => {
    const perLayerToken = 2 * 8 * 128 * 2; // 4,096 bytes
    const a = analyzeModel(llama4Scout());
    expect(kvCacheBytes(a, 'BF16', 100_000)).toBe(12 * 100_000 * perLayerToken + 36 * 8192 * perLayerToken);
    expect(kvCacheBytesPerToken(a, 'BF16')).toBe(12 * perLayerToken);
  });

  it('a single-group catalog model answers as before: Llama-2-7B is 512 KiB per token at any length', () => {
    const a = analyzeModel(catalogModel('llama-2-7b'));
    expect(kvCacheBytes(a, 'FP16', 3000)).toBe(3000 * 512 * 1024);
    // Mistral-7B slides every layer over 4,096: the cache stops growing, nothing is added past it
    const mistral = analyzeModel(catalogModel('mistral-7b'));
    expect(kvCacheBytes(mistral, 'FP16', 10_000)).toBe(kvCacheBytes(mistral, 'FP16', 4096));
    expect(kvCacheBytesPerToken(mistral, 'FP16')).toBe(0);
  });
});

describe('attended tokens per span', () => {
  it('chunked attention sees only its own chunk', () => {
    // chunk 4, positions 1..10 see 1,2,3,4, 1,2,3,4, 1,2 = 23
    expect(attendedTokensInSpan(0, 10, { kind: 'CHUNKED', tokens: 4 })).toBe(23);
    // positions 7..9 see 3, 4, 1 = 8
    expect(attendedTokensInSpan(6, 3, { kind: 'CHUNKED', tokens: 4 })).toBe(8);
    expect(attendedTokensInSpan(0, 4, { kind: 'SLIDING', tokens: 3 })).toBe(9);
    expect(attendedTokensInSpan(0, 4, { kind: 'GLOBAL' })).toBe(10);
  });

  it('Llama-4-Scout prefill of 20,000 tokens: chunked layers score 2 full chunks and 3,616 tokens', () => {
    const e = run(llama4Scout(), 'h200-sxm-141gb', { ...ideal, inputTokens: 20_000, outputTokens: 1 });
    const chunked = (2 * 8192 * 8193) / 2 + (3616 * 3617) / 2;
    const global = (20_000 * 20_001) / 2;
    const scores = (group: number) =>
      e.timing.prefill.operators.find(
        (op) => op.name === 'attention_scores' && op.layerGroup === group,
      ) as OperatorCost;
    // QK^T: 2 FLOPs per pair per query element, 40 heads x 128
    expect(scores(0).flops).toBe(36 * 2 * chunked * 40 * 128);
    expect(scores(1).flops).toBe(12 * 2 * global * 40 * 128);
  });
});

describe('parameters per layer group', () => {
  it('DeepSeek-V3: 671.03B total, 37.55B active with the input embedding, 36.63B without', () => {
    const d = 7168;
    // MLA: q_a d x 1536, q_b 1536 x 128*(128+64), kv_a d x (512+64), kv_b 512 x 128*(128+128), o 128*128 x d
    const attention = d * 1536 + 1536 * 128 * 192 + d * 576 + 512 * 128 * 256 + 128 * 128 * d;
    const perLayerExtras = 1536 + 512 + 2 * d; // q/kv latent norms, two RMSNorms
    const expert = 3 * d * 2048;
    const dense = 3 * d * 18432;
    const router = d * 256;
    const denseLayer = attention + perLayerExtras + dense;
    const moeLayer = attention + perLayerExtras + 256 * expert + expert + router;
    const moeActive = attention + perLayerExtras + 8 * expert + expert + router;
    const embedding = 129_280 * d;
    const outside = 2 * embedding + d;
    const a = analyzeModel(deepseekV3());
    expect(a.totalParameters).toBe(3 * denseLayer + 58 * moeLayer + outside);
    expect(a.activeParameters).toBe(3 * denseLayer + 58 * moeActive + outside);
    expect(a.activeParametersExcludingEmbedding).toBe(a.activeParameters - embedding);
    // published: 671B total; 37B activated (DeepSeek counts 36.6B incl. the 0.9B head, without the input embedding)
    expect(Math.abs(a.totalParameters / 671e9 - 1)).toBeLessThan(0.01);
    expect(Math.abs(a.activeParametersExcludingEmbedding / 36.6e9 - 1)).toBeLessThan(0.02);
  });

  it('shared experts count in the active parameters: Llama-4-Scout 17B active of 108B (text)', () => {
    const d = 5120;
    const expert = 3 * d * 8192;
    const a = analyzeModel(llama4Scout());
    const groups = a.groups;
    // every token uses 1 routed + 1 shared expert in every layer
    for (const g of groups) expect(g.parametersPerLayer - g.activeParametersPerLayer).toBe(15 * expert);
    expect(a.parametersByClass.sharedExperts).toBe(48 * expert);
    expect(Math.abs(a.activeParameters / 17e9 - 1)).toBeLessThan(0.02);
  });

  it('gpt-oss-120b: 116.83B total and 5.13B active without the input embedding, as OpenAI publishes', () => {
    const a = analyzeModel(gptOss120b());
    expect(Math.abs(a.totalParameters / 116.83e9 - 1)).toBeLessThan(0.01);
    expect(Math.abs(a.activeParametersExcludingEmbedding / 5.13e9 - 1)).toBeLessThan(0.02);
    // attention extras per layer: q/k/v biases 64*(64 + 2*8) = 5,120, o bias 2,880, sinks 64
    expect(a.groups[0]?.attentionExtras).toBe(64 * (64 + 2 * 8) + 2880 + 64);
  });

  it('Gemma-3-27B counts q/k norms, 4 norms per layer and its tied embedding once: 27.01B', () => {
    const d = 5376;
    const layer = d * 128 * (2 * 32 + 2 * 16) + 3 * d * 21504 + 2 * 128 + 4 * d;
    const a = analyzeModel(gemma3_27b());
    expect(a.totalParameters).toBe(62 * layer + 262_208 * d + d);
  });
});

describe('formats: FP4 and the checkpoint as shipped', () => {
  it('NVFP4 is 4 bits + one FP8 scale per 16; MXFP4 4 bits + one 8-bit scale per 32', () => {
    expect(bytesPerElement('NVFP4')).toBe((4 + 8 / 16) / 8); // 4.5 bits
    expect(bytesPerElement('MXFP4')).toBe((4 + 8 / 32) / 8); // 4.25 bits
  });

  it('NATIVE gpt-oss-120b: MXFP4 routed experts, everything else BF16', () => {
    const a = analyzeModel(gptOss120b());
    const experts = a.parametersByClass.routedExperts;
    const rest = a.totalParameters - experts;
    expect(weightsBytes(a, 'NATIVE')).toBe(experts * 0.53125 + rest * 2);
  });

  it('NATIVE DeepSeek-V3: FP8 with one FP32 scale per 128 x 128 block, router and embeddings BF16', () => {
    const a = analyzeModel(deepseekV3());
    const c = a.parametersByClass;
    const fp8 = c.attention + c.denseFfn + c.routedExperts + c.sharedExperts;
    const expected = fp8 * (1 + 4 / 16384) + (a.totalParameters - fp8) * 2;
    expect(weightsBytes(a, 'NATIVE')).toBeCloseTo(expected, 0);
  });

  it('FP4 computes on Blackwell FP4 tensor cores, and falls back to FP16 with a warning on Hopper', () => {
    const blackwell = run(gptOss120b(), 'b200-sxm-180gb', { weightFormat: 'NATIVE' });
    expect(blackwell.request.classes.routedExperts.computeFormat).toBe('MXFP4');
    expect(blackwell.request.classes.attention.computeFormat).toBe('BF16');
    expect(blackwell.warnings).toEqual([]);
    const hopper = run(gptOss120b(), 'h100-sxm5-80gb', { weightFormat: 'NATIVE' });
    expect(hopper.request.classes.routedExperts.computeFormat).toBe('FP16');
    expect(hopper.request.classes.routedExperts.dequantizes).toBe(true);
    expect(hopper.warnings).toContain('NVIDIA H100 SXM5 80GB has no MXFP4 compute path: estimated with FP16');
    // 65.2 GB of weights: gpt-oss-120b fits on one 80 GB H100 as shipped
    expect(hopper.memory.fits).toBe(true);
  });
});

describe('roofline per layer group', () => {
  it.each([
    ['deepseek-v3', deepseekV3],
    ['gpt-oss-120b', gptOss120b],
    ['gemma-3-27b', gemma3_27b],
    ['llama-4-scout', llama4Scout],
  ] as const)('%s: ideal times equal the sum of per-operator roofline bounds', (_id, build) => {
    const e = run(build(), 'h200-sxm-141gb', { ...ideal, gpuCount: 8, inputTokens: 3000, outputTokens: 50 });
    const r = e.request;
    const bound = (op: OperatorCost) => {
      if (op.name === 'tensor_parallel_all_reduce')
        return op.bytes / r.gpu.interconnectBandwidthBytesPerSecond;
      const peak = op.attention ? r.attentionPeakFlops : r.computePeakFlops;
      return Math.max(op.flops / peak, op.bytes / r.gpu.memoryBandwidthBytesPerSecond);
    };
    const sum = (ops: OperatorCost[]) => ops.reduce((s, op) => s + bound(op), 0);
    expect(e.timing.timeToFirstTokenSeconds / sum(e.timing.prefill.operators)).toBeCloseTo(1, 12);
    expect(e.timing.timePerOutputTokenSeconds / sum(e.timing.decode.operators)).toBeCloseTo(1, 12);
    // every group has its own operators
    const groups = new Set(e.timing.decode.operators.map((op) => op.layerGroup));
    expect(groups.size).toBe(r.model.layerGroups.length + 1); // + the whole-model operators (null)
  });

  it('MLA decode reads the 576-element latent once for all heads (absorbed form)', () => {
    const e = run(deepseekV3(), 'h200-sxm-141gb', { ...ideal, inputTokens: 4000, outputTokens: 2 });
    const scores = e.timing.decode.operators.filter((op) => op.name === 'attention_scores');
    // one decode step at context 4,001: layers x 4,001 tokens x 576 elements x 2 bytes
    expect(scores.map((op) => op.bytes)).toEqual([3 * 4001 * 576 * 2, 58 * 4001 * 576 * 2]);
    // scores in latent space: 2 FLOPs x 128 heads x 576 per pair
    expect(scores[1]?.flops).toBe(58 * 2 * 4001 * 128 * 576);
  });

  it('MLA prefill expands keys and values per head: 128 x (128 + 64) per key, 128 x 128 per value', () => {
    const e = run(deepseekV3(), 'h200-sxm-141gb', { ...ideal, inputTokens: 100, outputTokens: 1 });
    const pairs = (100 * 101) / 2;
    const op = (name: string) =>
      e.timing.prefill.operators.find((o) => o.name === name && o.layerGroup === 1) as OperatorCost;
    expect(op('attention_scores').flops).toBe(58 * 2 * pairs * 128 * 192);
    expect(op('attention_values').flops).toBe(58 * 2 * pairs * 128 * 128);
  });

  it('a shared expert is read every step; routed experts only as far as tokens reach them', () => {
    const e = run(llama4Scout(), 'h200-sxm-141gb', { ...ideal, inputTokens: 10, outputTokens: 2 });
    const shared = e.timing.decode.operators.filter((op) => op.name === 'shared_experts');
    const expert = 3 * 5120 * 8192;
    // batch 1 decode: 1 shared + 1 routed expert per layer, BF16
    expect(shared.map((op) => op.flops)).toEqual([36 * 2 * expert, 12 * 2 * expert]);
    const routed = e.timing.decode.operators.filter((op) => op.name === 'ffn');
    expect(routed[0]?.flops).toBe(36 * 2 * expert);
  });
});

describe('memory with mixed windows', () => {
  it('the longest context that fits fills memory: one token more does not fit (gpt-oss-120b, one H100)', () => {
    const e = run(gptOss120b(), 'h100-sxm5-80gb', { weightFormat: 'NATIVE', batchSize: 64 });
    const limit = e.maxContext;
    expect(limit.limitedBy).toBe('MEMORY');
    const at = (tokens: number) =>
      run(gptOss120b(), 'h100-sxm5-80gb', {
        weightFormat: 'NATIVE',
        batchSize: 64,
        inputTokens: 1000,
        outputTokens: tokens - 1000,
      });
    expect(at(limit.tokens).memory.kvCacheBytes).toBeLessThanOrEqual(
      e.memory.capacityBytes - e.memory.weightsBytes - e.memory.activationsBytes - e.memory.overheadBytes,
    );
    expect(at(limit.tokens + 1).memory.kvCacheBytes).toBeGreaterThan(
      e.memory.capacityBytes - e.memory.weightsBytes - e.memory.activationsBytes - e.memory.overheadBytes,
    );
  });

  it('a model whose every layer is windowed is bounded by its context window, not memory', () => {
    const e = run(catalogModel('mistral-7b'), 'a100-sxm4-80gb', {
      weightFormat: 'FP16',
      kvCacheFormat: 'FP16',
    });
    expect(e.maxContext).toEqual({ tokens: 32768, limitedBy: 'CONTEXT_WINDOW', memoryLimitTokens: null });
  });
});
