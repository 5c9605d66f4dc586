/** Dense models whose configs hold no surprises beyond an explicit head_dim (Mistral Small 3): config.json as published, plus what the config does not say. */
import type { ConfigModelEntry } from './entry.js';

export const MISC_MODELS: ConfigModelEntry[] = [
  {
    id: 'mistral-small-3',
    name: 'Mistral Small 3 24B (2501)',
    family: 'Mistral',
    aliases: [
      'mistralai/Mistral-Small-24B-Instruct-2501',
      'mistralai/Mistral-Small-24B-Base-2501',
      'mistral-small-24b',
    ],
    source:
      'https://huggingface.co/mistralai/Mistral-Small-24B-Instruct-2501/blob/main/config.json; consistent third-party verbatim copies (test fixtures quoting the config, e.g. a Rust test "preserves_mistral_small_explicit_head_dimension" and Torch-Spyre utils for Mistral-Small-3.2-24B)',
    publishedParameterCount: {
      value: 2.3572e10,
      source:
        'Counted from the official config.json (models-2025.json reference count, 23.572B): Mistral publishes only the rounded name "24B"',
    },
    config: {
      model_type: 'mistral',
      hidden_size: 5120,
      num_hidden_layers: 40,
      intermediate_size: 32768,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      head_dim: 128,
      vocab_size: 131072,
      tie_word_embeddings: false,
      max_position_embeddings: 32768,
      rope_theta: 100000000.0,
      sliding_window: null,
      architectures: ['MistralForCausalLM'],
      rms_norm_eps: 1e-5,
    },
  },
  {
    id: 'phi-4',
    name: 'Phi-4 14B',
    family: 'Phi-4',
    aliases: ['microsoft/phi-4'],
    source:
      'https://huggingface.co/microsoft/phi-4/blob/main/config.json; third-party verbatim copy (notes quoting microsoft/phi-4 config.json, transformers 4.47.0); model_type phi3 with fused qkv_proj/gate_up_proj',
    publishedParameterCount: {
      value: 1.466e10,
      source:
        'Counted from the official config.json (models-2025.json reference count, 14.66B): Microsoft publishes "14B" (the Phi-4 technical report, arXiv:2412.08905) and HF shows ~14.7B',
    },
    config: {
      model_type: 'phi3',
      hidden_size: 5120,
      num_hidden_layers: 40,
      intermediate_size: 17920,
      num_attention_heads: 40,
      num_key_value_heads: 10,
      vocab_size: 100352,
      tie_word_embeddings: false,
      max_position_embeddings: 16384,
      rope_theta: 250000,
      sliding_window: null,
    },
  },
  {
    id: 'llama-3.3-70b',
    name: 'Llama 3.3 70B',
    family: 'Llama 3.3',
    aliases: ['meta-llama/Llama-3.3-70B-Instruct', 'llama3.3-70b'],
    source:
      'https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct/blob/main/config.json; shape table in oumi configs/recipes/llama3_3/README.md (vocab 128256, hidden 8192, intermediate 28672, 80 layers, 64 heads, 8 KV heads, untied, 131072 positions) and a verbatim LlamaForCausalLM config found via code search (attention_bias false, mlp_bias false, rope_theta 500000)',
    publishedParameterCount: {
      value: 7.055e10,
      source:
        'llama.cpp loader output "llm_load_print_meta: model params = 70.55 B" for Llama 3.1 70B, whose tensors have the same shapes (public log found via code search); Meta markets "70B"',
    },
    config: {
      architectures: ['LlamaForCausalLM'],
      model_type: 'llama',
      attention_bias: false,
      mlp_bias: false,
      hidden_act: 'silu',
      hidden_size: 8192,
      intermediate_size: 28672,
      max_position_embeddings: 131072,
      num_attention_heads: 64,
      num_hidden_layers: 80,
      num_key_value_heads: 8,
      rms_norm_eps: 1e-5,
      rope_scaling: {
        factor: 8.0,
        high_freq_factor: 4.0,
        low_freq_factor: 1.0,
        original_max_position_embeddings: 8192,
        rope_type: 'llama3',
      },
      rope_theta: 500000.0,
      tie_word_embeddings: false,
      torch_dtype: 'bfloat16',
      vocab_size: 128256,
    },
  },
  {
    id: 'qwen2.5-72b',
    name: 'Qwen2.5 72B',
    family: 'Qwen2.5',
    aliases: ['Qwen/Qwen2.5-72B', 'Qwen/Qwen2.5-72B-Instruct', 'qwen2.5-72b-instruct'],
    source:
      'https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/config.json; values as copied in public model registries found via code search (hf_config of Qwen/Qwen2.5-72B-Instruct-AWQ: 80 layers, hidden 8192, intermediate 29568, 64 heads, 8 KV heads, vocab 152064, rope_theta 1e6, untied); sliding_window 131072 with use_sliding_window false, as every Qwen2.5 config carries (an inert window)',
    publishedParameterCount: {
      value: 7.27e10,
      source:
        'Qwen2.5-72B model card (https://huggingface.co/Qwen/Qwen2.5-72B): 72.7B parameters, 70.0B non-embedding (as quoted in a public benchmark config found via code search)',
    },
    config: {
      architectures: ['Qwen2ForCausalLM'],
      model_type: 'qwen2',
      hidden_act: 'silu',
      hidden_size: 8192,
      intermediate_size: 29568,
      max_position_embeddings: 32768,
      num_attention_heads: 64,
      num_hidden_layers: 80,
      num_key_value_heads: 8,
      rms_norm_eps: 1e-6,
      rope_theta: 1000000.0,
      sliding_window: 131072,
      use_sliding_window: false,
      tie_word_embeddings: false,
      torch_dtype: 'bfloat16',
      vocab_size: 152064,
    },
  },
];
