/** Llama-style decoders: llama, mistral, mixtral, phi3 (all layers alike, SwiGLU, 2 norms per layer). */
import type { MoeFfn } from '../model-spec.js';
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
import { CONFIG_LIMITS } from './limits.js';

function uniform(r: ConfigReader, family: string, spanKey: string | null, moe: boolean) {
  const { layers, ...dims } = readDimensions(r, { tiedEmbeddings: false });
  // LlamaConfig's attention_bias puts biases on q, k, v and o; MistralConfig has none.
  const bias = r.bool('attention_bias', false);
  const shape = readGqa(r, dims.hiddenSize, { qkv: bias, output: bias });
  const span = spanKey === null ? GLOBAL : windowSpan(r, spanKey, 'SLIDING');
  const width = r.int('intermediate_size', CONFIG_LIMITS.width, moe ? 'width of each expert' : 'FFN width');
  const ffn = moe ? readMixtralMoe(r, width) : denseFfn(width, r.bool('mlp_bias', false));
  const kind = layerKind(attention(shape, span), ffn);
  return { family, ...dims, layerGroups: [{ ...kind, count: layers }] };
}

function readMixtralMoe(r: ConfigReader, width: number): MoeFfn {
  const experts = r.int('num_local_experts', CONFIG_LIMITS.experts, 'routed experts');
  const expertsPerToken = r.int(
    'num_experts_per_tok',
    CONFIG_LIMITS.experts,
    'experts each token is routed to',
  );
  checkTopK(r, 'num_experts_per_tok', expertsPerToken, experts);
  return {
    kind: 'MOE',
    experts,
    expertsPerToken,
    expertIntermediateSize: width,
    sharedExperts: 0,
    sharedExpertIntermediateSize: width,
    gated: true,
    bias: false,
  };
}

export const llama: Adapter = (r) => uniform(r, 'Llama', null, false);
/** Mistral 7B v0.1 slides every layer over 4096 tokens; later Mistral configs set sliding_window null. */
export const mistral: Adapter = (r) => uniform(r, 'Mistral', 'sliding_window', false);
export const mixtral: Adapter = (r) => uniform(r, 'Mixtral', 'sliding_window', true);
/** Phi-3 and Phi-4 (model_type phi3): fused qkv and gate_up tensors, the same parameter counts. */
export const phi3: Adapter = (r) => uniform(r, 'Phi-3', 'sliding_window', false);
