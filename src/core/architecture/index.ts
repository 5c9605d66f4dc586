/**
 * config.json -> ModelSpec: one adapter per HuggingFace `model_type`. A new family is a new
 * adapter here, never a change to the formulas (which read only layer groups).
 */
import { layeredModel } from '../layer-groups.js';
import type { PublishedActiveCount } from '../model-spec.js';
import type { ModelSpec, Sourced } from '../types.js';
import type { Adapter, AdapterOptions, Architecture } from './adapter.js';
import { ConfigReader, isJsonObject } from './config-reader.js';
import { deepseekV2, deepseekV3, kimiK2 } from './deepseek.js';
import { ModelConfigError } from './errors.js';
import { gemma, gemma2, gemma3Text } from './gemma.js';
import { gptOss } from './gpt-oss.js';
import { llama, mistral, mixtral, phi3 } from './llama.js';
import { llama4Text } from './llama4.js';
import { type ModelType, SUPPORTED_MODEL_TYPES } from './model-types.js';
import { nativeFormatsOf } from './quantization.js';
import { qwen2, qwen2Moe, qwen3, qwen3Moe } from './qwen.js';

export type { AdapterOptions, Architecture } from './adapter.js';
export { isJsonObject, type JsonObject } from './config-reader.js';
export { ModelConfigError } from './errors.js';
export { SUPPORTED_MODEL_TYPES } from './model-types.js';
export { SUPPORTED_QUANT_METHODS } from './quantization.js';

const ADAPTERS: Record<ModelType, Adapter> = {
  llama,
  mistral,
  mixtral,
  qwen2,
  qwen2_moe: qwen2Moe,
  qwen3,
  qwen3_moe: qwen3Moe,
  gemma,
  gemma2,
  gemma3: gemma3Text,
  gemma3_text: gemma3Text,
  phi3,
  deepseek_v2: deepseekV2,
  deepseek_v3: deepseekV3,
  kimi_k2: kimiK2,
  llama4: llama4Text,
  llama4_text: llama4Text,
  gpt_oss: gptOss,
};

/** The text model's config type when a multimodal config does not say (text_config.model_type absent). */
const TEXT_TYPES: Partial<Record<string, ModelType>> = { gemma3: 'gemma3_text', llama4: 'llama4_text' };

function isModelType(value: string | null): value is ModelType {
  return value !== null && Object.hasOwn(ADAPTERS, value);
}

function unsupported(field: string, value: string | null): ModelConfigError {
  return new ModelConfigError(
    field,
    `${value === null ? 'is missing' : `is ${JSON.stringify(value)}, which has no adapter`}; supported model types: ${SUPPORTED_MODEL_TYPES.join(', ')}`,
  );
}

/**
 * The config an adapter reads: the text model's `text_config` in multimodal configs (Llama 4,
 * Gemma 3, Mistral 3), where tie_word_embeddings may sit on the outer config.
 */
function textModelOf(root: ConfigReader): { reader: ConfigReader; modelType: ModelType } {
  const outerType = root.optString('model_type');
  const text = root.optObject('text_config');
  if (text === null) {
    if (!isModelType(outerType)) throw unsupported('model_type', outerType);
    return { reader: root, modelType: outerType };
  }
  const innerType = text.optString('model_type') ?? TEXT_TYPES[outerType ?? ''] ?? outerType;
  if (!isModelType(innerType)) throw unsupported(text.field('model_type'), innerType);
  const tie = root.config.tie_word_embeddings;
  const merged =
    text.has('tie_word_embeddings') || tie === undefined
      ? text.config
      : { ...text.config, tie_word_embeddings: tie };
  return { reader: new ConfigReader(merged, text.path), modelType: innerType };
}

/** The architecture a config.json describes, and the formats its checkpoint stores. */
export function readModelConfig(
  config: unknown,
  options: AdapterOptions = {},
): Architecture & Pick<ModelSpec, 'nativeFormats'> & { modelType: ModelType } {
  if (!isJsonObject(config)) throw new ModelConfigError('', 'must be a JSON object (a config.json)');
  const root = new ConfigReader(config);
  const { reader, modelType } = textModelOf(root);
  const architecture = ADAPTERS[modelType](reader, options);
  const nativeFormats = nativeFormatsOf(root.optObject('quantization_config'));
  return nativeFormats === undefined
    ? { ...architecture, modelType }
    : { ...architecture, modelType, nativeFormats };
}

/** Catalog metadata a config.json does not carry. */
export interface ModelIdentity {
  id: string;
  name: string;
  /** Defaults to the adapter's family name. */
  family?: string;
  aliases?: string[];
  source: string;
  publishedParameterCount?: Sourced<number>;
  publishedActiveParameterCount?: PublishedActiveCount;
}

/** A ModelSpec from a config.json plus the metadata the config lacks. */
export function modelFromConfig(
  config: unknown,
  identity: ModelIdentity,
  options: AdapterOptions = {},
): ModelSpec {
  const { family, modelType: _type, ...architecture } = readModelConfig(config, options);
  return layeredModel({
    ...architecture,
    id: identity.id,
    name: identity.name,
    family: identity.family ?? family,
    aliases: identity.aliases ?? [],
    source: identity.source,
    ...(identity.publishedParameterCount && { publishedParameterCount: identity.publishedParameterCount }),
    ...(identity.publishedActiveParameterCount && {
      publishedActiveParameterCount: identity.publishedActiveParameterCount,
    }),
  });
}
