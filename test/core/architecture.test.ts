/**
 * The config.json adapters: each trap of DESIGN.md 4.2, the families' layer patterns, and typed
 * errors that name the config field. Layer counts are derived by hand in each test.
 */
import { describe, expect, it } from 'vitest';
import {
  type JsonObject,
  ModelConfigError,
  readModelConfig,
  SUPPORTED_MODEL_TYPES,
} from '../../src/core/architecture/index.js';
import { CONFIG_MODEL_ENTRIES } from '../../src/core/catalog/configs/index.js';
import { findModel } from '../../src/core/catalog/index.js';
import type { LayerGroup } from '../../src/core/index.js';
import { GEMMA_7B, LLAMA_2_7B, MISTRAL_7B, MIXTRAL_8X7B, PHI_3_MINI, QWEN2_7B } from './hf-configs.js';

/** A fresh copy of a catalog model's published config.json, to edit in a test. */
function configOf(id: string): JsonObject {
  const entry = CONFIG_MODEL_ENTRIES.find((e) => e.id === id);
  if (!entry) throw new Error(`no config entry ${id}`);
  return structuredClone(entry.config);
}

/** The config error a read throws, or a failure when it does not throw. */
function configError(config: unknown, options = {}): ModelConfigError {
  try {
    readModelConfig(config, options);
  } catch (error) {
    if (error instanceof ModelConfigError) return error;
    throw error;
  }
  throw new Error('expected a ModelConfigError');
}

/** "<count>x<span>[tokens]/<ffn>" per group, e.g. "18xSLIDING128/MOE". */
function shapeOf(groups: readonly LayerGroup[]): string[] {
  return groups.map((g) => {
    const span = g.attention.span;
    return `${g.count}x${span.kind}${span.kind === 'GLOBAL' ? '' : span.tokens}/${g.ffn.kind}`;
  });
}

/** Group of every layer, first to last (layerOrder, or the groups in listed order). */
function layerOrderOf(model: { layerGroups: LayerGroup[]; layerOrder?: number[] }): number[] {
  return model.layerOrder ?? model.layerGroups.flatMap((g, i) => new Array<number>(g.count).fill(i));
}

describe('2023-era configs read as the catalog describes them (two routes, one answer)', () => {
  it.each([
    ['llama-2-7b', LLAMA_2_7B],
    ['mistral-7b', MISTRAL_7B],
    ['mixtral-8x7b', MIXTRAL_8X7B],
    ['qwen2-7b', QWEN2_7B],
    ['gemma-7b', GEMMA_7B],
    ['phi-3-mini', PHI_3_MINI],
  ])('%s', (id, config) => {
    const catalog = findModel(id);
    const read = readModelConfig(config);
    expect(read.layerGroups).toEqual(catalog?.layerGroups);
    expect(read.layerOrder).toBeUndefined();
    expect({
      hiddenSize: read.hiddenSize,
      vocabSize: read.vocabSize,
      contextWindow: read.contextWindow,
      tiedEmbeddings: read.tiedEmbeddings,
    }).toEqual({
      hiddenSize: catalog?.hiddenSize,
      vocabSize: catalog?.vocabSize,
      contextWindow: catalog?.contextWindow,
      tiedEmbeddings: catalog?.tiedEmbeddings,
    });
  });
});

describe('Qwen sliding_window with use_sliding_window: false', () => {
  it('Qwen2-7B keeps no window although its config says sliding_window 131072', () => {
    const model = readModelConfig(QWEN2_7B);
    expect(shapeOf(model.layerGroups)).toEqual(['28xGLOBAL/DENSE']);
  });

  it('with use_sliding_window: true, layers from max_window_layers up slide', () => {
    // 28 layers, max_window_layers 20: layers 0-19 global, 20-27 (8 layers) slide over 131072.
    const model = readModelConfig({ ...QWEN2_7B, use_sliding_window: true, max_window_layers: 20 });
    expect(shapeOf(model.layerGroups)).toEqual(['20xGLOBAL/DENSE', '8xSLIDING131072/DENSE']);
  });

  it('Qwen2.5-72B and Qwen3 configs carry the same inert window', () => {
    expect(shapeOf(readModelConfig(configOf('qwen2.5-72b')).layerGroups)).toEqual(['80xGLOBAL/DENSE']);
    expect(shapeOf(readModelConfig(configOf('qwen3-8b')).layerGroups)).toEqual(['36xGLOBAL/DENSE']);
  });
});

