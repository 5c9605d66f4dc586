import { bytesPerElement } from './formats.js';
import { dominantGroup, spanCap } from './layer-groups.js';
import {
  type AttentionSpec,
  type FfnSpec,
  type LayerGroup,
  type StoredFormat,
  TENSOR_CLASSES,
  type TensorClass,
} from './model-spec.js';
import type { ModelSpec, NumberFormat, WeightFormat } from './types.js';

/** Parameters of one layer of a group, by part. Matrices are the quantisable weights. */
export interface GroupAnalysis {
  group: LayerGroup;
  /** Layers in the group. */
  layers: number;
  /** q/k/v/o projection matrices (MLA: q down/up, kv down/up and o), per layer. */
  attentionWeights: number;
  /** Attention biases, sinks, q/k norms and MLA's latent norms, per layer: kept in 16-bit. */
  attentionExtras: number;
  /** Dense MLP matrices per layer; 0 in an MoE group. */
  denseFfnWeights: number;
  /** Matrices of ONE routed expert; 0 in a dense group. */
  expertWeights: number;
  /** Biases of ONE routed expert (gpt-oss), 16-bit. */
  expertExtras: number;
  /** Routed experts per layer and how many each token uses; 0 and 0 in a dense group. */
  experts: number;
  expertsPerToken: number;
  /** Matrices of all shared experts of one layer. */
  sharedExpertWeights: number;
  /** Router matrix, hidden x experts, per layer. */
  routerWeights: number;
  /** Dense MLP and router biases per layer, 16-bit. */
  ffnExtras: number;
  /** Norm scales per layer. */
  norms: number;
  /** FFN matrices per expert (or MLP): 3 when gated, else 2. */
  ffnMatrices: number;
  /** Width of the widest FFN intermediate activation one token makes in one layer (all its experts), elements. */
  ffnActivationWidth: number;
  /** Elements one token adds to one layer's cache: 2 x kvHeads x headDim, or MLA's kvLoraRank + qkRopeHeadDim. */
  kvElementsPerTokenPerLayer: number;
  /** Most tokens one layer's cache holds per sequence (window or chunk); null when global. */
  cacheCapTokens: number | null;
  parametersPerLayer: number;
  /** Parameters one token uses in one layer: all but the routed experts it is not sent to. */
  activeParametersPerLayer: number;
}

/**
 * Everything about a model that does not depend on the GPU, the formats or the request:
 * parameter counts by group and by tensor class. Computed once per model and shared (see
 * DataLoader in the schema).
 */
export interface ModelAnalysis {
  model: ModelSpec;
  groups: GroupAnalysis[];
  /** The dominant group's q/k/v/o matrices, per layer (the flat summary's attention). */
  attentionParametersPerLayer: number;
  embeddingParameters: number;
  /** Separate LM head; 0 when tied to the embeddings. */
  lmHeadParameters: number;
  finalNormParameters: number;
  totalParameters: number;
  /**
   * Parameters one token touches: all but the routed experts it is not sent to, INPUT EMBEDDING
   * INCLUDED (as Mistral, Qwen and Meta publish active counts).
   */
  activeParameters: number;
  /** activeParameters without the input embedding (as DeepSeek, OpenAI and Moonshot publish them). */
  activeParametersExcludingEmbedding: number;
  /** Parameters per tensor class (the classes a checkpoint may store in different formats). */
  parametersByClass: Record<TensorClass, number>;
  /**
   * Matrix weights that quantised formats apply to: projections, experts, router. The LM head stays
   * 16-bit, as AWQ/GPTQ checkpoints, vLLM and TensorRT-LLM's FP8 recipes keep it.
   */
  linearParameters: number;
  /** Embeddings, LM head, norms, biases and sinks: stored in 16-bit even when the linear weights are quantised. */
  nonLinearParameters: number;
  /** Norms, biases and sinks only (nonLinearParameters less embeddings and LM head). */
  extraParameters: number;
}

/** Projection matrices and 16-bit extras of one layer's attention. */
function attentionParameters(attention: AttentionSpec, d: number): { weights: number; extras: number } {
  const a = attention.shape;
  const sinks = attention.sinks ? a.heads : 0;
  if (a.kind === 'GQA') {
    const weights = d * a.headDim * (2 * a.heads + 2 * a.kvHeads);
    const bias = (a.qkvBias ? a.headDim * (a.heads + 2 * a.kvHeads) : 0) + (a.outputBias ? d : 0);
    const qkNorm = attention.qkNorm ? 2 * a.headDim : 0;
    return { weights, extras: bias + sinks + qkNorm };
  }
  const qHead = a.qkNopeHeadDim + a.qkRopeHeadDim;
  const q = a.qLoraRank === null ? d * a.heads * qHead : d * a.qLoraRank + a.qLoraRank * a.heads * qHead;
  const kvDown = d * (a.kvLoraRank + a.qkRopeHeadDim);
  const kvUp = a.kvLoraRank * a.heads * (a.qkNopeHeadDim + a.vHeadDim);
  const o = a.heads * a.vHeadDim * d;
  // RMSNorms over the q and kv latents.
  const latentNorms = (a.qLoraRank ?? 0) + a.kvLoraRank;
  return { weights: q + kvDown + kvUp + o, extras: latentNorms + sinks };
}

