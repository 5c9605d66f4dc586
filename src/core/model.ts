import { bytesPerElement } from './formats.js';
import type { ModelSpec, NumberFormat } from './types.js';

/**
 * Everything about a model that does not depend on the GPU, the formats or the request:
 * parameter counts by part. Computed once per model and shared (see DataLoader in the schema).
 */
export interface ModelAnalysis {
  model: ModelSpec;
  /** q, k, v and o projection weights of one layer. */
  attentionParametersPerLayer: number;
  /** q/k/v biases of one layer (Qwen2), kept in 16-bit when weights are quantised. */
  attentionBiasParametersPerLayer: number;
  /** Weights of one expert's FFN (3 matrices when gated, else 2). */
  ffnParametersPerExpert: number;
  /** FFN matrices per expert: 3 for SwiGLU/GeGLU, 2 for a plain MLP. */
  ffnMatrices: number;
  routerParametersPerLayer: number;
  /** RMSNorm/LayerNorm scales of one layer (two norms). */
  normParametersPerLayer: number;
  embeddingParameters: number;
  /** Separate LM head; 0 when tied to the embeddings. */
  lmHeadParameters: number;
  finalNormParameters: number;
  totalParameters: number;
  /** Parameters one token touches: all but the (experts - expertsPerToken) unused experts. */
  activeParameters: number;
  /**
   * Matrix weights that quantised formats apply to: projections, experts, router. The LM head stays
   * 16-bit, as AWQ/GPTQ checkpoints, vLLM and TensorRT-LLM's FP8 recipes keep it.
   */
  linearParameters: number;
  /** Embeddings, LM head, norms and biases: stored in 16-bit even when the linear weights are quantised. */
  nonLinearParameters: number;
  /** K and V elements one token adds to the cache across all layers: 2 * L * kvHeads * headDim. */
  kvElementsPerToken: number;
}

export function analyzeModel(model: ModelSpec): ModelAnalysis {
  const { layers: L, hiddenSize: d, headDim, attentionHeads: h, kvHeads, vocabSize: V } = model;
  const attentionParametersPerLayer = d * headDim * (2 * h + 2 * kvHeads);
  const attentionBiasParametersPerLayer = model.attentionBias ? headDim * (h + 2 * kvHeads) : 0;
  const ffnMatrices = model.gatedFfn ? 3 : 2;
  const ffnParametersPerExpert = ffnMatrices * d * model.intermediateSize;
  const routerParametersPerLayer = model.experts > 1 ? d * model.experts : 0;
  const normParametersPerLayer = 2 * d;
  const embeddingParameters = V * d;
  const lmHeadParameters = model.tiedEmbeddings ? 0 : V * d;
  const finalNormParameters = d;

  const perLayerShared =
    attentionParametersPerLayer +
    attentionBiasParametersPerLayer +
    routerParametersPerLayer +
    normParametersPerLayer;
  const outside = embeddingParameters + lmHeadParameters + finalNormParameters;
  const totalParameters = L * (perLayerShared + model.experts * ffnParametersPerExpert) + outside;
  const activeParameters = L * (perLayerShared + model.expertsPerToken * ffnParametersPerExpert) + outside;
  const linearParameters =
    L * (attentionParametersPerLayer + routerParametersPerLayer + model.experts * ffnParametersPerExpert);

  return {
    model,
    attentionParametersPerLayer,
    attentionBiasParametersPerLayer,
    ffnParametersPerExpert,
    ffnMatrices,
    routerParametersPerLayer,
    normParametersPerLayer,
    embeddingParameters,
    lmHeadParameters,
    finalNormParameters,
    totalParameters,
    activeParameters,
    linearParameters,
    nonLinearParameters: totalParameters - linearParameters,
    kvElementsPerToken: 2 * L * kvHeads * headDim,
  };
}

/** Bytes of the 16-bit (or 32-bit, for FP32 models) tensors that quantisation leaves alone. */
export function unquantisedBytesPerElement(weightFormat: NumberFormat): number {
  return weightFormat === 'FP32' ? 4 : 2;
}

/** Bytes of all weights in a format, whole model (not per GPU). */
export function weightsBytes(analysis: ModelAnalysis, weightFormat: NumberFormat): number {
  return (
    analysis.linearParameters * bytesPerElement(weightFormat) +
    analysis.nonLinearParameters * unquantisedBytesPerElement(weightFormat)
  );
}

/** KV cache bytes one token adds, whole model (not per GPU). */
export function kvCacheBytesPerToken(analysis: ModelAnalysis, kvCacheFormat: NumberFormat): number {
  return analysis.kvElementsPerToken * bytesPerElement(kvCacheFormat);
}

/**
 * Distinct experts a step of `tokens` tokens touches, in expectation, when each token picks
 * `k` of `E` experts uniformly: E * (1 - (1 - k/E)^tokens). Dense models: 1.
 */
export function distinctExpertsTouched(experts: number, expertsPerToken: number, tokens: number): number {
  if (experts <= 1) return 1;
  return experts * (1 - (1 - expertsPerToken / experts) ** tokens);
}
