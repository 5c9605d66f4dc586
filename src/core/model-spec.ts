/**
 * A model as a list of layer groups (DESIGN.md 4.1). Plain data: `layer-groups.ts` builds it,
 * `model.ts` analyses it.
 *
 * Every group is `count` layers with one attention kind and one FFN kind. Llama-2-7B is one group;
 * DeepSeek-V3 is 3 dense MLA layers + 58 MoE MLA layers; gpt-oss alternates sliding-128 and
 * global layers; Gemma-3 has 5 local (1024) layers per global; Llama-4 puts chunked (8192) attention
 * on 3 of 4 layers. An adapter maps config.json onto these shapes; the formulas never change.
 */
import type { NumberFormat, Sourced } from './number-format.js';

/** Which earlier tokens a layer's queries attend to, and so how many of them its KV cache keeps. */
export type AttentionSpan =
  /** Every earlier token; the cache grows with the whole sequence. */
  | { kind: 'GLOBAL' }
  /** The last `tokens` tokens (Mistral, Gemma local layers, gpt-oss sliding layers). */
  | { kind: 'SLIDING'; tokens: number }
  /** Tokens of the same aligned chunk of `tokens` tokens (Llama-4's chunked layers). */
  | { kind: 'CHUNKED'; tokens: number };

/**
 * Multi-head attention with separate K and V heads: MHA (kvHeads = heads), GQA (kvHeads divides
 * heads), MQA (kvHeads = 1). The cache keeps 2 * kvHeads * headDim elements per layer per token.
 */
export interface GroupedQueryAttention {
  kind: 'GQA';
  heads: number; // num_attention_heads
  kvHeads: number; // num_key_value_heads
  headDim: number; // head_dim (explicit in the config, or hidden_size / num_attention_heads)
  /** q, k and v projections carry biases (Qwen2, gpt-oss). */
  qkvBias: boolean;
  /** The output projection carries a bias (gpt-oss). */
  outputBias: boolean;
}

/**
 * Multi-head latent attention (DeepSeek-V2/V3/R1, Kimi K2). Queries go through a low-rank
 * down/up projection (absent when qLoraRank is null: one full q projection); keys and values are
 * rebuilt from one shared latent of kvLoraRank elements plus a decoupled RoPE key of
 * qkRopeHeadDim elements, and only those are cached: kvLoraRank + qkRopeHeadDim elements per layer
 * per token, the same on every tensor-parallel rank.
 */
export interface MultiHeadLatentAttention {
  kind: 'MLA';
  heads: number; // num_attention_heads
  qLoraRank: number | null; // q_lora_rank (null in DeepSeek-V2-Lite)
  kvLoraRank: number; // kv_lora_rank
  qkNopeHeadDim: number; // qk_nope_head_dim
  qkRopeHeadDim: number; // qk_rope_head_dim
  vHeadDim: number; // v_head_dim
}

export type AttentionShape = GroupedQueryAttention | MultiHeadLatentAttention;

export interface AttentionSpec {
  shape: AttentionShape;
  span: AttentionSpan;
  /** One learned sink logit per head added to the softmax (gpt-oss): `heads` parameters per layer. */
  sinks: boolean;
  /** RMSNorm over each query and key head (Qwen3, Gemma-3): 2 * headDim parameters per layer. */
  qkNorm: boolean;
}

/** One MLP: 3 matrices when gated (SwiGLU/GeGLU), else 2. */
export interface DenseFfn {
  kind: 'DENSE';
  intermediateSize: number; // intermediate_size (or intermediate_size_mlp for Llama-4's dense layers)
  gated: boolean;
  /** The MLP's matrices carry biases. */
  bias: boolean;
}

/** Mixture of experts: a router picks expertsPerToken of experts per token; shared experts see every token. */
export interface MoeFfn {
  kind: 'MOE';
  experts: number; // num_local_experts / n_routed_experts / num_experts
  expertsPerToken: number; // num_experts_per_tok
  expertIntermediateSize: number; // moe_intermediate_size (or intermediate_size when the config has one width)
  sharedExperts: number; // n_shared_experts (DeepSeek, Kimi), 1 for Qwen2-MoE / Llama-4, else 0
  /** Width of each shared expert: shared_expert_intermediate_size, or the expert width. */
  sharedExpertIntermediateSize: number;
  gated: boolean;
  /** Expert matrices and the router carry biases (gpt-oss). */
  bias: boolean;
}

export type FfnSpec = DenseFfn | MoeFfn;

