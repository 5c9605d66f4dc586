import {
  type AttentionSpec,
  attentionKind,
  bytesPerElement,
  type GroupAnalysis,
  type NativeFormats,
  type StoredFormat,
  TENSOR_CLASSES,
  type TensorClass,
} from '../../core/index.js';
import { builder } from '../builder.js';
import { checkStorageFormat } from '../validation.js';
import { NumberFormatEnum } from './enums.js';

export const AttentionKindEnum = builder.enumType('AttentionKind', {
  description: 'How keys and values are shaped, which sets the KV cache per token.',
  values: {
    MHA: { description: 'Multi-head attention: one K and V head per query head.' },
    GQA: {
      description: 'Grouped-query attention: fewer K/V heads than query heads, each shared by a group.',
    },
    MQA: { description: 'Multi-query attention: one K/V head for all query heads.' },
    MLA: {
      description:
        'Multi-head latent attention (DeepSeek-V2/V3/R1, Kimi K2): keys and values rebuilt from one cached latent of kvLoraRank + qkRopeHeadDim elements per layer per token, the same on every tensor-parallel rank.',
    },
  } as const,
});

export const AttentionSpanEnum = builder.enumType('AttentionSpan', {
  description: 'Which earlier tokens a layer attends to, and so how many its KV cache keeps.',
  values: {
    GLOBAL: { description: 'Every earlier token: the cache grows with the whole sequence.' },
    SLIDING: {
      description: 'The last spanTokens tokens (a sliding window): the cache keeps at most that many.',
    },
    CHUNKED: {
      description:
        'Tokens of the same aligned chunk of spanTokens tokens (Llama-4): the cache keeps at most one chunk.',
    },
  } as const,
});

export const FfnKindEnum = builder.enumType('FfnKind', {
  description: 'Feed-forward network of a layer.',
  values: {
    DENSE: { description: 'One MLP that every token uses.' },
    MOE: {
      description:
        'Mixture of experts: a router sends each token to expertsPerToken routed experts, plus every shared expert.',
    },
  } as const,
});

const AttentionRef = builder.objectRef<AttentionSpec>('LayerAttention');
AttentionRef.implement({
  description:
    'Attention of a layer group. MLA is computed in expanded form in prefill (the latent is expanded into per-head keys and values, which costs fewer FLOPs per attended pair when the whole prompt is processed at once) and in absorbed form in decode (the up-projections are folded into the query and the output and attention runs over the cached latent, read once for all heads), as FlashMLA and the MLA kernels of vLLM, SGLang and TensorRT-LLM do.',
  fields: (t) => ({
    kind: t.field({ type: AttentionKindEnum, description: 'MHA, GQA, MQA or MLA.', resolve: attentionKind }),
    span: t.field({
      type: AttentionSpanEnum,
      description: 'Global, sliding window or chunked.',
      resolve: (a) => a.span.kind,
    }),
    spanTokens: t.int({
      nullable: true,
      description: 'Window (SLIDING) or chunk (CHUNKED) length, tokens; null for GLOBAL.',
      resolve: (a) => (a.span.kind === 'GLOBAL' ? null : a.span.tokens),
    }),
    heads: t.int({ description: 'num_attention_heads (query heads).', resolve: (a) => a.shape.heads }),
    kvHeads: t.int({
      nullable: true,
      description: 'num_key_value_heads; null for MLA, which caches one latent shared by all heads.',
      resolve: (a) => (a.shape.kind === 'GQA' ? a.shape.kvHeads : null),
    }),
    headDim: t.int({
      nullable: true,
      description: 'head_dim, elements; null for MLA (see qkNopeHeadDim, qkRopeHeadDim, vHeadDim).',
      resolve: (a) => (a.shape.kind === 'GQA' ? a.shape.headDim : null),
    }),
    qkvBias: t.boolean({
      description: 'The q/k/v projections carry biases.',
      resolve: (a) => a.shape.kind === 'GQA' && a.shape.qkvBias,
    }),
    outputBias: t.boolean({
      description: 'The output projection carries a bias.',
      resolve: (a) => a.shape.kind === 'GQA' && a.shape.outputBias,
    }),
    sinks: t.boolean({
      description: 'Learned attention sinks: one logit per head added to the softmax (no cache).',
      resolve: (a) => a.sinks,
    }),
    qkNorm: t.boolean({ description: 'RMSNorm over each query and key head.', resolve: (a) => a.qkNorm }),
    qLoraRank: t.int({
      nullable: true,
      description: 'MLA q_lora_rank, elements; null without a query down-projection or for other kinds.',
      resolve: (a) => (a.shape.kind === 'MLA' ? a.shape.qLoraRank : null),
    }),
    kvLoraRank: t.int({
      nullable: true,
      description: 'MLA kv_lora_rank (the cached latent), elements; null for other kinds.',
      resolve: (a) => (a.shape.kind === 'MLA' ? a.shape.kvLoraRank : null),
    }),
    qkNopeHeadDim: t.int({
      nullable: true,
      description: 'MLA qk_nope_head_dim, elements; null for other kinds.',
      resolve: (a) => (a.shape.kind === 'MLA' ? a.shape.qkNopeHeadDim : null),
    }),
    qkRopeHeadDim: t.int({
      nullable: true,
      description: 'MLA qk_rope_head_dim (the decoupled RoPE key, cached), elements; null for other kinds.',
      resolve: (a) => (a.shape.kind === 'MLA' ? a.shape.qkRopeHeadDim : null),
    }),
    vHeadDim: t.int({
      nullable: true,
      description: 'MLA v_head_dim, elements; null for other kinds.',
      resolve: (a) => (a.shape.kind === 'MLA' ? a.shape.vHeadDim : null),
    }),
  }),
});