describe('explicit head_dim wins over hidden_size / num_attention_heads', () => {
  it.each([
    // id, hidden / heads (wrong), head_dim (right)
    ['qwen3-32b', 5120 / 64, 128],
    ['qwen3-30b-a3b', 2048 / 32, 128],
    ['mistral-small-3', 5120 / 32, 128],
    ['gemma-2-9b', 3584 / 16, 256],
    ['gpt-oss-120b', 2880 / 64, 64],
  ])('%s: %d is not the head dim, %d is', (id, naive, headDim) => {
    const shape = readModelConfig(configOf(id)).layerGroups[0]?.attention.shape;
    expect(shape?.kind === 'GQA' && shape.headDim).toBe(headDim);
    expect(naive).not.toBe(headDim);
  });

  it('without head_dim, the head dim is hidden / heads (Phi-4: 5120 / 40 = 128)', () => {
    const shape = readModelConfig(configOf('phi-4')).layerGroups[0]?.attention.shape;
    expect(shape?.kind === 'GQA' && shape.headDim).toBe(128);
  });

  it('without head_dim, hidden_size must divide by the heads', () => {
    const error = configError({
      ...LLAMA_2_7B,
      hidden_size: 4000,
      num_attention_heads: 30,
      num_key_value_heads: 30,
    });
    expect(error.field).toBe('head_dim');
  });
});

