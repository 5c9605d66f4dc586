/**
 * Reads shared by the adapters: whole-model fields, grouped-query attention, spans, `layer_types`.
 */
import type {
  AttentionSpan,
  AttentionSpec,
  DenseFfn,
  GroupedQueryAttention,
  LayerGroup,
  MoeFfn,
} from '../model-spec.js';
import type { ConfigReader } from './config-reader.js';
import { ModelConfigError } from './errors.js';
import { CONFIG_LIMITS } from './limits.js';

/** The whole-model fields of a config (see LayeredModel). */
export interface ModelDimensions {
  layers: number;
  hiddenSize: number;
  vocabSize: number;
  contextWindow: number;
  tiedEmbeddings: boolean;
}

/** Defaults a family's config class applies when a published config.json omits the field. */
export interface DimensionDefaults {
  tiedEmbeddings: boolean;
  vocabSize?: number;
  contextWindow?: number;
}

export function readDimensions(r: ConfigReader, defaults: DimensionDefaults): ModelDimensions {
  return {
    layers: r.int('num_hidden_layers', CONFIG_LIMITS.layers, 'number of decoder layers'),
    hiddenSize: r.int('hidden_size', CONFIG_LIMITS.hiddenSize, 'model width'),
    vocabSize:
      defaults.vocabSize === undefined
        ? r.int('vocab_size', CONFIG_LIMITS.vocabSize, 'vocabulary size')
        : r.optInt('vocab_size', CONFIG_LIMITS.vocabSize, defaults.vocabSize),
    contextWindow:
      defaults.contextWindow === undefined
        ? r.int('max_position_embeddings', CONFIG_LIMITS.contextWindow, 'context window, tokens')
        : r.optInt('max_position_embeddings', CONFIG_LIMITS.contextWindow, defaults.contextWindow),
    tiedEmbeddings: r.bool('tie_word_embeddings', defaults.tiedEmbeddings),
  };
}

/** Query heads, K/V heads and head width; head_dim when the config sets it (it often differs from hidden / heads). */
export function readGqa(
  r: ConfigReader,
  hiddenSize: number,
  bias: { qkv: boolean; output: boolean },
  headDimDefault?: number,
): GroupedQueryAttention {
  const heads = r.int('num_attention_heads', CONFIG_LIMITS.heads, 'query heads');
  const kvHeads = r.optInt('num_key_value_heads', CONFIG_LIMITS.heads, heads);
  if (heads % kvHeads !== 0) {
    throw new ModelConfigError(
      r.field('num_key_value_heads'),
      `is ${kvHeads}, which does not divide num_attention_heads (${heads})`,
    );
  }
  let headDim = r.optInt('head_dim', CONFIG_LIMITS.width, headDimDefault ?? null);
  if (headDim === null) {
    if (hiddenSize % heads !== 0) {
      throw new ModelConfigError(
        r.field('head_dim'),
        `is missing and hidden_size (${hiddenSize}) is not a multiple of num_attention_heads (${heads})`,
      );
    }
    headDim = hiddenSize / heads;
  }
  return { kind: 'GQA', heads, kvHeads, headDim, qkvBias: bias.qkv, outputBias: bias.output };
}

/** A window (or chunk) field as a span: absent or null means every layer attends globally. */
export function windowSpan(r: ConfigReader, key: string, kind: 'SLIDING' | 'CHUNKED'): AttentionSpan {
  const tokens = r.optInt(key, CONFIG_LIMITS.window, null);
  return tokens === null ? GLOBAL : { kind, tokens };
}

export const GLOBAL: AttentionSpan = { kind: 'GLOBAL' };

/** The attention kinds `layer_types` may name, as transformers writes them. */
export type LayerType = 'full_attention' | 'sliding_attention' | 'chunked_attention';
const LAYER_TYPES: readonly LayerType[] = ['full_attention', 'sliding_attention', 'chunked_attention'];

/**
 * `layer_types` (newer transformers configs state every layer's attention): one entry per layer, or
 * null when absent, in which case the family's own rule applies.
 */
export function readLayerTypes(
  r: ConfigReader,
  layers: number,
  allowed: readonly LayerType[],
): LayerType[] | null {
  const list = r.optList('layer_types', CONFIG_LIMITS.layers.max);
  if (list === null) return null;
  if (list.length !== layers) {
    throw new ModelConfigError(
      r.field('layer_types'),
      `has ${list.length} entries but num_hidden_layers is ${layers}; it needs one per layer`,
    );
  }
  return list.map((entry, index) => {
    if (!LAYER_TYPES.includes(entry as LayerType) || !allowed.includes(entry as LayerType)) {
      throw new ModelConfigError(
        r.field(`layer_types[${index}]`),
        `is ${JSON.stringify(entry)}; this model type accepts ${allowed.map((t) => `"${t}"`).join(', ')}`,
      );
    }
    return entry as LayerType;
  });
}

export function attention(
  shape: AttentionSpec['shape'],
  span: AttentionSpan,
  extra: { sinks?: boolean; qkNorm?: boolean } = {},
): AttentionSpec {
  return { shape, span, sinks: extra.sinks ?? false, qkNorm: extra.qkNorm ?? false };
}

export function denseFfn(intermediateSize: number, bias = false): DenseFfn {
  return { kind: 'DENSE', intermediateSize, gated: true, bias };
}

/** A layer kind for groupLayers; its count is filled in there. */
export function layerKind(
  attentionSpec: AttentionSpec,
  ffn: DenseFfn | MoeFfn,
  normsPerLayer = 2,
): LayerGroup {
  return { count: 0, attention: attentionSpec, ffn, normsPerLayer };
}

/** Requires experts per token to fit the routed experts. */
export function checkTopK(r: ConfigReader, key: string, topK: number, experts: number): void {
  if (topK > experts) {
    throw new ModelConfigError(r.field(key), `is ${topK}, more than the ${experts} routed experts`);
  }
}