function kvElementsPerTokenPerLayer(attention: AttentionSpec): number {
  const a = attention.shape;
  return a.kind === 'GQA' ? 2 * a.kvHeads * a.headDim : a.kvLoraRank + a.qkRopeHeadDim;
}

/** Matrices and biases of one MLP of width `width`. */
function mlp(d: number, width: number, gated: boolean, bias: boolean): { weights: number; extras: number } {
  const matrices = gated ? 3 : 2;
  return {
    weights: matrices * d * width,
    extras: bias ? (matrices - 1) * width + d : 0,
  };
}

function analyzeGroup(group: LayerGroup, d: number): GroupAnalysis {
  const attention = attentionParameters(group.attention, d);
  const ffn: FfnSpec = group.ffn;
  const ffnMatrices = ffn.gated ? 3 : 2;
  let denseFfnWeights = 0;
  let expertWeights = 0;
  let expertExtras = 0;
  let experts = 0;
  let expertsPerToken = 0;
  let sharedExpertWeights = 0;
  let routerWeights = 0;
  let ffnExtras = 0;
  let ffnActivationWidth: number;
  if (ffn.kind === 'DENSE') {
    const dense = mlp(d, ffn.intermediateSize, ffn.gated, ffn.bias);
    denseFfnWeights = dense.weights;
    ffnExtras = dense.extras;
    ffnActivationWidth = ffnMatrices * ffn.intermediateSize;
  } else {
    const expert = mlp(d, ffn.expertIntermediateSize, ffn.gated, ffn.bias);
    expertWeights = expert.weights;
    expertExtras = expert.extras;
    experts = ffn.experts;
    expertsPerToken = ffn.expertsPerToken;
    sharedExpertWeights =
      ffn.sharedExperts * mlp(d, ffn.sharedExpertIntermediateSize, ffn.gated, false).weights;
    routerWeights = d * ffn.experts;
    ffnExtras = ffn.bias ? ffn.experts : 0;
    ffnActivationWidth =
      ffnMatrices *
      (ffn.expertsPerToken * ffn.expertIntermediateSize +
        ffn.sharedExperts * ffn.sharedExpertIntermediateSize);
  }
  const norms = group.normsPerLayer * d;
  const shared =
    attention.weights +
    attention.extras +
    denseFfnWeights +
    sharedExpertWeights +
    routerWeights +
    ffnExtras +
    norms;
  return {
    group,
    layers: group.count,
    attentionWeights: attention.weights,
    attentionExtras: attention.extras,
    denseFfnWeights,
    expertWeights,
    expertExtras,
    experts,
    expertsPerToken,
    sharedExpertWeights,
    routerWeights,
    ffnExtras,
    norms,
    ffnMatrices,
    ffnActivationWidth,
    kvElementsPerTokenPerLayer: kvElementsPerTokenPerLayer(group.attention),
    cacheCapTokens: spanCap(group.attention.span),
    parametersPerLayer: shared + experts * (expertWeights + expertExtras),
    activeParametersPerLayer: shared + expertsPerToken * (expertWeights + expertExtras),
  };
}

export function analyzeModel(model: ModelSpec): ModelAnalysis {
  const d = model.hiddenSize;
  const groups = model.layerGroups.map((group) => analyzeGroup(group, d));
  const embeddingParameters = model.vocabSize * d;
  const lmHeadParameters = model.tiedEmbeddings ? 0 : model.vocabSize * d;
  const finalNormParameters = d;

  const byClass = Object.fromEntries(TENSOR_CLASSES.map((c) => [c, 0])) as Record<TensorClass, number>;
  let layerParameters = 0;
  let layerActive = 0;
  let extraParameters = finalNormParameters;
  for (const g of groups) {
    const n = g.layers;
    layerParameters += n * g.parametersPerLayer;
    layerActive += n * g.activeParametersPerLayer;
    byClass.attention += n * g.attentionWeights;
    byClass.denseFfn += n * g.denseFfnWeights;
    byClass.routedExperts += n * g.experts * g.expertWeights;
    byClass.sharedExperts += n * g.sharedExpertWeights;
    byClass.router += n * g.routerWeights;
    extraParameters += n * (g.attentionExtras + g.ffnExtras + g.experts * g.expertExtras + g.norms);
  }
  byClass.embedding = embeddingParameters;
  byClass.lmHead = lmHeadParameters;

  const outside = embeddingParameters + lmHeadParameters + finalNormParameters;
  const totalParameters = layerParameters + outside;
  const activeParameters = layerActive + outside;
  const linearParameters =
    byClass.attention + byClass.denseFfn + byClass.routedExperts + byClass.sharedExperts + byClass.router;
  const main = groups[model.layerGroups.indexOf(dominantGroup(model.layerGroups))] as GroupAnalysis;

  return {
    model,
    groups,
    attentionParametersPerLayer: main.attentionWeights,
    embeddingParameters,
    lmHeadParameters,
    finalNormParameters,
    totalParameters,
    activeParameters,
    activeParametersExcludingEmbedding: activeParameters - embeddingParameters,
    parametersByClass: byClass,
    linearParameters,
    nonLinearParameters: totalParameters - linearParameters,
    extraParameters,
  };
}

