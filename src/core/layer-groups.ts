import type {
  AttentionSpan,
  AttentionSpec,
  FfnSpec,
  LayeredModel,
  LayerGroup,
  ModelSpec,
  UniformModelFields,
} from './model-spec.js';

/** Layers of all groups together. */
export function totalLayers(groups: readonly LayerGroup[]): number {
  let layers = 0;
  for (const group of groups) layers += group.count;
  return layers;
}

/** The group with the most layers (the first among equals): what the flat summary fields describe. */
export function dominantGroup(groups: readonly LayerGroup[]): LayerGroup {
  let best = groups[0] as LayerGroup;
  for (const group of groups) if (group.count > best.count) best = group;
  return best;
}

/** Tokens a span keeps in the cache at most; null when it keeps them all (global attention). */
export function spanCap(span: AttentionSpan): number | null {
  return span.kind === 'GLOBAL' ? null : span.tokens;
}

/** Query heads, K/V heads and head width of an attention as the flat summary states them. */
function attentionSummary(attention: AttentionSpec): {
  attentionHeads: number;
  kvHeads: number;
  headDim: number;
  attentionBias: boolean;
} {
  const shape = attention.shape;
  if (shape.kind === 'GQA') {
    return {
      attentionHeads: shape.heads,
      kvHeads: shape.kvHeads,
      headDim: shape.headDim,
      attentionBias: shape.qkvBias,
    };
  }
  // MLA expanded: every head has its own key (nope + rope) and value.
  return {
    attentionHeads: shape.heads,
    kvHeads: shape.heads,
    headDim: shape.qkNopeHeadDim + shape.qkRopeHeadDim,
    attentionBias: false,
  };
}

function ffnWidth(ffn: FfnSpec): number {
  return ffn.kind === 'DENSE' ? ffn.intermediateSize : ffn.expertIntermediateSize;
}

/**
 * Fills the flat summary fields of a layered model (see ModelSpec): `layers` counts every layer,
 * the rest describe the dominant group, `slidingWindow` is set only when every layer slides over the
 * same window, experts come from the first MoE group.
 */
export function layeredModel(model: LayeredModel): ModelSpec {
  const groups = model.layerGroups;
  const main = dominantGroup(groups);
  const spans = groups.map((g) => g.attention.span);
  const first = spans[0];
  const slidingWindow =
    first?.kind === 'SLIDING' && spans.every((s) => s.kind === 'SLIDING' && s.tokens === first.tokens)
      ? first.tokens
      : null;
  const moe = groups.find((g) => g.ffn.kind === 'MOE')?.ffn;
  return {
    ...model,
    layers: totalLayers(groups),
    ...attentionSummary(main.attention),
    intermediateSize: ffnWidth(moe ?? main.ffn),
    slidingWindow,
    experts: moe?.kind === 'MOE' ? moe.experts : 1,
    expertsPerToken: moe?.kind === 'MOE' ? moe.expertsPerToken : 1,
    gatedFfn: main.ffn.gated,
  };
}

/** A 2023-style model (one attention and one FFN for every layer) as one layer group. */
export function uniformModel(fields: UniformModelFields): ModelSpec {
  const span: AttentionSpan =
    fields.slidingWindow === null ? { kind: 'GLOBAL' } : { kind: 'SLIDING', tokens: fields.slidingWindow };
  const ffn: FfnSpec =
    fields.experts > 1
      ? {
          kind: 'MOE',
          experts: fields.experts,
          expertsPerToken: fields.expertsPerToken,
          expertIntermediateSize: fields.intermediateSize,
          sharedExperts: 0,
          sharedExpertIntermediateSize: fields.intermediateSize,
          gated: fields.gatedFfn,
          bias: false,
        }
      : { kind: 'DENSE', intermediateSize: fields.intermediateSize, gated: fields.gatedFfn, bias: false };
  const group: LayerGroup = {
    count: fields.layers,
    attention: {
      shape: {
        kind: 'GQA',
        heads: fields.attentionHeads,
        kvHeads: fields.kvHeads,
        headDim: fields.headDim,
        qkvBias: fields.attentionBias,
        outputBias: false,
      },
      span,
      sinks: false,
      qkNorm: false,
    },
    ffn,
    normsPerLayer: 2,
  };
  return { ...fields, layerGroups: [group] };
}

/** MHA, GQA, MQA or MLA: how a group's keys and values are shaped. */
export function attentionKind(attention: AttentionSpec): 'MHA' | 'GQA' | 'MQA' | 'MLA' {
  const a = attention.shape;
  if (a.kind === 'MLA') return 'MLA';
  if (a.kvHeads === a.heads) return 'MHA';
  return a.kvHeads === 1 ? 'MQA' : 'GQA';
}
