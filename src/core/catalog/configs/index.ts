/** Catalog models kept as config.json data; the architecture adapters make their ModelSpecs. */
import { modelFromConfig } from '../../architecture/index.js';
import type { ModelSpec } from '../../types.js';
import { DEEPSEEK_MODELS } from './deepseek.js';
import type { ConfigModelEntry } from './entry.js';
import { GEMMA_MODELS } from './gemma.js';
import { GPT_OSS_MODELS } from './gpt-oss.js';
import { LLAMA4_MODELS } from './llama4.js';
import { MISC_MODELS } from './misc.js';
import { QWEN_MODELS } from './qwen.js';

export const CONFIG_MODEL_ENTRIES: readonly ConfigModelEntry[] = [
  ...DEEPSEEK_MODELS,
  ...QWEN_MODELS,
  ...LLAMA4_MODELS,
  ...GPT_OSS_MODELS,
  ...GEMMA_MODELS,
  ...MISC_MODELS,
];

export const CONFIG_MODELS: ModelSpec[] = CONFIG_MODEL_ENTRIES.map((entry) =>
  modelFromConfig(entry.config, entry),
);
