/** Qwen2, Qwen2-MoE, Qwen3, Qwen3-MoE. */
import type { AttentionSpan, DenseFfn, GroupedQueryAttention, LayerGroup, MoeFfn } from '../model-spec.js';
import type { Adapter, Architecture } from './adapter.js';
import {
  attention,
  checkTopK,
  denseFfn,
  GLOBAL,
  layerKind,
  readDimensions,
  readGqa,
  readLayerTypes,
} from './common.js';
import type { ConfigReader } from './config-reader.js';
import { groupLayers } from './layer-plan.js';
import { CONFIG_LIMITS, layerIndexRange } from './limits.js';

/**
 * Qwen configs carry `sliding_window` (131072 or 32768) with `use_sliding_window: false`: the
 * window is off and every layer is global. When it is on, layers from `max_window_layers` up slide
 * (or as `layer_types` says).
 */
function slidingLayers(
  r: ConfigReader,
  layers: number,
): { window: AttentionSpan; slides: (layer: number) => boolean } {
  const tokens = r.bool('use_sliding_window', false)
    ? r.optInt('sliding_window', CONFIG_LIMITS.window, null)
    : null;
  if (tokens === null) return { window: GLOBAL, slides: () => false };
  const types = readLayerTypes(r, layers, ['full_attention', 'sliding_attention']);
  if (types !== null)
    return { window: { kind: 'SLIDING', tokens }, slides: (i) => types[i] === 'sliding_attention' };
  const from = r.optInt('max_window_layers', { min: 0, max: CONFIG_LIMITS.layers.max }, layers);
  return { window: { kind: 'SLIDING', tokens }, slides: (i) => i >= from };
}

/** Which layers are MoE: every `decoder_sparse_step`-th, except those in `mlp_only_layers`. */
function moeLayers(r: ConfigReader, layers: number): (layer: number) => boolean {
  const step = r.optInt('decoder_sparse_step', CONFIG_LIMITS.period, 1);
  const denseOnly = new Set(r.optIntList('mlp_only_layers', layers, layerIndexRange(layers)) ?? []);
  return (i) => !denseOnly.has(i) && (i + 1) % step === 0;
}

function readQwenMoe(r: ConfigReader, shared: boolean): MoeFfn {
  const experts = r.int('num_experts', CONFIG_LIMITS.experts, 'routed experts');
  const expertsPerToken = r.int(
    'num_experts_per_tok',
    CONFIG_LIMITS.experts,
    'experts each token is routed to',
  );
  checkTopK(r, 'num_experts_per_tok', expertsPerToken, experts);
  const expertIntermediateSize = r.int('moe_intermediate_size', CONFIG_LIMITS.width, 'width of each expert');
  // Qwen2-MoE has one shared expert of its own width (0 = none); Qwen3-MoE has none.
  const sharedWidth = shared
    ? r.optInt('shared_expert_intermediate_size', { min: 0, max: CONFIG_LIMITS.width.max }, 0)
    : 0;
  return {
    kind: 'MOE',
    experts,
    expertsPerToken,
    expertIntermediateSize,
    sharedExperts: sharedWidth > 0 ? 1 : 0,
    sharedExpertIntermediateSize: sharedWidth > 0 ? sharedWidth : expertIntermediateSize,
    gated: true,
    bias: false,
  };
}

function qwen(r: ConfigReader, family: string, version: 2 | 3, moe: boolean): Architecture {
  const { layers, ...dims } = readDimensions(r, { tiedEmbeddings: false });
  // Qwen2 always biases q, k and v (not a config field); Qwen3 follows attention_bias (q, k, v and o).
  const bias3 = version === 3 && r.bool('attention_bias', false);
  const shape: GroupedQueryAttention = readGqa(r, dims.hiddenSize, {
    qkv: version === 2 || bias3,
    output: bias3,
  });
  const qkNorm = version === 3;
  const { window, slides } = slidingLayers(r, layers);
  const isMoe = moe ? moeLayers(r, layers) : () => false;
  const moeFfn = moe ? readQwenMoe(r, version === 2) : null;
  // Read only when some layer is dense: Qwen3-MoE's intermediate_size is unused when every layer is MoE.
  let dense: DenseFfn | null = null;
  const kinds = new Map<string, LayerGroup>();
  const kindOf = (layer: number): LayerGroup => {
    const sliding = slides(layer);
    const expert = isMoe(layer);
    const key = `${sliding}:${expert}`;
    let kind = kinds.get(key);
    if (kind === undefined) {
      dense ??= expert ? null : denseFfn(r.int('intermediate_size', CONFIG_LIMITS.width, 'FFN width'));
      const ffn = expert ? (moeFfn as MoeFfn) : (dense as DenseFfn);
      kind = layerKind(attention(shape, sliding ? window : GLOBAL, { qkNorm }), ffn);
      kinds.set(key, kind);
    }
    return kind;
  };
  return { family, ...dims, ...groupLayers(layers, kindOf) };
}

export const qwen2: Adapter = (r) => qwen(r, 'Qwen2', 2, false);
export const qwen2Moe: Adapter = (r) => qwen(r, 'Qwen2-MoE', 2, true);
export const qwen3: Adapter = (r) => qwen(r, 'Qwen3', 3, false);
export const qwen3Moe: Adapter = (r) => qwen(r, 'Qwen3-MoE', 3, true);