describe('Llama 4: no_rope_layers (1 = RoPE + chunked), interleave_moe_layer_step', () => {
  it('Scout: 3 of 4 layers chunked (8192), every 4th global; all 48 layers MoE with a shared expert', () => {
    const model = readModelConfig(configOf('llama-4-scout'));
    // 48 layers: i = 3, 7, ..., 47 are global (12); the other 36 are chunked.
    expect(shapeOf(model.layerGroups)).toEqual(['36xCHUNKED8192/MOE', '12xGLOBAL/MOE']);
    const order = layerOrderOf(model);
    expect(order.slice(0, 8)).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
    const ffn = model.layerGroups[0]?.ffn;
    expect(ffn).toMatchObject({ kind: 'MOE', experts: 16, expertsPerToken: 1, sharedExperts: 1 });
  });

  it('an explicit no_rope_layers list: 1 means RoPE and chunked attention, 0 global', () => {
    const config = configOf('llama-4-scout');
    const text = config.text_config as JsonObject;
    // 48 flags, layer i chunked iff i is even: 24 chunked, 24 global.
    text.no_rope_layers = Array.from({ length: 48 }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const model = readModelConfig(config);
    expect(shapeOf(model.layerGroups)).toEqual(['24xCHUNKED8192/MOE', '24xGLOBAL/MOE']);
    expect(layerOrderOf(model).slice(0, 4)).toEqual([0, 1, 0, 1]);
    text.no_rope_layers = [];
    expect(shapeOf(readModelConfig(config).layerGroups)).toEqual(['36xCHUNKED8192/MOE', '12xGLOBAL/MOE']);
  });

  it('Maverick: interleave_moe_layer_step 2 makes odd layers MoE, even layers dense (intermediate_size_mlp)', () => {
    const model = readModelConfig(configOf('llama-4-maverick'));
    // MoE at odd layers (i % 2 == 1). The global layers 3, 7, ..., 47 are all odd, so the 24 dense
    // (even) layers are all chunked, and the 24 MoE layers split 12 chunked + 12 global.
    expect(shapeOf(model.layerGroups)).toEqual([
      '24xCHUNKED8192/DENSE',
      '12xCHUNKED8192/MOE',
      '12xGLOBAL/MOE',
    ]);
    expect(model.layerGroups[0]?.ffn).toMatchObject({ kind: 'DENSE', intermediateSize: 16384 });
    expect(model.layerGroups[1]?.ffn).toMatchObject({
      kind: 'MOE',
      experts: 128,
      expertIntermediateSize: 8192,
    });
  });

  it('moe_layers, when given, lists the MoE layers', () => {
    const config = configOf('llama-4-maverick');
    (config.text_config as JsonObject).moe_layers = [47];
    const groups = readModelConfig(config).layerGroups;
    const moeLayers = groups.filter((g) => g.ffn.kind === 'MOE').reduce((n, g) => n + g.count, 0);
    expect(moeLayers).toBe(1);
  });

  it('reads the text model of the multimodal config; tie_word_embeddings may sit outside it', () => {
    const config = configOf('llama-4-scout');
    expect(config.model_type).toBe('llama4');
    expect(readModelConfig(config).tiedEmbeddings).toBe(false);
    expect(readModelConfig({ ...config, tie_word_embeddings: true }).tiedEmbeddings).toBe(true);
  });
});

describe('DeepSeek: first_k_dense_replace, moe_layer_freq, MTP layers', () => {
  it('DeepSeek-V3: 3 dense MLA layers, then 58 MoE MLA layers; the MTP module is not served', () => {
    const model = readModelConfig(configOf('deepseek-v3'));
    expect(shapeOf(model.layerGroups)).toEqual(['3xGLOBAL/DENSE', '58xGLOBAL/MOE']);
    expect(model.layerGroups[0]?.ffn).toMatchObject({ kind: 'DENSE', intermediateSize: 18432 });
    expect(model.layerGroups[1]?.ffn).toMatchObject({
      kind: 'MOE',
      experts: 256,
      expertsPerToken: 8,
      expertIntermediateSize: 2048,
      sharedExperts: 1,
    });
    expect(model.layerGroups[0]?.attention.shape).toEqual({
      kind: 'MLA',
      heads: 128,
      qLoraRank: 1536,
      kvLoraRank: 512,
      qkNopeHeadDim: 128,
      qkRopeHeadDim: 64,
      vHeadDim: 128,
    });
  });

  it('asked for, num_nextn_predict_layers adds one MoE layer each (61 + 1 = 62 layers, 59 MoE)', () => {
    const model = readModelConfig(configOf('deepseek-v3'), { includeMtpLayers: true });
    expect(shapeOf(model.layerGroups)).toEqual(['3xGLOBAL/DENSE', '59xGLOBAL/MOE']);
    // Kimi K2 has no MTP module: nothing is added.
    const kimi = readModelConfig(configOf('kimi-k2'), { includeMtpLayers: true });
    expect(shapeOf(kimi.layerGroups)).toEqual(['1xGLOBAL/DENSE', '60xGLOBAL/MOE']);
  });

  it('moe_layer_freq 2 puts MoE on every other layer after the dense ones', () => {
    const config = { ...configOf('deepseek-v2-lite'), moe_layer_freq: 2 };
    // 27 layers, first_k_dense_replace 1: MoE at i >= 1 with i % 2 == 0 -> 2, 4, ..., 26 (13 layers).
    const model = readModelConfig(config);
    expect(shapeOf(model.layerGroups)).toEqual(['14xGLOBAL/DENSE', '13xGLOBAL/MOE']);
    expect(layerOrderOf(model).slice(0, 5)).toEqual([0, 0, 1, 0, 1]);
  });

  it('DeepSeek-V2-Lite has no query LoRA (q_lora_rank null) and 2 shared experts', () => {
    const groups = readModelConfig(configOf('deepseek-v2-lite')).layerGroups;
    expect(groups[1]?.attention.shape).toMatchObject({ kind: 'MLA', qLoraRank: null, heads: 16 });
    expect(groups[1]?.ffn).toMatchObject({ sharedExperts: 2, experts: 64, expertsPerToken: 6 });
  });
});

describe('hybrid attention from layer_types and family patterns', () => {
  it('gpt-oss-120b: layer_types alternate sliding-128 and global, 18 each, with sinks', () => {
    const model = readModelConfig(configOf('gpt-oss-120b'));
    expect(shapeOf(model.layerGroups)).toEqual(['18xSLIDING128/MOE', '18xGLOBAL/MOE']);
    expect(layerOrderOf(model).slice(0, 4)).toEqual([0, 1, 0, 1]);
    for (const group of model.layerGroups) {
      expect(group.attention.sinks).toBe(true);
      expect(group.attention.shape).toMatchObject({ qkvBias: true, outputBias: true });
      expect(group.ffn).toMatchObject({ kind: 'MOE', experts: 128, expertsPerToken: 4, bias: true });
    }
  });

  it('gpt-oss without layer_types: even layers slide', () => {
    const config = configOf('gpt-oss-20b');
    delete config.layer_types;
    expect(shapeOf(readModelConfig(config).layerGroups)).toEqual(['12xSLIDING128/MOE', '12xGLOBAL/MOE']);
  });

  it('Gemma 2: layer 0 slides, then every other layer (21 local of 4096, 21 global)', () => {
    const model = readModelConfig(configOf('gemma-2-9b'));
    expect(shapeOf(model.layerGroups)).toEqual(['21xSLIDING4096/DENSE', '21xGLOBAL/DENSE']);
    expect(layerOrderOf(model).slice(0, 3)).toEqual([0, 1, 0]);
    expect(model.layerGroups[0]?.normsPerLayer).toBe(4);
    expect(model.tiedEmbeddings).toBe(true); // absent from the config: Gemma2Config's default
  });

  it('Gemma 3 27B: 5 local (1024) per global; vocab and context from Gemma3TextConfig defaults', () => {
    const model = readModelConfig(configOf('gemma-3-27b'));
    // 62 layers, global iff (i + 1) % 6 == 0: i = 5, 11, ..., 59 -> 10 global, 52 local.
    expect(shapeOf(model.layerGroups)).toEqual(['52xSLIDING1024/DENSE', '10xGLOBAL/DENSE']);
    expect(layerOrderOf(model).slice(0, 7)).toEqual([0, 0, 0, 0, 0, 1, 0]);
    expect(model.layerGroups[0]?.attention.qkNorm).toBe(true);
    expect({ vocabSize: model.vocabSize, contextWindow: model.contextWindow }).toEqual({
      vocabSize: 262208,
      contextWindow: 131072,
    });
  });

  it('Gemma 3: sliding_window_pattern and layer_types override the default 5:1', () => {
    const config = configOf('gemma-3-27b');
    const text = config.text_config as JsonObject;
    text.sliding_window_pattern = 2;
    expect(shapeOf(readModelConfig(config).layerGroups)).toEqual(['31xSLIDING1024/DENSE', '31xGLOBAL/DENSE']);
    text.layer_types = Array.from({ length: 62 }, (_, i) =>
      i < 60 ? 'sliding_attention' : 'full_attention',
    );
    expect(shapeOf(readModelConfig(config).layerGroups)).toEqual(['60xSLIDING1024/DENSE', '2xGLOBAL/DENSE']);
  });

  it("Mistral 7B v0.1 slides every layer over 4096; Mistral Small 3's window is null", () => {
    expect(shapeOf(readModelConfig(MISTRAL_7B).layerGroups)).toEqual(['32xSLIDING4096/DENSE']);
    expect(shapeOf(readModelConfig(configOf('mistral-small-3')).layerGroups)).toEqual(['40xGLOBAL/DENSE']);
  });
});

describe('native checkpoint formats from quantization_config', () => {
  it('gpt-oss: MXFP4 routed experts; attention, router, embeddings and LM head stay BF16', () => {
    expect(readModelConfig(configOf('gpt-oss-120b')).nativeFormats).toEqual({
      routedExperts: { format: 'MXFP4' },
    });
  });

  it('DeepSeek-V3/R1 and Kimi K2: FP8 linear layers with one 32-bit scale per 128 x 128 = 16,384 weights', () => {
    for (const id of ['deepseek-v3', 'deepseek-r1', 'kimi-k2']) {
      const formats = readModelConfig(configOf(id)).nativeFormats;
      const fp8 = { format: 'FP8', scaleBlockElements: 16_384, scaleBits: 32 };
      expect(formats).toEqual({ attention: fp8, denseFfn: fp8, routedExperts: fp8, sharedExperts: fp8 });
    }
  });

  it('no quantization_config: no native formats (BF16 throughout)', () => {
    expect(readModelConfig(configOf('qwen3-8b')).nativeFormats).toBeUndefined();
  });

  it('an unknown quant_method names the field and the supported methods', () => {
    const error = configError({ ...LLAMA_2_7B, quantization_config: { quant_method: 'bitsandbytes' } });
    expect(error.field).toBe('quantization_config.quant_method');
    expect(error.problem).toContain('"fp8", "mxfp4"');
  });
});

describe('errors name the config field', () => {
  it('an unknown model_type lists the supported ones', () => {
    const error = configError({ ...LLAMA_2_7B, model_type: 'falcon' });
    expect(error.field).toBe('model_type');
    for (const type of ['llama', 'deepseek_v3', 'gpt_oss', 'llama4', 'gemma3_text']) {
      expect(error.problem).toContain(type);
    }
    expect(error.supportedModelTypes).toEqual(SUPPORTED_MODEL_TYPES);
  });

  it('a missing model_type, and a config that is not an object', () => {
    const { model_type: _, ...untyped } = LLAMA_2_7B;
    expect(configError(untyped).field).toBe('model_type');
    expect(configError([LLAMA_2_7B]).problem).toContain('JSON object');
  });

  it.each([
    ['num_hidden_layers', LLAMA_2_7B],
    ['hidden_size', LLAMA_2_7B],
    ['num_attention_heads', MISTRAL_7B],
    ['vocab_size', MIXTRAL_8X7B],
    ['num_local_experts', MIXTRAL_8X7B],
    ['intermediate_size', QWEN2_7B],
  ])('a missing %s is named', (field, config) => {
    const { [field]: _, ...rest } = config;
    const error = configError(rest);
    expect(error.field).toBe(field);
    expect(error.problem).toMatch(/^is missing/);
  });

  it('fields inside text_config are named with their path', () => {
    const config = configOf('llama-4-scout');
    delete (config.text_config as JsonObject).num_local_experts;
    expect(configError(config).field).toBe('text_config.num_local_experts');
    const mla = configOf('deepseek-v3');
    delete mla.kv_lora_rank;
    expect(configError(mla).field).toBe('kv_lora_rank');
  });

  it('contradictory fields are refused', () => {
    expect(configError({ ...LLAMA_2_7B, num_key_value_heads: 5 }).field).toBe('num_key_value_heads');
    expect(configError({ ...MIXTRAL_8X7B, num_experts_per_tok: 9 }).field).toBe('num_experts_per_tok');
    expect(configError({ ...configOf('gpt-oss-20b'), experts_per_token: 2 }).field).toBe('experts_per_token');
    const types = configOf('gpt-oss-20b');
    (types.layer_types as string[])[3] = 'chunked_attention';
    expect(configError(types).field).toBe('layer_types[3]');
  });

  it('out-of-range numbers quote the limit', () => {
    const error = configError({ ...LLAMA_2_7B, num_hidden_layers: 0 });
    expect(error.problem).toBe('is 0; it must be an integer from 1 to 1000');
    expect(configError({ ...LLAMA_2_7B, hidden_size: '4096' }).field).toBe('hidden_size');
    expect(configError({ ...LLAMA_2_7B, num_hidden_layers: 1e9 }).field).toBe('num_hidden_layers');
  });

  it('a 200-entry layer_types for 36 layers is refused by its length, before any layer is read', () => {
    const config = configOf('gpt-oss-120b');
    config.layer_types = Array.from({ length: 200 }, () => 'full_attention');
    const error = configError(config);
    expect(error.field).toBe('layer_types');
    expect(error.problem).toContain('has 200 entries but num_hidden_layers is 36');
    // Longer than any model may be (1,000 layers): refused by the list limit.
    config.layer_types = Array.from({ length: 100_000 }, () => 'full_attention');
    expect(configError(config).problem).toContain('at most 1000');
  });
});

describe('every supported model_type has an adapter that reads a config', () => {
  it('each catalog config reads, and every family is covered by the catalog or the fixtures', () => {
    const read = new Set<string>();
    for (const config of [
      ...CONFIG_MODEL_ENTRIES.map((e) => e.config),
      LLAMA_2_7B,
      MISTRAL_7B,
      MIXTRAL_8X7B,
      QWEN2_7B,
      GEMMA_7B,
      PHI_3_MINI,
    ]) {
      // The outer type of a multimodal config (gemma3, llama4) and the text model's type it reads.
      read.add(String(config.model_type));
      read.add(readModelConfig(config).modelType);
    }
    // No catalog model is Qwen2-MoE: a config with Qwen1.5-MoE-A2.7B's expert shapes on Qwen2-7B.
    const qwen2Moe = readModelConfig({
      ...QWEN2_7B,
      model_type: 'qwen2_moe',
      num_experts: 60,
      num_experts_per_tok: 4,
      moe_intermediate_size: 1408,
      shared_expert_intermediate_size: 5632,
      decoder_sparse_step: 1,
      mlp_only_layers: [0],
    });
    expect(shapeOf(qwen2Moe.layerGroups)).toEqual(['1xGLOBAL/DENSE', '27xGLOBAL/MOE']);
    expect(qwen2Moe.layerGroups[1]?.ffn).toMatchObject({
      sharedExperts: 1,
      sharedExpertIntermediateSize: 5632,
    });
    read.add(qwen2Moe.modelType);
    expect([...read].sort()).toEqual([...SUPPORTED_MODEL_TYPES].sort());
  });
});
