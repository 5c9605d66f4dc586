import { LIMITS } from './limits.js';
import { type ModelAnalysis, weightsBytes } from './model.js';
import { quantizedWeightsBytes } from './quantization.js';
import type { ResolvedRequest } from './resolve.js';

/** Everything one GPU holds while serving the request. Bytes, per GPU. */
export interface MemoryBreakdown {
  weightsBytes: number;
  kvCacheBytes: number;
  activationsBytes: number;
  overheadBytes: number;
  totalBytes: number;
  /** Usable memory of one GPU (the driver-reported total where known). */
  capacityBytes: number;
  /** capacityBytes - totalBytes; negative when it does not fit. */
  freeBytes: number;
  fits: boolean;
  /** Tokens of one sequence held in the cache: prompt + output, capped by the sliding window. */
  kvCacheTokensPerSequence: number;
  /** Cache bytes one token of one sequence takes on one GPU. */
  kvCacheBytesPerTokenPerGpu: number;
  /** Tokens (all sequences together) in the largest forward step, which sets the activations. */
  largestStepTokens: number;
}

export type ContextLimitReason = 'MEMORY' | 'CONTEXT_WINDOW' | 'WEIGHTS_DO_NOT_FIT';

export interface ContextLimit {
  /** Longest prompt + output per sequence at this batch size; 0 when nothing fits. */
  tokens: number;
  limitedBy: ContextLimitReason;
  /** What memory alone allows (before the context window cap); null when a sliding window makes it unbounded. */
  memoryLimitTokens: number | null;
}

export interface BatchLimit {
  /** Most sequences of the given length that fit; 0 when not even one does. */
  batchSize: number;
  limitedBy: 'MEMORY' | 'CONTEXT_WINDOW' | 'WEIGHTS_DO_NOT_FIT' | 'BATCH_LIMIT';
}

/** KV heads one GPU holds: split over tensor-parallel ranks, replicated when there are more ranks than heads. */
export function kvHeadsPerGpu(kvHeads: number, gpuCount: number): number {
  return kvHeads >= gpuCount ? kvHeads / gpuCount : 1;
}

export function kvCacheBytesPerTokenPerGpu(analysis: ModelAnalysis, r: ResolvedRequest): number {
  const { layers, headDim, kvHeads } = analysis.model;
  return 2 * layers * kvHeadsPerGpu(kvHeads, r.gpuCount) * headDim * r.kvBytesPerElement;
}

export function weightsBytesPerGpu(analysis: ModelAnalysis, r: ResolvedRequest): number {
  const whole = r.weightQuantization
    ? quantizedWeightsBytes(analysis, r.weightQuantization)
    : weightsBytes(analysis, r.weightFormat);
  return whole / r.gpuCount;
}

/** Tokens the cache holds for a sequence of `tokens` tokens: all of them, or the sliding window. */
export function cachedTokens(analysis: ModelAnalysis, tokens: number): number {
  const window = analysis.model.slidingWindow;
  return window === null ? tokens : Math.min(tokens, window);
}

/** Transient bytes per token of a forward step on one GPU (residual, norm output, widest intermediate). */
function activationBytesPerStepToken(analysis: ModelAnalysis, r: ResolvedRequest): number {
  const m = analysis.model;
  const g = r.gpuCount;
  const attentionWidth = (m.headDim * (2 * m.attentionHeads + 2 * m.kvHeads)) / g;
  const ffnWidth = (m.expertsPerToken * analysis.ffnMatrices * m.intermediateSize) / g;
  return r.activationBytesPerElement * (2 * m.hiddenSize + Math.max(attentionWidth, ffnWidth));
}

/** FP32 logits of the last position of each sequence, vocabulary split over tensor-parallel ranks. */
function logitsBytesPerSequence(analysis: ModelAnalysis, r: ResolvedRequest): number {
  return (4 * analysis.model.vocabSize) / r.gpuCount;
}

/** Tokens in the largest step: a prefill chunk of up to maxBatchedTokens, or one decode token per sequence. */
function largestStepTokens(r: ResolvedRequest, batchSize: number): number {
  return Math.max(Math.min(batchSize * r.inputTokens, r.memory.maxBatchedTokens), batchSize);
}

function activationsBytes(analysis: ModelAnalysis, r: ResolvedRequest, batchSize: number): number {
  return (
    largestStepTokens(r, batchSize) * activationBytesPerStepToken(analysis, r) +
    batchSize * logitsBytesPerSequence(analysis, r)
  );
}

