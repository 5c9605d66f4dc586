import {
  kvCacheBytes,
  kvCacheBytesPerToken,
  type ModelAnalysis,
  type ModelSpec,
  type NumberFormat,
  type WeightFormat,
  weightsBytes,
} from '../../core/index.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { checkSequenceTokens, checkStorageFormat, checkWeightFormat } from '../validation.js';
import { NumberFormatEnum } from './enums.js';
import { LayerGroupRef, nativeFormatList } from './layer-group.js';
import { NativeFormatRef } from './tensor-class.js';

export const ModelRef = builder.objectRef<ModelSpec>('Model');

/** `pick` of the model's analysis: synchronous for catalog models, after the request's loader for custom ones. */
function fromAnalysis<T>(
  model: ModelSpec,
  ctx: Context,
  pick: (analysis: ModelAnalysis) => T,
): T | Promise<T> {
  const analysis = ctx.analysisOf(model);
  return analysis instanceof Promise ? analysis.then(pick) : pick(analysis);
}

const formatArg = (description: string) =>
  builder.args((t) => ({ format: t.field({ type: NumberFormatEnum, required: true, description }) }));

const weightFormat = (format: WeightFormat): WeightFormat => {
  checkWeightFormat('format', format);
  return format;
};

const storageFormat = (format: WeightFormat): NumberFormat => {
  checkStorageFormat('format', format);
  return format;
};