const FfnRef = builder.objectRef<GroupAnalysis>('LayerFfn');
FfnRef.implement({
  description: 'Feed-forward network of a layer group.',
  fields: (t) => ({
    kind: t.field({ type: FfnKindEnum, description: 'DENSE or MOE.', resolve: (g) => g.group.ffn.kind }),
    intermediateSize: t.int({
      description: 'Width of the dense MLP, or of each routed expert, elements.',
      resolve: (g) =>
        g.group.ffn.kind === 'DENSE' ? g.group.ffn.intermediateSize : g.group.ffn.expertIntermediateSize,
    }),
    gated: t.boolean({
      description: 'SwiGLU/GeGLU (3 matrices) rather than a plain MLP (2).',
      resolve: (g) => g.group.ffn.gated,
    }),
    bias: t.boolean({
      description: 'The MLP or expert matrices and the router carry biases.',
      resolve: (g) => g.group.ffn.bias,
    }),
    experts: t.int({
      description: 'Routed experts per layer; 0 for a dense FFN.',
      resolve: (g) => g.experts,
    }),
    expertsPerToken: t.int({
      description: 'Routed experts each token uses; 0 for a dense FFN.',
      resolve: (g) => g.expertsPerToken,
    }),
    sharedExperts: t.int({
      description: 'Shared experts every token uses, per layer; 0 when none.',
      resolve: (g) => (g.group.ffn.kind === 'MOE' ? g.group.ffn.sharedExperts : 0),
    }),
    sharedExpertIntermediateSize: t.int({
      nullable: true,
      description: 'Width of each shared expert, elements; null without shared experts.',
      resolve: (g) =>
        g.group.ffn.kind === 'MOE' && g.group.ffn.sharedExperts > 0
          ? g.group.ffn.sharedExpertIntermediateSize
          : null,
    }),
  }),
});

export const LayerGroupRef = builder.objectRef<GroupAnalysis>('LayerGroup');
LayerGroupRef.implement({
  description:
    'Layers that share one attention kind and one FFN kind. A model is a list of them: Llama-2-7B is one group; DeepSeek-V3 is 3 dense MLA layers and 58 MoE MLA layers.',
  fields: (t) => ({
    layers: t.int({ description: 'Layers in the group.', resolve: (g) => g.layers }),
    attention: t.field({
      type: AttentionRef,
      description: 'Attention of every layer of the group.',
      resolve: (g) => g.group.attention,
    }),
    ffn: t.field({
      type: FfnRef,
      description: 'Feed-forward network of every layer of the group.',
      resolve: (g) => g,
    }),
    normsPerLayer: t.int({
      description: 'Norm scales per layer (2, or 4 with post-norms).',
      resolve: (g) => g.group.normsPerLayer,
    }),
    parameterCount: t.float({
      description: 'Parameters of all layers of the group (every expert), parameters.',
      resolve: (g) => g.layers * g.parametersPerLayer,
    }),
    activeParameterCount: t.float({
      description: 'Parameters one token uses in all layers of the group, parameters.',
      resolve: (g) => g.layers * g.activeParametersPerLayer,
    }),
    kvElementsPerTokenPerLayer: t.float({
      description:
        'Cache elements one token adds to one layer: 2 x kvHeads x headDim, or kvLoraRank + qkRopeHeadDim for MLA, elements.',
      resolve: (g) => g.kvElementsPerTokenPerLayer,
    }),
    cacheCapTokens: t.int({
      nullable: true,
      description:
        'Most tokens of one sequence a layer of the group caches (its window or chunk), tokens; null when global.',
      resolve: (g) => g.cacheCapTokens,
    }),
    kvCacheBytes: t.float({
      description:
        "The group's KV cache for one sequence of `tokens` tokens, whole model (not per GPU), bytes.",
      args: {
        format: t.arg({ type: NumberFormatEnum, required: true, description: 'KV cache storage format.' }),
        tokens: t.arg.float({ required: true, description: 'Sequence length, tokens.' }),
      },
      resolve: (g, { format, tokens }) => {
        checkStorageFormat('format', format);
        const cached = g.cacheCapTokens === null ? tokens : Math.min(tokens, g.cacheCapTokens);
        return g.layers * g.kvElementsPerTokenPerLayer * cached * bytesPerElement(format);
      },
    }),
  }),
});

/** Every tensor class's native format, BF16 where the model records none. */
export function nativeFormatList(
  formats: NativeFormats | undefined,
): { tensorClass: TensorClass; stored: StoredFormat }[] {
  return TENSOR_CLASSES.map((tensorClass) => ({
    tensorClass,
    stored: formats?.[tensorClass] ?? { format: 'BF16' },
  }));
}
