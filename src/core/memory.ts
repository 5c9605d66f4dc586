import { fixedOverheadBytes, unfusedPrefillBytes, usableCapacityBytes } from './engine-memory.js';
import { LIMITS } from './limits.js';
import { type GroupAnalysis, longestCacheCap, type ModelAnalysis, weightsBytes } from './model.js';
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
  /** Tokens of one sequence held by the layers that hold the most: prompt + output, capped by the longest window. */
  kvCacheTokensPerSequence: number;
  /** One sequence's cache on one GPU / kvCacheTokensPerSequence: the mean bytes a held token takes. */
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

/**
 * Elements one token adds to one layer's cache on one GPU: K/V heads split over tensor-parallel
 * ranks (replicated past one head per rank); MLA's latent is replicated on every rank.
 */
export function kvElementsPerTokenPerLayerPerGpu(group: GroupAnalysis, gpuCount: number): number {
  const a = group.group.attention.shape;
  return a.kind === 'GQA'
    ? 2 * kvHeadsPerGpu(a.kvHeads, gpuCount) * a.headDim
    : group.kvElementsPerTokenPerLayer;
}

/** KV cache of one sequence of `tokens` tokens on one GPU: each group holds at most its window or chunk. */
export function kvCacheBytesPerSequencePerGpu(
  analysis: ModelAnalysis,
  r: ResolvedRequest,
  tokens: number,
): number {
  let bytes = 0;
  for (const g of analysis.groups) {
    const cached = g.cacheCapTokens === null ? tokens : Math.min(tokens, g.cacheCapTokens);
    bytes += g.layers * kvElementsPerTokenPerLayerPerGpu(g, r.gpuCount) * r.kvBytesPerElement * cached;
  }
  return bytes;
}

export function weightsBytesPerGpu(analysis: ModelAnalysis, r: ResolvedRequest): number {
  const whole = r.weightQuantization
    ? quantizedWeightsBytes(analysis, r.weightQuantization)
    : weightsBytes(analysis, r.weightFormat);
  return whole / r.gpuCount;
}

/** Tokens the longest-holding layers keep for a sequence of `tokens` tokens: all of them, or the longest window. */
export function cachedTokens(analysis: ModelAnalysis, tokens: number): number {
  const cap = longestCacheCap(analysis);
  return cap === null ? tokens : Math.min(tokens, cap);
}

/**
 * Longest sequence whose cache, for `sequences` sequences, fits in `room` bytes on one GPU;
 * null when the cache stops growing (every layer windowed or chunked) before it fills the room.
 * The cache is piecewise linear in the length (each group grows until its cap), so walk its pieces.
 */
function longestSequenceFitting(
  analysis: ModelAnalysis,
  r: ResolvedRequest,
  sequences: number,
  room: number,
): number | null {
  const groups = analysis.groups;
  if (groups.length === 1) {
    // One group: linear until its cap, if any.
    const g = groups[0] as GroupAnalysis;
    const rate = sequences * g.layers * kvElementsPerTokenPerLayerPerGpu(g, r.gpuCount) * r.kvBytesPerElement;
    const tokens = Math.floor(room / rate);
    return g.cacheCapTokens !== null && tokens >= g.cacheCapTokens ? null : tokens;
  }
  const pieces = groups.map((g) => ({
    cap: g.cacheCapTokens,
    rate: sequences * g.layers * kvElementsPerTokenPerLayerPerGpu(g, r.gpuCount) * r.kvBytesPerElement,
  }));
  let rate = 0;
  for (const p of pieces) rate += p.rate;
  const caps = [...new Set(pieces.map((p) => p.cap).filter((c): c is number => c !== null))].sort(
    (a, b) => a - b,
  );
  let fixed = 0; // bytes of the groups already at their cap
  for (const cap of caps) {
    if (fixed + rate * cap > room) break;
    for (const p of pieces) {
      if (p.cap === cap) {
        fixed += p.rate * cap;
        rate -= p.rate;
      }
    }
  }
  if (rate <= 0) return null;
  return Math.floor((room - fixed) / rate);
}

/** Widest per-token intermediate of a group's attention on one GPU (q, k, v and the o input), elements. */
function attentionActivationWidth(group: GroupAnalysis, gpuCount: number): number {
  const a = group.group.attention.shape;
  if (a.kind === 'GQA') return (a.headDim * (2 * a.heads + 2 * a.kvHeads)) / gpuCount;
  // MLA computed in expanded form: per-head q and k (nope + rope), v and the o input.
  return (a.heads * (2 * (a.qkNopeHeadDim + a.qkRopeHeadDim) + 2 * a.vHeadDim)) / gpuCount;
}

/** Transient bytes per token of a forward step on one GPU (residual, norm output, widest intermediate of any group). */
function activationBytesPerStepToken(analysis: ModelAnalysis, r: ResolvedRequest): number {
  const g = r.gpuCount;
  let widest = 0;
  for (const group of analysis.groups) {
    widest = Math.max(widest, attentionActivationWidth(group, g), group.ffnActivationWidth / g);
  }
  return r.activationBytesPerElement * (2 * analysis.model.hiddenSize + widest);
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
    batchSize * logitsBytesPerSequence(analysis, r) +
    unfusedPrefillBytes(analysis, r, batchSize)
  );
}

export function memoryBreakdown(analysis: ModelAnalysis, r: ResolvedRequest): MemoryBreakdown {
  const weights = weightsBytesPerGpu(analysis, r);
  const sequenceTokens = r.inputTokens + r.outputTokens;
  const perSequence = kvCacheBytesPerSequencePerGpu(analysis, r, sequenceTokens);
  const tokensPerSequence = cachedTokens(analysis, sequenceTokens);
  const perToken = perSequence / tokensPerSequence;
  const kvCache = r.batchSize * perSequence;
  const activations = activationsBytes(analysis, r, r.batchSize);
  const overhead = fixedOverheadBytes(r);
  const total = weights + kvCache + activations + overhead;
  const capacity = usableCapacityBytes(r);
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
 * request's largest step and the runtime overhead, at the request's batch size. One global group:
 * floor((capacity - weights - activations - overhead) / (batch * KV bytes per token)); windowed
 * groups stop growing at their cap.
 */
export function maxContextLength(analysis: ModelAnalysis, r: ResolvedRequest): ContextLimit {
  const fixed =
    weightsBytesPerGpu(analysis, r) + activationsBytes(analysis, r, r.batchSize) + fixedOverheadBytes(r);
  const room = usableCapacityBytes(r) - fixed;
  const contextWindow = analysis.model.contextWindow;
  if (room < 0) return { tokens: 0, limitedBy: 'WEIGHTS_DO_NOT_FIT', memoryLimitTokens: 0 };
  const memoryTokens = longestSequenceFitting(analysis, r, r.batchSize, room);
  if (memoryTokens === null) {
    // The cache never grows past the longest window, so memory cannot bind.
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
  const room = usableCapacityBytes(r) - weightsBytesPerGpu(analysis, r) - fixedOverheadBytes(r);
  const perStepToken = activationBytesPerStepToken(analysis, r);
  const perSequence =
    kvCacheBytesPerSequencePerGpu(analysis, r, contextTokens) + logitsBytesPerSequence(analysis, r);
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
