/**
 * Layered models built by hand for the core tests, from the published config.json values
 * (verbatim copies in ai-dynamo/aiconfigurator aic-core/src/aiconfigurator_core/model_configs @
 * 0b077da5e017cb8ceac1ad14e91eb6e26c40207a, and for Gemma-3 the text_config keys in NVIDIA/TensorRT-LLM
 * tests/unittest/_torch/modeling/test_modeling_gemma3.py @ fe6fa01d7fcc2e20f55c756ed9281d6aeabaf494).
 * The catalog's own entries come from the config adapters; these fixtures test the formulas.
 */
import {
  type AttentionSpec,
  type FfnSpec,
  type LayerGroup,
  layeredModel,
  type ModelSpec,
} from '../../src/core/index.js';

const identity = (id: string) => ({ id, name: id, family: 'test', aliases: [], source: 'test fixture' });

function group(count: number, attention: AttentionSpec, ffn: FfnSpec, normsPerLayer = 2): LayerGroup {
  return { count, attention, ffn, normsPerLayer };
}

/** DeepSeek-V3: 61 MLA layers, the first 3 dense (first_k_dense_replace 3), 58 MoE with 1 shared expert. */
export function deepseekV3(): ModelSpec {
  const attention: AttentionSpec = {
    shape: {
      kind: 'MLA',
      heads: 128,
      qLoraRank: 1536,
      kvLoraRank: 512,
      qkNopeHeadDim: 128,
      qkRopeHeadDim: 64,
      vHeadDim: 128,
    },
    span: { kind: 'GLOBAL' },
    sinks: false,
    qkNorm: false,
  };
  return layeredModel({
    ...identity('deepseek-v3-fixture'),
    hiddenSize: 7168,
    vocabSize: 129280,
    contextWindow: 163840,
    tiedEmbeddings: false,
    layerGroups: [
      group(3, attention, { kind: 'DENSE', intermediateSize: 18432, gated: true, bias: false }),
      group(58, attention, {
        kind: 'MOE',
        experts: 256,
        expertsPerToken: 8,
        expertIntermediateSize: 2048,
        sharedExperts: 1,
        sharedExpertIntermediateSize: 2048,
        gated: true,
        bias: false,
      }),
    ],
    // quantization_config: fp8 e4m3, weight_block_size [128, 128] (one FP32 scale per block).
    nativeFormats: Object.fromEntries(
      (['attention', 'denseFfn', 'routedExperts', 'sharedExperts'] as const).map((c) => [
        c,
        { format: 'FP8' as const, scaleBlockElements: 128 * 128, scaleBits: 32 },
      ]),
    ),
  });
}

/** gpt-oss-120b: 36 layers alternating sliding-128 and global (18 each), sinks, biases, 128 experts top-4. */
export function gptOss120b(): ModelSpec {
  const attention = (span: AttentionSpec['span']): AttentionSpec => ({
    shape: { kind: 'GQA', heads: 64, kvHeads: 8, headDim: 64, qkvBias: true, outputBias: true },
    span,
    sinks: true,
    qkNorm: false,
  });
  const ffn: FfnSpec = {
    kind: 'MOE',
    experts: 128,
    expertsPerToken: 4,
    expertIntermediateSize: 2880,
    sharedExperts: 0,
    sharedExpertIntermediateSize: 2880,
    gated: true,
    bias: true,
  };
  return layeredModel({
    ...identity('gpt-oss-120b-fixture'),
    hiddenSize: 2880,
    vocabSize: 201088,
    contextWindow: 131072,
    tiedEmbeddings: false,
    layerGroups: [
      group(18, attention({ kind: 'SLIDING', tokens: 128 }), ffn),
      group(18, attention({ kind: 'GLOBAL' }), ffn),
    ],
    layerOrder: Array.from({ length: 36 }, (_, i) => i % 2),
    // quantization_config: mxfp4, modules_to_not_convert: self_attn, router, embed_tokens, lm_head.
    nativeFormats: { routedExperts: { format: 'MXFP4' } },
  });
}

/** Gemma-3-27B: 62 layers, 5 local (sliding 1024) per global: 52 local and 10 global; q/k norms, 4 norms per layer, tied. */
export function gemma3_27b(): ModelSpec {
  const attention = (span: AttentionSpec['span']): AttentionSpec => ({
    shape: { kind: 'GQA', heads: 32, kvHeads: 16, headDim: 128, qkvBias: false, outputBias: false },
    span,
    sinks: false,
    qkNorm: true,
  });
  const ffn: FfnSpec = { kind: 'DENSE', intermediateSize: 21504, gated: true, bias: false };
  return layeredModel({
    ...identity('gemma-3-27b-fixture'),
    hiddenSize: 5376,
    vocabSize: 262208,
    contextWindow: 131072,
    tiedEmbeddings: true,
    layerGroups: [
      group(52, attention({ kind: 'SLIDING', tokens: 1024 }), ffn, 4),
      group(10, attention({ kind: 'GLOBAL' }), ffn, 4),
    ],
  });
}

/** Llama-4-Scout: 48 MoE layers (16 experts top-1 + 1 shared), chunked-8192 attention on 3 of 4 layers, global on every 4th. */
export function llama4Scout(): ModelSpec {
  const attention = (span: AttentionSpec['span']): AttentionSpec => ({
    shape: { kind: 'GQA', heads: 40, kvHeads: 8, headDim: 128, qkvBias: false, outputBias: false },
    span,
    sinks: false,
    qkNorm: false,
  });
  const ffn: FfnSpec = {
    kind: 'MOE',
    experts: 16,
    expertsPerToken: 1,
    expertIntermediateSize: 8192,
    sharedExperts: 1,
    sharedExpertIntermediateSize: 8192,
    gated: true,
    bias: false,
  };
  return layeredModel({
    ...identity('llama-4-scout-fixture'),
    hiddenSize: 5120,
    vocabSize: 202048,
    contextWindow: 10485760,
    tiedEmbeddings: false,
    layerGroups: [
      group(36, attention({ kind: 'CHUNKED', tokens: 8192 }), ffn),
      group(12, attention({ kind: 'GLOBAL' }), ffn),
    ],
  });
}