/** Bytes of the 16-bit (or 32-bit, for FP32 models) tensors that quantisation leaves alone. */
export function unquantisedBytesPerElement(weightFormat: WeightFormat): number {
  return weightFormat === 'FP32' ? 4 : 2;
}

/** Bytes of one element stored as a checkpoint stores it, block scales included. */
export function storedBytesPerElement(stored: StoredFormat): number {
  const block = stored.scaleBlockElements;
  const scale = block === undefined ? 0 : (stored.scaleBits ?? 0) / 8 / block;
  return bytesPerElement(stored.format) + scale;
}

const BF16: StoredFormat = { format: 'BF16' };

/** The stored format of each tensor class under a weight format (NATIVE: the checkpoint's own, BF16 where unrecorded). */
export function classFormats(
  model: ModelSpec,
  weightFormat: WeightFormat,
): Record<TensorClass, StoredFormat> {
  const formats = {} as Record<TensorClass, StoredFormat>;
  for (const c of TENSOR_CLASSES) {
    if (weightFormat === 'NATIVE') {
      formats[c] = model.nativeFormats?.[c] ?? BF16;
    } else if (c === 'embedding' || c === 'lmHead') {
      formats[c] = { format: weightFormat === 'FP32' ? 'FP32' : 'BF16' };
    } else {
      formats[c] = { format: weightFormat };
    }
  }
  return formats;
}

/** Bytes per parameter of each tensor class under a weight format. */
export function classBytes(model: ModelSpec, weightFormat: WeightFormat): Record<TensorClass, number> {
  const formats = classFormats(model, weightFormat);
  const bytes = {} as Record<TensorClass, number>;
  for (const c of TENSOR_CLASSES) bytes[c] = storedBytesPerElement(formats[c]);
  return bytes;
}

/** Bytes of all weights in a format, whole model (not per GPU). */
export function weightsBytes(analysis: ModelAnalysis, weightFormat: WeightFormat): number {
  if (weightFormat !== 'NATIVE') {
    // One format for every matrix: no per-class table needed.
    return (
      analysis.linearParameters * bytesPerElement(weightFormat) +
      analysis.nonLinearParameters * unquantisedBytesPerElement(weightFormat)
    );
  }
  const bytes = classBytes(analysis.model, weightFormat);
  let total = analysis.extraParameters * unquantisedBytesPerElement(weightFormat);
  for (const c of TENSOR_CLASSES) total += analysis.parametersByClass[c] * bytes[c];
  return total;
}

/**
 * KV cache of one sequence of `tokens` tokens, whole model (not per GPU): the sum over groups of
 * layers x elements per layer per token x min(tokens, the group's window or chunk) x bytes.
 */
export function kvCacheBytes(analysis: ModelAnalysis, kvCacheFormat: NumberFormat, tokens: number): number {
  let elements = 0;
  for (const g of analysis.groups) {
    const cached = g.cacheCapTokens === null ? tokens : Math.min(tokens, g.cacheCapTokens);
    elements += g.layers * g.kvElementsPerTokenPerLayer * cached;
  }
  return elements * bytesPerElement(kvCacheFormat);
}

/**
 * KV cache bytes one more token adds once the sequence is past every window, whole model (not
 * per GPU): the global-attention layers' share. 0 when every layer slides or is chunked.
 */
export function kvCacheBytesPerToken(analysis: ModelAnalysis, kvCacheFormat: NumberFormat): number {
  let elements = 0;
  for (const g of analysis.groups) {
    if (g.cacheCapTokens === null) elements += g.layers * g.kvElementsPerTokenPerLayer;
  }
  return elements * bytesPerElement(kvCacheFormat);
}

/** Longest window or chunk of any layer; null when some layer attends globally. */
export function longestCacheCap(analysis: ModelAnalysis): number | null {
  let longest = 0;
  for (const g of analysis.groups) {
    if (g.cacheCapTokens === null) return null;
    longest = Math.max(longest, g.cacheCapTokens);
  }
  return longest;
}

/**
 * Distinct experts a step of `tokens` tokens touches, in expectation, when each token picks
 * `k` of `E` experts uniformly: E * (1 - (1 - k/E)^tokens). Dense models: 1.
 */
export function distinctExpertsTouched(experts: number, expertsPerToken: number, tokens: number): number {
  if (experts <= 1) return 1;
  return experts * (1 - (1 - expertsPerToken / experts) ** tokens);
}
