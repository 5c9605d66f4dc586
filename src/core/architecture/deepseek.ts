/**
 * DeepSeek-V2/V3/R1 and Kimi K2 (model_type kimi_k2 runs DeepSeek-V3's code): multi-head latent
 * attention on every layer, dense FFNs on the first `first_k_dense_replace` layers, then MoE with
 * routed and shared experts on every `moe_layer_freq`-th layer.
 */
import type { MoeFfn, MultiHeadLatentAttention } from '../model-spec.js';
import type { Adapter, AdapterOptions, Architecture } from './adapter.js';
import { attention, checkTopK, denseFfn, GLOBAL, layerKind, readDimensions } from './common.js';
import type { ConfigReader } from './config-reader.js';
import { groupLayers } from './layer-plan.js';
import { CONFIG_LIMITS } from './limits.js';

/**
 * num_key_value_heads (128 in V3) means nothing for MLA: keys and values are rebuilt from one
 * shared latent. hidden_size / heads (56) is not a head dim either.
 */
function readMla(r: ConfigReader): MultiHeadLatentAttention {
  return {
    kind: 'MLA',
    heads: r.int('num_attention_heads', CONFIG_LIMITS.heads, 'query heads'),
    // null in DeepSeek-V2-Lite: queries use one full projection.
    qLoraRank: r.optInt('q_lora_rank', CONFIG_LIMITS.width, null),
    kvLoraRank: r.int('kv_lora_rank', CONFIG_LIMITS.width, 'width of the cached key/value latent'),
    qkNopeHeadDim: r.int('qk_nope_head_dim', CONFIG_LIMITS.width, 'per-head query/key width without RoPE'),
    qkRopeHeadDim: r.int(
      'qk_rope_head_dim',
      CONFIG_LIMITS.width,
      'per-head query/key RoPE width (cached once per token)',
    ),
    vHeadDim: r.int('v_head_dim', CONFIG_LIMITS.width, 'per-head value width'),
  };
}

function readDeepseekMoe(r: ConfigReader): MoeFfn {
  const experts = r.int('n_routed_experts', CONFIG_LIMITS.experts, 'routed experts');
  const expertsPerToken = r.int(
    'num_experts_per_tok',
    CONFIG_LIMITS.experts,
    'experts each token is routed to',
  );
  checkTopK(r, 'num_experts_per_tok', expertsPerToken, experts);
  const width = r.int('moe_intermediate_size', CONFIG_LIMITS.width, 'width of each routed and shared expert');
  return {
    kind: 'MOE',
    experts,
    expertsPerToken,
    expertIntermediateSize: width,
    sharedExperts: r.optInt('n_shared_experts', CONFIG_LIMITS.count, 0),
    sharedExpertIntermediateSize: width,
    gated: true,
    bias: false,
  };
}

function deepseek(r: ConfigReader, family: string, options: AdapterOptions): Architecture {
  const { layers, ...dims } = readDimensions(r, { tiedEmbeddings: false });
  const mla = attention(readMla(r), GLOBAL);
  const firstDense = r.optInt('first_k_dense_replace', { min: 0, max: layers }, 0);
  const every = r.optInt('moe_layer_freq', CONFIG_LIMITS.period, 1);
  const dense = layerKind(
    mla,
    denseFfn(r.int('intermediate_size', CONFIG_LIMITS.width, 'width of the dense FFN layers')),
  );
  const moe = layerKind(mla, readDeepseekMoe(r));
  // Multi-token-prediction modules: one more MoE decoder layer each (their small input projection
  // and norms are left out); served only for MTP speculative decoding, so off unless asked.
  const mtp = options.includeMtpLayers ? r.optInt('num_nextn_predict_layers', CONFIG_LIMITS.count, 0) : 0;
  const kindOf = (i: number) => (i >= layers || (i >= firstDense && i % every === 0) ? moe : dense);
  return { family, ...dims, ...groupLayers(layers + mtp, kindOf) };
}

export const deepseekV2: Adapter = (r, options) => deepseek(r, 'DeepSeek-V2', options);
export const deepseekV3: Adapter = (r, options) => deepseek(r, 'DeepSeek-V3', options);
export const kimiK2: Adapter = (r, options) => deepseek(r, 'Kimi K2', options);