export interface LayerGroup {
  /** Layers in this group (they need not be contiguous: see ModelSpec.layerOrder). */
  count: number;
  attention: AttentionSpec;
  ffn: FfnSpec;
  /** RMSNorm/LayerNorm scales per layer: 2 (pre-attention, pre-FFN) or 4 (Gemma-2/3 add post-norms). */
  normsPerLayer: number;
}

/** Kinds of weight tensor a checkpoint may store in different formats. */
export const TENSOR_CLASSES = [
  'attention', // q/k/v/o projections (MLA: its down/up projections)
  'denseFfn', // MLPs of dense layers
  'routedExperts',
  'sharedExperts',
  'router',
  'embedding',
  'lmHead',
] as const;
export type TensorClass = (typeof TENSOR_CLASSES)[number];

/** How a checkpoint stores one class of tensors: a format, and block scales when it has them. */
export interface StoredFormat {
  format: NumberFormat;
  /** Elements sharing one scale beyond what the format itself implies (DeepSeek FP8: 128 x 128 blocks). */
  scaleBlockElements?: number;
  scaleBits?: number;
}

/**
 * The checkpoint's own formats per tensor class, from config.json's `quantization_config`
 * (weightFormat NATIVE). Classes not listed are BF16. gpt-oss: routedExperts MXFP4, rest BF16.
 * DeepSeek-V3/R1: every linear class FP8 with one FP32 scale per 128 x 128 block, embeddings and
 * LM head BF16.
 */
export type NativeFormats = Partial<Record<TensorClass, StoredFormat>>;

/**
 * A published active parameter count. Publishers differ: Mistral, Qwen and Meta count the input
 * embedding (compare with ModelAnalysis.activeParameters), DeepSeek, OpenAI and Moonshot leave it
 * out (compare with activeParametersExcludingEmbedding).
 */
export type PublishedActiveCount = Sourced<number> & { excludesInputEmbedding?: boolean };

/** A transformer as layer groups, with the whole-model fields named after HuggingFace config.json. */
export interface LayeredModel {
  id: string;
  name: string;
  family: string;
  aliases: string[];
  /** Where the architecture numbers come from (URL or repository path). */
  source: string;
  hiddenSize: number; // hidden_size
  vocabSize: number; // vocab_size
  contextWindow: number; // max_position_embeddings
  tiedEmbeddings: boolean; // tie_word_embeddings
  layerGroups: LayerGroup[];
  /**
   * Group index of every layer, first to last (length = sum of counts), for splits that follow the
   * layer order (pipeline stages). Absent: the groups' layers follow each other in listed order.
   */
  layerOrder?: number[];
  /** Formats the published checkpoint stores; absent = BF16 throughout. */
  nativeFormats?: NativeFormats;
  /** Published total parameter count, to check our count against. */
  publishedParameterCount?: Sourced<number>;
  /** Published active parameter count, and whether its publisher leaves the input embedding out. */
  publishedActiveParameterCount?: PublishedActiveCount;
}

/**
 * One-line summary of a model in the shape every model had before layer groups; `uniformModel`
 * turns it into a one-group model. Kept as data for the built-in 2023-era catalog and customModel.
 */
export interface UniformModelFields {
  id: string;
  name: string;
  family: string;
  aliases: string[];
  source: string;
  layers: number; // num_hidden_layers
  hiddenSize: number; // hidden_size
  intermediateSize: number; // intermediate_size (per expert for MoE)
  attentionHeads: number; // num_attention_heads
  kvHeads: number; // num_key_value_heads
  headDim: number; // head_dim, or hidden_size / num_attention_heads when absent
  vocabSize: number; // vocab_size
  contextWindow: number; // max_position_embeddings
  slidingWindow: number | null; // sliding_window when the attention uses it, else null
  experts: number; // num_local_experts, 1 for dense models
  expertsPerToken: number; // num_experts_per_tok, 1 for dense models
  tiedEmbeddings: boolean; // tie_word_embeddings
  gatedFfn: boolean; // SwiGLU/GeGLU (3 matrices) vs plain MLP (2)
  /** q/k/v projections carry biases (Qwen2). */
  attentionBias: boolean;
  publishedParameterCount?: Sourced<number>;
  publishedActiveParameterCount?: PublishedActiveCount;
}

/**
 * A model as the core uses it: its layer groups, plus the flat summary fields of
 * UniformModelFields kept for old clients. The summary describes the dominant group (most layers;
 * the first among equals), except `layers` (all layers), `slidingWindow` (null unless every layer
 * slides, with the same window) and `experts`/`expertsPerToken` (the first MoE group's). Build one
 * with `layeredModel` (groups) or `uniformModel` (flat fields); only `layerGroups` and the whole-model
 * fields enter the formulas.
 */
export type ModelSpec = LayeredModel & Omit<UniformModelFields, keyof LayeredModel>;
