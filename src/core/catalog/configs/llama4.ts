/** Llama 4 (chunked and global layers, MoE interleaved with dense layers); the text model of the multimodal config: config.json as published, plus what the config does not say. */
import type { ConfigModelEntry } from './entry.js';

export const LLAMA4_MODELS: ConfigModelEntry[] = [
  {
    id: 'llama-4-scout',
    name: 'Llama 4 Scout 17B-16E',
    family: 'Llama 4',
    aliases: [
      'meta-llama/Llama-4-Scout-17B-16E-Instruct',
      'meta-llama/Llama-4-Scout-17B-16E',
      'llama-4-scout-17b-16e',
    ],
    source:
      'https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct/blob/main/config.json; verbatim copy: ai-dynamo/aiconfigurator aic-core/src/aiconfigurator_core/model_configs/meta-llama--Llama-4-Scout-17B-16E-Instruct_config.json @ 0b077da5e017cb8ceac1ad14e91eb6e26c40207a; the copy is trimmed (no vision_config, no no_rope_layers: the default pattern applies)',
    publishedParameterCount: {
      value: 1.0777e11,
      source:
        'Text model counted from the official config.json (models-2025.json reference count, 107.77B): Meta\'s "109B total" (huggingface.co/blog/llama4-release) includes the ~1B vision encoder, which this estimator does not serve',
    },
    publishedActiveParameterCount: {
      value: 1.7e10,
      source:
        'huggingface.co/blog/llama4-release: 17B active parameters (Meta counts the embeddings: 17.17B with them)',
    },
    config: {
      model_type: 'llama4',
      architectures: ['Llama4ForConditionalGeneration'],
      text_config: {
        model_type: 'llama4_text',
        hidden_size: 5120,
        num_hidden_layers: 48,
        intermediate_size: 8192,
        intermediate_size_mlp: 16384,
        num_attention_heads: 40,
        num_key_value_heads: 8,
        head_dim: 128,
        vocab_size: 202048,
        max_position_embeddings: 10485760,
        rope_theta: 500000.0,
        rope_scaling: {
          factor: 16.0,
          high_freq_factor: 1.0,
          low_freq_factor: 1.0,
          original_max_position_embeddings: 8192,
          rope_type: 'llama3',
        },
        attention_bias: false,
        hidden_act: 'silu',
        torch_dtype: 'bfloat16',
        attention_chunk_size: 8192,
        use_qk_norm: true,
        num_local_experts: 16,
        num_experts_per_tok: 1,
        interleave_moe_layer_step: 1,
      },
    },
  },
  {
    id: 'llama-4-maverick',
    name: 'Llama 4 Maverick 17B-128E',
    family: 'Llama 4',
    aliases: [
      'meta-llama/Llama-4-Maverick-17B-128E-Instruct',
      'meta-llama/Llama-4-Maverick-17B-128E',
      'llama-4-maverick-17b-128e',
    ],
    source:
      'https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E-Instruct/blob/main/config.json; verbatim copy: ai-dynamo/aiconfigurator aic-core/src/aiconfigurator_core/model_configs/meta-llama--Llama-4-Maverick-17B-128E-Instruct_config.json @ 0b077da5e017cb8ceac1ad14e91eb6e26c40207a; the copy is trimmed (no vision_config, no no_rope_layers: the default pattern applies)',
    publishedParameterCount: {
      value: 4e11,
      source:
        'huggingface.co/blog/llama4-release: 400B total parameters (transformers docs say 402B with the vision encoder)',
    },
    publishedActiveParameterCount: {
      value: 1.7e10,
      source: 'huggingface.co/blog/llama4-release: 17B active parameters (with the embeddings)',
    },
    config: {
      model_type: 'llama4',
      architectures: ['Llama4ForConditionalGeneration'],
      text_config: {
        model_type: 'llama4_text',
        hidden_size: 5120,
        num_hidden_layers: 48,
        intermediate_size: 8192,
        intermediate_size_mlp: 16384,
        num_attention_heads: 40,
        num_key_value_heads: 8,
        head_dim: 128,
        vocab_size: 202048,
        max_position_embeddings: 1048576,
        rope_theta: 500000.0,
        rope_scaling: null,
        attention_bias: false,
        hidden_act: 'silu',
        torch_dtype: 'bfloat16',
        attention_chunk_size: 8192,
        use_qk_norm: false,
        num_local_experts: 128,
        num_experts_per_tok: 1,
        interleave_moe_layer_step: 2,
      },
    },
  },
];