export function memoryBreakdown(analysis: ModelAnalysis, r: ResolvedRequest): MemoryBreakdown {
  const weights = weightsBytesPerGpu(analysis, r);
  const perToken = kvCacheBytesPerTokenPerGpu(analysis, r);
  const tokensPerSequence = cachedTokens(analysis, r.inputTokens + r.outputTokens);
  const kvCache = r.batchSize * tokensPerSequence * perToken;
  const activations = activationsBytes(analysis, r, r.batchSize);
  const overhead = r.memory.runtimeOverheadBytes;
  const total = weights + kvCache + activations + overhead;
  const capacity = r.gpu.memoryBytes;
  return {
    weightsBytes: weights,
    kvCacheBytes: kvCache,
    activationsBytes: activations,
    overheadBytes: overhead,
    totalBytes: total,
    capacityBytes: capacity,
    freeBytes: capacity - total,
    fits: total <= capacity,
    kvCacheTokensPerSequence: tokensPerSequence,
    kvCacheBytesPerTokenPerGpu: perToken,
    largestStepTokens: largestStepTokens(r, r.batchSize),
  };
}

/**
 * Longest sequence (prompt + output) whose cache fits beside the weights, the activations of the
 * request's largest step and the runtime overhead, at the request's batch size. Closed form:
 * floor((capacity - weights - activations - overhead) / (batch * KV bytes per token)).
 */
export function maxContextLength(analysis: ModelAnalysis, r: ResolvedRequest): ContextLimit {
  const fixed =
    weightsBytesPerGpu(analysis, r) +
    activationsBytes(analysis, r, r.batchSize) +
    r.memory.runtimeOverheadBytes;
  const room = r.gpu.memoryBytes - fixed;
  const contextWindow = analysis.model.contextWindow;
  if (room < 0) return { tokens: 0, limitedBy: 'WEIGHTS_DO_NOT_FIT', memoryLimitTokens: 0 };
  const perTokenAllSequences = r.batchSize * kvCacheBytesPerTokenPerGpu(analysis, r);
  const memoryTokens = Math.floor(room / perTokenAllSequences);
  const window = analysis.model.slidingWindow;
  if (window !== null && memoryTokens >= window) {
    // The cache never grows past the window, so memory cannot bind.
    return { tokens: contextWindow, limitedBy: 'CONTEXT_WINDOW', memoryLimitTokens: null };
  }
  if (memoryTokens >= contextWindow) {
    return { tokens: contextWindow, limitedBy: 'CONTEXT_WINDOW', memoryLimitTokens: memoryTokens };
  }
  return { tokens: memoryTokens, limitedBy: 'MEMORY', memoryLimitTokens: memoryTokens };
}

/**
 * Most sequences of `contextTokens` tokens (prompt + output) that fit, the prompt being the
 * request's inputTokens. Closed form per regime of the largest step (see largestStepTokens):
 * activations are linear in the batch within each regime.
 */
export function maxBatchSize(analysis: ModelAnalysis, r: ResolvedRequest, contextTokens: number): BatchLimit {
  if (contextTokens > analysis.model.contextWindow) return { batchSize: 0, limitedBy: 'CONTEXT_WINDOW' };
  const room = r.gpu.memoryBytes - weightsBytesPerGpu(analysis, r) - r.memory.runtimeOverheadBytes;
  const perStepToken = activationBytesPerStepToken(analysis, r);
  const perSequence =
    cachedTokens(analysis, contextTokens) * kvCacheBytesPerTokenPerGpu(analysis, r) +
    logitsBytesPerSequence(analysis, r);
  const prompt = r.inputTokens;
  const chunk = r.memory.maxBatchedTokens;
  const candidates = [
    // whole prompts in one step: step tokens = batch * prompt
    { b: Math.floor(room / (perSequence + prompt * perStepToken)), lo: 1, hi: Math.floor(chunk / prompt) },
    // chunked prefill: step tokens = chunk
    {
      b: Math.floor((room - chunk * perStepToken) / perSequence),
      lo: Math.floor(chunk / prompt) + 1,
      hi: chunk,
    },
    // decode step larger than the chunk: step tokens = batch
    { b: Math.floor(room / (perSequence + perStepToken)), lo: chunk + 1, hi: Number.POSITIVE_INFINITY },
  ];
  let best = 0;
  for (const { b, lo, hi } of candidates) {
    if (b >= lo) best = Math.max(best, Math.min(b, hi));
  }
  const max = LIMITS.batchSize.max;
  if (best >= max) return { batchSize: max, limitedBy: 'BATCH_LIMIT' };
  if (best === 0) {
    const weightsFit = room - activationsBytes(analysis, r, 1) > 0;
    return { batchSize: 0, limitedBy: weightsFit ? 'MEMORY' : 'WEIGHTS_DO_NOT_FIT' };
  }
  return { batchSize: best, limitedBy: 'MEMORY' };
}
