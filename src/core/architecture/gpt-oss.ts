/**
 * gpt-oss: every layer MoE (intermediate_size is the expert width; no dense FFN), biases on q/k/v/o,
 * the experts and the router, one learned sink logit per head, and layers alternating between a
 * 128-token sliding window and global attention (`layer_types`; even layers slide when absent).
 */
import type { MoeFfn } from '../model-spec.js';
import type { Adapter } from './adapter.js';
import {
  attention,
  checkTopK,
  GLOBAL,
  layerKind,
  readDimensions,
  readGqa,
  readLayerTypes,
} from './common.js';
import { ModelConfigError } from './errors.js';
import { groupLayers } from './layer-plan.js';
import { CONFIG_LIMITS } from './limits.js';

export const gptOss: Adapter = (r) => {
  const { layers, ...dims } = readDimensions(r, { tiedEmbeddings: false });
  const shape = readGqa(r, dims.hiddenSize, { qkv: true, output: true }, 64);
  const experts = r.int('num_local_experts', CONFIG_LIMITS.experts, 'routed experts');
  const topKey = r.has('num_experts_per_tok') ? 'num_experts_per_tok' : 'experts_per_token';
  const expertsPerToken = r.int(topKey, CONFIG_LIMITS.experts, 'experts each token is routed to');
  checkTopK(r, topKey, expertsPerToken, experts);
  if (r.has('num_experts_per_tok') && r.has('experts_per_token')) {
    const other = r.int('experts_per_token', CONFIG_LIMITS.experts, 'experts each token is routed to');
    if (other !== expertsPerToken) {
      throw new ModelConfigError(
        r.field('experts_per_token'),
        `is ${other} but num_experts_per_tok is ${expertsPerToken}; they name the same number`,
      );
    }
  }
  const width = r.int('intermediate_size', CONFIG_LIMITS.width, 'width of each expert');
  const moe: MoeFfn = {
    kind: 'MOE',
    experts,
    expertsPerToken,
    expertIntermediateSize: width,
    sharedExperts: 0,
    sharedExpertIntermediateSize: width,
    gated: true,
    bias: true,
  };
  const window = r.int(
    'sliding_window',
    CONFIG_LIMITS.window,
    'window of the sliding-attention layers, tokens',
  );
  const types = readLayerTypes(r, layers, ['full_attention', 'sliding_attention']);
  const slides = (i: number) => (types === null ? i % 2 === 0 : types[i] === 'sliding_attention');
  const sliding = layerKind(attention(shape, { kind: 'SLIDING', tokens: window }, { sinks: true }), moe);
  const global = layerKind(attention(shape, GLOBAL, { sinks: true }), moe);
  return { family: 'gpt-oss', ...dims, ...groupLayers(layers, (i) => (slides(i) ? sliding : global)) };
};
