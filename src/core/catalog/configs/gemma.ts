/** Gemma 2 and Gemma 3 (local and global layers): config.json as published, plus what the config does not say. */
import type { ConfigModelEntry } from './entry.js';

export const GEMMA_MODELS: ConfigModelEntry[] = [
  {
    id: 'gemma-2-9b',
    name: 'Gemma 2 9B',
    family: 'Gemma 2',
    aliases: ['google/gemma-2-9b', 'google/gemma-2-9b-it'],
    source:
      'https://huggingface.co/google/gemma-2-9b/blob/main/config.json; verbatim copy: mlc-ai/mlc-llm python/mlc_llm/model/model_preset.py (key gemma2_9b) @ d1ea69a87280e821611643958bfec385b62dafd3; tie_word_embeddings absent (Gemma2Config default true)',
    publishedParameterCount: {
      value: 9.242e9,
      source:
        'Counted from the official config.json (models-2025.json reference count, 9.242B): Google publishes only the rounded name "9B"',
    },
    config: {
      model_type: 'gemma2',
      hidden_size: 3584,
      num_hidden_layers: 42,
      intermediate_size: 14336,
      num_attention_heads: 16,
      num_key_value_heads: 8,
      head_dim: 256,
      vocab_size: 256000,
      max_position_embeddings: 8192,
      rope_theta: 10000.0,
      sliding_window: 4096,
      hidden_act: 'gelu_pytorch_tanh',
      query_pre_attn_scalar: 256,
      attn_logit_softcapping: 50.0,
      final_logit_softcapping: 30.0,
      cache_implementation: 'hybrid',
    },
  },
  {
    id: 'gemma-3-27b',
    name: 'Gemma 3 27B',
    family: 'Gemma 3',
    aliases: ['google/gemma-3-27b-it', 'google/gemma-3-27b-pt'],
    source:
      "https://huggingface.co/google/gemma-3-27b-it/blob/main/config.json; text_config keys as in NVIDIA/TensorRT-LLM tests/unittest/_torch/modeling/test_modeling_gemma3.py @ fe6fa01d7fcc2e20f55c756ed9281d6aeabaf494 (GEMMA3_27B_CONFIG, with the test's cut to 6 layers and window 4 restored to the official 62 and 1024); vocab_size, max_position_embeddings and sliding_window_pattern are omitted there and come from Gemma3TextConfig defaults (262208, 131072, 6)",
    publishedParameterCount: {
      value: 2.7009e10,
      source:
        'Text model counted from the official config.json (models-2025.json reference count, 27.009B): Google publishes only the rounded name "27B" (HF lists ~27.4B with the SigLIP vision tower)',
    },
    config: {
      model_type: 'gemma3',
      architectures: ['Gemma3ForConditionalGeneration'],
      text_config: {
        model_type: 'gemma3_text',
        hidden_size: 5376,
        num_hidden_layers: 62,
        intermediate_size: 21504,
        num_attention_heads: 32,
        num_key_value_heads: 16,
        head_dim: 128,
        rope_scaling: {
          factor: 8.0,
          rope_type: 'linear',
        },
        sliding_window: 1024,
        query_pre_attn_scalar: 168,
      },
    },
  },
];