ModelRef.implement({
  description:
    'A transformer architecture, with fields named after HuggingFace config.json, plus counts derived from it. Custom models have the id "custom:<name>".',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Catalog id (lower-case, stable), or "custom:<name>".' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    family: t.exposeString('family', {
      description: 'Model family (Llama, Mistral, ...); "Custom" for custom models.',
    }),
    aliases: t.exposeStringList('aliases', {
      description:
        'Other names accepted wherever a model id is (case-insensitive), such as the notebook names.',
    }),
    source: t.exposeString('source', { description: 'Where the architecture numbers come from.' }),
    parameterCount: t.float({
      description: 'All parameters (every expert, embeddings and LM head), parameters.',
      resolve: (model, _args, ctx) => fromAnalysis(model, ctx, (a) => a.totalParameters),
    }),
    activeParameterCount: t.float({
      description:
        'Parameters one token uses: all but the routed experts it is not sent to, INPUT EMBEDDING INCLUDED (the convention of Mistral, Qwen and Meta), parameters. See activeParameterCountExcludingEmbedding for the DeepSeek/OpenAI/Moonshot convention.',
      resolve: (model, _args, ctx) => fromAnalysis(model, ctx, (a) => a.activeParameters),
    }),
    activeParameterCountExcludingEmbedding: t.float({
      description:
        'activeParameterCount less the input embedding table (the LM head stays counted), as DeepSeek, OpenAI (gpt-oss) and Moonshot (Kimi) publish active counts, parameters.',
      resolve: (model, _args, ctx) => fromAnalysis(model, ctx, (a) => a.activeParametersExcludingEmbedding),
    }),
    layerGroups: t.field({
      type: [LayerGroupRef],
      description:
        'The layers as groups sharing one attention kind and one FFN kind, in the order the model lists them; parameters, KV cache and operator costs are computed per group.',
      resolve: (model, _args, ctx) => fromAnalysis(model, ctx, (a) => a.groups),
    }),
    nativeFormats: t.field({
      type: [NativeFormatRef],
      description:
        "The published checkpoint's format per tensor class, BF16 where none is recorded (weightFormat NATIVE uses these).",
      resolve: (model) => nativeFormatList(model.nativeFormats),
    }),
    embeddingParameterCount: t.float({
      description: 'Input embedding table, vocabSize x hiddenSize, parameters.',
      resolve: (model, _args, ctx) => fromAnalysis(model, ctx, (a) => a.embeddingParameters),
    }),
    lmHeadParameterCount: t.float({
      description: 'Separate LM head, vocabSize x hiddenSize, parameters; 0 when tied to the embeddings.',
      resolve: (model, _args, ctx) => fromAnalysis(model, ctx, (a) => a.lmHeadParameters),
    }),
    publishedParameterCount: t.float({
      nullable: true,
      description:
        'Total parameter count published by the model authors or a loader, parameters, to check parameterCount against; null when none was found.',
      resolve: (model) => model.publishedParameterCount?.value ?? null,
    }),
    publishedActiveParameterCount: t.float({
      nullable: true,
      description:
        'Active parameter count published by the model authors, parameters, to check activeParameterCount (or activeParameterCountExcludingEmbedding, see publishedActiveCountExcludesEmbedding) against; null when none was found.',
      resolve: (model) => model.publishedActiveParameterCount?.value ?? null,
    }),
    publishedActiveCountExcludesEmbedding: t.boolean({
      nullable: true,
      description:
        'Whether publishedActiveParameterCount leaves the input embedding out (DeepSeek, OpenAI, Moonshot) rather than counting it (Mistral, Qwen, Meta); null when there is no published active count.',
      resolve: (model) =>
        model.publishedActiveParameterCount
          ? (model.publishedActiveParameterCount.excludesInputEmbedding ?? false)
          : null,
    }),
    layers: t.exposeInt('layers', { description: 'num_hidden_layers: all layers of every group.' }),
    hiddenSize: t.exposeInt('hiddenSize', { description: 'hidden_size, elements.' }),
    intermediateSize: t.exposeInt('intermediateSize', {
      description:
        "FFN width, elements: the routed expert width of the first MoE group, else the dominant group's MLP width (see layerGroups for each).",
    }),
    attentionHeads: t.exposeInt('attentionHeads', {
      description: 'num_attention_heads of the dominant group (the one with the most layers).',
    }),
    kvHeads: t.exposeInt('kvHeads', {
      description:
        'num_key_value_heads of the dominant group: fewer than attentionHeads with grouped-query attention; MLA reports attentionHeads (its expanded form).',
    }),
    headDim: t.exposeInt('headDim', {
      description:
        'head_dim of the dominant group, or hidden_size / num_attention_heads, elements; MLA reports qk_nope_head_dim + qk_rope_head_dim.',
    }),
    vocabSize: t.exposeInt('vocabSize', { description: 'vocab_size, tokens.' }),
    contextWindow: t.exposeInt('contextWindow', { description: 'max_position_embeddings, tokens.' }),
    slidingWindow: t.exposeInt('slidingWindow', {
      nullable: true,
      description:
        'sliding_window, tokens, when EVERY layer slides over this window (the KV cache then holds at most this many); else null, also for models that mix windowed and global layers (see layerGroups).',
    }),
    experts: t.exposeInt('experts', {
      description: 'Routed experts per MoE layer (of the first MoE group); 1 for dense models.',
    }),
    expertsPerToken: t.exposeInt('expertsPerToken', {
      description: 'num_experts_per_tok of the first MoE group; 1 for dense models.',
    }),
    tiedEmbeddings: t.exposeBoolean('tiedEmbeddings', {
      description: 'tie_word_embeddings: the LM head reuses the embedding table.',
    }),
    gatedFfn: t.exposeBoolean('gatedFfn', {
      description:
        'SwiGLU/GeGLU feed-forward (3 matrices) rather than a plain MLP (2), in the dominant group.',
    }),
    attentionBias: t.exposeBoolean('attentionBias', {
      description: "The dominant group's q/k/v projections carry biases.",
    }),
    weightsBytes: t.float({
      description:
        "All weights of the whole model (not per GPU) in a format, bytes. The layer matrices (projections, experts, router) take the format; embeddings, LM head, norms and biases stay 16-bit (32-bit for FP32). INT4, NVFP4 and MXFP4 include their group scales. NATIVE: each tensor class in the checkpoint's own format (nativeFormats).",
      args: formatArg('Weight storage format, or NATIVE.'),
      resolve: (model, { format }, ctx) =>
        fromAnalysis(model, ctx, (a) => weightsBytes(a, weightFormat(format))),
    }),
    kvCacheBytesPerToken: t.float({
      description:
        "KV cache one more token adds once the sequence is past every window, whole model (not per GPU), bytes: the global layers' 2 x kvHeads x headDim (MLA: kvLoraRank + qkRopeHeadDim) x bytes per element; 0 when every layer is windowed or chunked. For a whole sequence use kvCacheBytes.",
      args: formatArg('KV cache storage format.'),
      resolve: (model, { format }, ctx) =>
        fromAnalysis(model, ctx, (a) => kvCacheBytesPerToken(a, storageFormat(format))),
    }),
    kvCacheBytes: t.float({
      description:
        "KV cache of one sequence of `tokens` tokens, whole model (not per GPU), bytes: the sum over layer groups of layers x elements per layer per token x min(tokens, the group's window or chunk) x bytes per element.",
      args: {
        format: t.arg({ type: NumberFormatEnum, required: true, description: 'KV cache storage format.' }),
        tokens: t.arg.float({ required: true, description: 'Sequence length (prompt + output), tokens.' }),
      },
      resolve: (model, { format, tokens }, ctx) => {
        const stored = storageFormat(format);
        checkSequenceTokens('tokens', tokens);
        return fromAnalysis(model, ctx, (a) => kvCacheBytes(a, stored, tokens));
      },
    }),
  }),
});
