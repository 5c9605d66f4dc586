/**
 * Llama 4 (Scout, Maverick). `no_rope_layers` is named backwards: 1 means the layer uses RoPE and
 * chunked attention (attention_chunk_size tokens), 0 means a global layer without RoPE; absent or
 * empty, every `no_rope_layer_interval`-th layer (4th) is the global one. MoE layers (every
 * `interleave_moe_layer_step`-th, or as `moe_layers` lists) have one shared expert and top-k of the
 * routed experts, all `intermediate_size` wide; dense layers are `intermediate_size_mlp` wide.
 */
import type { LayerGroup, MoeFfn } from '../model-spec.js';
import type { Adapter } from './adapter.js';
import {
  attention,
  checkTopK,
  denseFfn,
  GLOBAL,
  layerKind,
  readDimensions,
  readGqa,
  windowSpan,
} from './common.js';
import type { ConfigReader } from './config-reader.js';
import { ModelConfigError } from './errors.js';
import { groupLayers } from './layer-plan.js';
import { CONFIG_LIMITS, layerIndexRange } from './limits.js';

function ropeLayers(r: ConfigReader, layers: number): (layer: number) => boolean {
  const flags = r.optIntList('no_rope_layers', layers, { min: 0, max: 1 });
  if (flags !== null && flags.length > 0) {
    if (flags.length !== layers) {
      throw new ModelConfigError(
        r.field('no_rope_layers'),
        `has ${flags.length} entries but num_hidden_layers is ${layers}; it needs one per layer (or none)`,
      );
    }
    return (i) => flags[i] === 1;
  }
  const interval = r.optInt('no_rope_layer_interval', CONFIG_LIMITS.period, 4);
  return (i) => (i + 1) % interval !== 0;
}

function moeLayers(r: ConfigReader, layers: number): (layer: number) => boolean {
  const listed = r.optIntList('moe_layers', layers, layerIndexRange(layers));
  if (listed !== null) {
    const set = new Set(listed);
    return (i) => set.has(i);
  }
  const step = r.optInt('interleave_moe_layer_step', CONFIG_LIMITS.period, 1);
  return (i) => i % step === step - 1;
}

export const llama4Text: Adapter = (r) => {
  const { layers, ...dims } = readDimensions(r, { tiedEmbeddings: false });
  const bias = r.bool('attention_bias', false);
  // Llama-4's q/k norm has no weights, so it adds no parameters.
  const shape = readGqa(r, dims.hiddenSize, { qkv: bias, output: bias }, 128);
  const chunk = windowSpan(r, 'attention_chunk_size', 'CHUNKED');
  const usesRope = ropeLayers(r, layers);
  const isMoe = moeLayers(r, layers);
  const width = r.int('intermediate_size', CONFIG_LIMITS.width, 'width of each routed and the shared expert');
  const experts = r.int('num_local_experts', CONFIG_LIMITS.experts, 'routed experts');
  const expertsPerToken = r.int(
    'num_experts_per_tok',
    CONFIG_LIMITS.experts,
    'experts each token is routed to',
  );
  checkTopK(r, 'num_experts_per_tok', expertsPerToken, experts);
  const moe: MoeFfn = {
    kind: 'MOE',
    experts,
    expertsPerToken,
    expertIntermediateSize: width,
    sharedExperts: 1,
    sharedExpertIntermediateSize: width,
    gated: true,
    bias: false,
  };
  let dense: LayerGroup['ffn'] | null = null;
  const kinds = new Map<string, LayerGroup>();
  const kindOf = (i: number): LayerGroup => {
    const key = `${usesRope(i)}:${isMoe(i)}`;
    let kind = kinds.get(key);
    if (kind === undefined) {
      dense ??= isMoe(i)
        ? null
        : denseFfn(r.int('intermediate_size_mlp', CONFIG_LIMITS.width, 'width of the dense FFN layers'));
      kind = layerKind(
        attention(shape, usesRope(i) ? chunk : GLOBAL),
        isMoe(i) ? moe : (dense as LayerGroup['ffn']),
      );
      kinds.set(key, kind);
    }
    return kind;
  };
  return { family: 'Llama 4', ...dims, ...groupLayers(layers, kindOf) };
};
