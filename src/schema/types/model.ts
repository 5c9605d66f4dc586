import {
  kvCacheBytesPerToken,
  type ModelAnalysis,
  type ModelSpec,
  type NumberFormat,
  weightsBytes,
} from '../../core/index.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { checkStorageFormat } from '../validation.js';
import { NumberFormatEnum } from './enums.js';

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

const storageFormat = (format: NumberFormat): NumberFormat => {
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
      description: 'Parameters one token uses: all but the experts it is not routed to, parameters.',
      resolve: (model, _args, ctx) => fromAnalysis(model, ctx, (a) => a.activeParameters),
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
    layers: t.exposeInt('layers', { description: 'num_hidden_layers.' }),
    hiddenSize: t.exposeInt('hiddenSize', { description: 'hidden_size, elements.' }),
    intermediateSize: t.exposeInt('intermediateSize', {
      description: 'intermediate_size: FFN width, per expert for MoE, elements.',
    }),
    attentionHeads: t.exposeInt('attentionHeads', { description: 'num_attention_heads.' }),
    kvHeads: t.exposeInt('kvHeads', {
      description: 'num_key_value_heads: fewer than attentionHeads with grouped-query attention.',
    }),
    headDim: t.exposeInt('headDim', {
      description: 'head_dim, or hidden_size / num_attention_heads, elements.',
    }),
    vocabSize: t.exposeInt('vocabSize', { description: 'vocab_size, tokens.' }),
    contextWindow: t.exposeInt('contextWindow', { description: 'max_position_embeddings, tokens.' }),
    slidingWindow: t.exposeInt('slidingWindow', {
      nullable: true,
      description:
        'sliding_window, tokens, when the attention uses one (the KV cache then holds at most this many); else null.',
    }),
    experts: t.exposeInt('experts', { description: 'num_local_experts; 1 for dense models.' }),
    expertsPerToken: t.exposeInt('expertsPerToken', {
      description: 'num_experts_per_tok; 1 for dense models.',
    }),
    tiedEmbeddings: t.exposeBoolean('tiedEmbeddings', {
      description: 'tie_word_embeddings: the LM head reuses the embedding table.',
    }),
    gatedFfn: t.exposeBoolean('gatedFfn', {
      description: 'SwiGLU/GeGLU feed-forward (3 matrices) rather than a plain MLP (2).',
    }),
    attentionBias: t.exposeBoolean('attentionBias', { description: 'The q/k/v projections carry biases.' }),
    weightsBytes: t.float({
      description:
        'All weights of the whole model (not per GPU) in a format, bytes. The layer matrices (projections, experts, router) take the format; embeddings, LM head, norms and biases stay 16-bit (32-bit for FP32). INT4 includes its group scales.',
      args: formatArg('Weight storage format.'),
      resolve: (model, { format }, ctx) =>
        fromAnalysis(model, ctx, (a) => weightsBytes(a, storageFormat(format))),
    }),
    kvCacheBytesPerToken: t.float({
      description:
        'KV cache one token adds, whole model (not per GPU): 2 x layers x kvHeads x headDim x bytes per element, bytes.',
      args: formatArg('KV cache storage format.'),
      resolve: (model, { format }, ctx) =>
        fromAnalysis(model, ctx, (a) => kvCacheBytesPerToken(a, storageFormat(format))),
    }),
  }),
});
