/** HuggingFace `model_type` values an adapter reads (config.json -> ModelSpec), in documentation order. */
export const SUPPORTED_MODEL_TYPES = [
  'llama',
  'mistral',
  'mixtral',
  'qwen2',
  'qwen2_moe',
  'qwen3',
  'qwen3_moe',
  'gemma',
  'gemma2',
  'gemma3',
  'gemma3_text',
  'phi3',
  'deepseek_v2',
  'deepseek_v3',
  'kimi_k2',
  'llama4',
  'llama4_text',
  'gpt_oss',
] as const;

export type ModelType = (typeof SUPPORTED_MODEL_TYPES)[number];
