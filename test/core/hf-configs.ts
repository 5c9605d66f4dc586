/**
 * Published HuggingFace config.json files of the 2023-era catalog models, as test fixtures for
 * the adapters (each agrees with the catalog entry's own source, see src/core/catalog/models.ts).
 */
import type { JsonObject } from '../../src/core/architecture/index.js';

/** https://huggingface.co/meta-llama/Llama-2-7b-hf/blob/main/config.json */
export const LLAMA_2_7B: JsonObject = {
  architectures: ['LlamaForCausalLM'],
  bos_token_id: 1,
  eos_token_id: 2,
  hidden_act: 'silu',
  hidden_size: 4096,
  initializer_range: 0.02,
  intermediate_size: 11008,
  max_position_embeddings: 4096,
  model_type: 'llama',
  num_attention_heads: 32,
  num_hidden_layers: 32,
  num_key_value_heads: 32,
  pretraining_tp: 1,
  rms_norm_eps: 1e-5,
  rope_scaling: null,
  tie_word_embeddings: false,
  torch_dtype: 'float16',
  transformers_version: '4.31.0.dev0',
  use_cache: true,
  vocab_size: 32000,
};

/** https://huggingface.co/mistralai/Mistral-7B-v0.1/blob/main/config.json */
export const MISTRAL_7B: JsonObject = {
  architectures: ['MistralForCausalLM'],
  hidden_act: 'silu',
  hidden_size: 4096,
  intermediate_size: 14336,
  max_position_embeddings: 32768,
  model_type: 'mistral',
  num_attention_heads: 32,
  num_hidden_layers: 32,
  num_key_value_heads: 8,
  rms_norm_eps: 1e-5,
  rope_theta: 10000.0,
  sliding_window: 4096,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  vocab_size: 32000,
};

/** https://huggingface.co/mistralai/Mixtral-8x7B-v0.1/blob/main/config.json */
export const MIXTRAL_8X7B: JsonObject = {
  architectures: ['MixtralForCausalLM'],
  hidden_act: 'silu',
  hidden_size: 4096,
  intermediate_size: 14336,
  max_position_embeddings: 32768,
  model_type: 'mixtral',
  num_attention_heads: 32,
  num_experts_per_tok: 2,
  num_hidden_layers: 32,
  num_key_value_heads: 8,
  num_local_experts: 8,
  rms_norm_eps: 1e-5,
  rope_theta: 1000000.0,
  router_aux_loss_coef: 0.02,
  sliding_window: null,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  vocab_size: 32000,
};

/**
 * https://huggingface.co/Qwen/Qwen2-7B/blob/main/config.json: sliding_window 131072 and
 * max_window_layers 28 with use_sliding_window false (the window is off).
 */
export const QWEN2_7B: JsonObject = {
  architectures: ['Qwen2ForCausalLM'],
  attention_dropout: 0.0,
  hidden_act: 'silu',
  hidden_size: 3584,
  intermediate_size: 18944,
  max_position_embeddings: 131072,
  max_window_layers: 28,
  model_type: 'qwen2',
  num_attention_heads: 28,
  num_hidden_layers: 28,
  num_key_value_heads: 4,
  rms_norm_eps: 1e-6,
  rope_theta: 1000000.0,
  sliding_window: 131072,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  use_sliding_window: false,
  vocab_size: 152064,
};

/** https://huggingface.co/google/gemma-7b/blob/main/config.json (head_dim 256: 16 x 256 != 3072). */
export const GEMMA_7B: JsonObject = {
  architectures: ['GemmaForCausalLM'],
  attention_bias: false,
  head_dim: 256,
  hidden_act: 'gelu',
  hidden_size: 3072,
  intermediate_size: 24576,
  max_position_embeddings: 8192,
  model_type: 'gemma',
  num_attention_heads: 16,
  num_hidden_layers: 28,
  num_key_value_heads: 16,
  rms_norm_eps: 1e-6,
  rope_theta: 10000.0,
  torch_dtype: 'bfloat16',
  vocab_size: 256000,
};

/** https://huggingface.co/microsoft/Phi-3-mini-4k-instruct/blob/main/config.json */
export const PHI_3_MINI: JsonObject = {
  architectures: ['Phi3ForCausalLM'],
  attention_bias: false,
  hidden_act: 'silu',
  hidden_size: 3072,
  intermediate_size: 8192,
  max_position_embeddings: 4096,
  model_type: 'phi3',
  num_attention_heads: 32,
  num_hidden_layers: 32,
  num_key_value_heads: 32,
  original_max_position_embeddings: 4096,
  rms_norm_eps: 1e-5,
  rope_scaling: null,
  rope_theta: 10000.0,
  sliding_window: 2047,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  vocab_size: 32064,
};
