import { fixedOverheadBytes, unfusedPrefillBytes, usableCapacityBytes } from './engine-memory.js';
import { LIMITS } from './limits.js';
import {
  type GroupAnalysis,
  longestCacheCap,
  type ModelAnalysis,
  unquantisedBytesPerElement,
} from './model.js';
import type { ResolvedRequest } from './resolve.js';
import {
  kvElementsPerTokenPerLayerPerGpu,
  kvHeadsPerGpu,
  type StageShard,
  sequencesPerRank,
} from './sharding.js';

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

/**
 * Weights one GPU of a pipeline stage holds, bytes: each class at its stored width, split as
 * sharding.ts says (heads, vocabulary and dense/shared MLPs over tensor ranks; routed experts over
 * the expert ranks; MLA down-projections, routers and norms whole on every rank; K/V projections
 * copied past one head per rank).
 */
export function stageWeightsBytes(analysis: ModelAnalysis, r: ResolvedRequest, stage: StageShard): number {
  const s = r.sharding;
  const t = s.parallelism.tensor;
  const c = r.classes;
  const hb = unquantisedBytesPerElement(r.weightFormat);
  const d = analysis.model.hiddenSize;
  let bytes = 0;
  analysis.groups.forEach((g, gi) => {
    const L = stage.layers[gi] as number;
    if (L === 0) return;
    const attention = attentionWeightsPerGpu(g, d, t);
    const perLayer =
      attention * c.attention.bytesPerParameter +
      ((g.attentionExtras + g.ffnExtras) / t + g.norms) * hb +
      (g.denseFfnWeights / t) * c.denseFfn.bytesPerParameter +
      ((g.experts * g.expertWeights) / s.expertRanks) * c.routedExperts.bytesPerParameter +
      ((g.experts * g.expertExtras) / s.expertRanks) * hb +
      (g.sharedExpertWeights / t) * c.sharedExperts.bytesPerParameter +
      g.routerWeights * c.router.bytesPerParameter;
    bytes += L * perLayer;
  });
  const table = (analysis.model.vocabSize * d) / t;
  if (stage.embedding) bytes += table * c.embedding.bytesPerParameter;
  if (stage.lmHead) {
    bytes += analysis.finalNormParameters * hb;
    // A tied head reads the embedding table: the first stage has it, a later last stage keeps a copy.
    if (analysis.lmHeadParameters > 0) bytes += table * c.lmHead.bytesPerParameter;
    else if (!stage.embedding) bytes += table * c.embedding.bytesPerParameter;
  }
  return bytes;
}

/** Attention matrices of one layer on one tensor rank, parameters. */
function attentionWeightsPerGpu(g: GroupAnalysis, d: number, t: number): number {
  const a = g.group.attention.shape;
  if (a.kind === 'GQA') return d * a.headDim * ((2 * a.heads) / t + 2 * kvHeadsPerGpu(a.kvHeads, t));
  const qHead = a.qkNopeHeadDim + a.qkRopeHeadDim;
  const q =
    a.qLoraRank === null ? (d * a.heads * qHead) / t : d * a.qLoraRank + (a.qLoraRank * a.heads * qHead) / t;
  const kvDown = d * (a.kvLoraRank + a.qkRopeHeadDim);
  const kvUp = (a.kvLoraRank * a.heads * (a.qkNopeHeadDim + a.vHeadDim)) / t;
  return q + kvDown + kvUp + (a.heads * a.vHeadDim * d) / t;
}

/** KV cache of one sequence of `tokens` tokens on one GPU of a stage: each group holds at most its window or chunk. */
export function stageKvCacheBytesPerSequence(
  analysis: ModelAnalysis,
  r: ResolvedRequest,
  stage: StageShard,
  tokens: number,
): number {
  const t = r.sharding.parallelism.tensor;
  let bytes = 0;
  analysis.groups.forEach((g, gi) => {
    const cached = g.cacheCapTokens === null ? tokens : Math.min(tokens, g.cacheCapTokens);
    bytes +=
      (stage.layers[gi] as number) * kvElementsPerTokenPerLayerPerGpu(g, t) * r.kvBytesPerElement * cached;
  });
  return bytes;
}

/** Tokens the longest-holding layers keep for a sequence of `tokens` tokens: all of them, or the longest window. */
export function cachedTokens(analysis: ModelAnalysis, tokens: number): number {
  const cap = longestCacheCap(analysis);
  return cap === null ? tokens : Math.min(tokens, cap);
}

/**
 * Longest sequence whose cache, for `sequences` sequences, fits in `room` bytes on one GPU of a stage;
 * null when the cache stops growing (every layer windowed or chunked) before it fills the room.
 * The cache is piecewise linear in the length (each group grows until its cap), so walk its pieces.
 */
function longestSequenceFitting(
  analysis: ModelAnalysis,
  r: ResolvedRequest,
  stage: StageShard,
  sequences: number,
  room: number,
): number | null {
  const t = r.sharding.parallelism.tensor;
  const pieces = analysis.groups.map((g, gi) => ({
    cap: g.cacheCapTokens,
    rate:
      sequences * (stage.layers[gi] as number) * kvElementsPerTokenPerLayerPerGpu(g, t) * r.kvBytesPerElement,
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
function attentionActivationWidth(group: GroupAnalysis, tensor: number): number {
  const a = group.group.attention.shape;
  if (a.kind === 'GQA') return (a.headDim * (2 * a.heads + 2 * a.kvHeads)) / tensor;
  // MLA computed in expanded form: per-head q and k (nope + rope), v and the o input.
  return (a.heads * (2 * (a.qkNopeHeadDim + a.qkRopeHeadDim) + 2 * a.vHeadDim)) / tensor;
}

/** Transient bytes per token of a forward step on one GPU (residual, norm output, widest intermediate of any group). */
function activationBytesPerStepToken(analysis: ModelAnalysis, r: ResolvedRequest): number {
  const t = r.sharding.parallelism.tensor;
  let widest = 0;
  for (const group of analysis.groups) {
    widest = Math.max(widest, attentionActivationWidth(group, t), group.ffnActivationWidth / t);
  }
  return r.activationBytesPerElement * (2 * analysis.model.hiddenSize + widest);
}

/** FP32 logits of the last position of each sequence on the last stage, vocabulary split over tensor-parallel ranks. */
function logitsBytesPerSequence(analysis: ModelAnalysis, r: ResolvedRequest, stage: StageShard): number {
  return stage.lmHead ? (4 * analysis.model.vocabSize) / r.sharding.parallelism.tensor : 0;
}

/** Tokens in the largest step of one data-parallel rank: a prefill chunk of up to maxBatchedTokens, or one decode token per sequence. */
function largestStepTokens(r: ResolvedRequest, rankSequences: number): number {
  // An engine that reserves a full step holds its activations whatever the request (engine-memory.ts).
  if (r.memory.reservesFullStep) return Math.max(r.memory.maxBatchedTokens, rankSequences);
  return Math.max(Math.min(rankSequences * r.inputTokens, r.memory.maxBatchedTokens), rankSequences);
}

function activationsBytes(
  analysis: ModelAnalysis,
  r: ResolvedRequest,
  stage: StageShard,
  rankSequences: number,
): number {
  return (
    largestStepTokens(r, rankSequences) * activationBytesPerStepToken(analysis, r) +
    rankSequences * logitsBytesPerSequence(analysis, r, stage) +
    unfusedPrefillBytes(analysis, r, rankSequences)
  );
}

/** Memory of one GPU of a stage while its data-parallel rank holds `rankSequences` sequences. */
function stageMemory(analysis: ModelAnalysis, r: ResolvedRequest, stage: StageShard, rankSequences: number) {
  const weights = stageWeightsBytes(analysis, r, stage);
  const perSequence = stageKvCacheBytesPerSequence(analysis, r, stage, r.inputTokens + r.outputTokens);
  const kvCache = rankSequences * perSequence;
  const activations = activationsBytes(analysis, r, stage, rankSequences);
  const overhead = fixedOverheadBytes(r);
  return {
    weights,
    perSequence,
    kvCache,
    activations,
    overhead,
    total: weights + kvCache + activations + overhead,
  };
}

/** Everything the most loaded GPU holds: the pipeline stage with the largest total, on the rank with the most sequences. */
export function memoryBreakdown(analysis: ModelAnalysis, r: ResolvedRequest): MemoryBreakdown {
  const rankSequences = sequencesPerRank(r.batchSize, r.sharding);
  let most = stageMemory(analysis, r, r.sharding.stages[0] as StageShard, rankSequences);
  for (const stage of r.sharding.stages.slice(1)) {
    const m = stageMemory(analysis, r, stage, rankSequences);
    if (m.total > most.total) most = m;
  }
  const sequenceTokens = r.inputTokens + r.outputTokens;
  const tokensPerSequence = cachedTokens(analysis, sequenceTokens);
  const capacity = usableCapacityBytes(r);
  return {
    weightsBytes: most.weights,
    kvCacheBytes: most.kvCache,
    activationsBytes: most.activations,
    overheadBytes: most.overhead,
    totalBytes: most.total,
    capacityBytes: capacity,
    freeBytes: capacity - most.total,
    fits: most.total <= capacity,
    kvCacheTokensPerSequence: tokensPerSequence,
    kvCacheBytesPerTokenPerGpu: most.perSequence / tokensPerSequence,
    largestStepTokens: largestStepTokens(r, rankSequences),
  };
}

/**
 * Memory of every GPU together: each stage's GPUs (tensor x data of them, each rank holding its
 * share of the sequences) summed over the stages. Bytes.
 */
export function memoryAcrossGpus(analysis: ModelAnalysis, r: ResolvedRequest): number {
  const { tensor, data } = r.sharding.parallelism;
  const rankSequences = r.batchSize / data;
  let total = 0;
  for (const stage of r.sharding.stages) {
    total += stage.count * tensor * data * stageMemory(analysis, r, stage, rankSequences).total;
  }
  return total;
}

/**
 * Longest sequence (prompt + output) whose cache fits beside the weights, the activations of the
 * request's largest step and the runtime overhead, at the request's batch size, on every stage.
 * One global group: floor((capacity - weights - activations - overhead) / (sequences per rank x KV
 * bytes per token)); windowed groups stop growing at their cap.
 */
export function maxContextLength(analysis: ModelAnalysis, r: ResolvedRequest): ContextLimit {
  const rankSequences = sequencesPerRank(r.batchSize, r.sharding);
  const contextWindow = analysis.model.contextWindow;
  let memoryTokens: number | null = null;
  for (const stage of r.sharding.stages) {
    const fixed =
      stageWeightsBytes(analysis, r, stage) +
      activationsBytes(analysis, r, stage, rankSequences) +
      fixedOverheadBytes(r);
    const room = usableCapacityBytes(r) - fixed;
    if (room < 0) return { tokens: 0, limitedBy: 'WEIGHTS_DO_NOT_FIT', memoryLimitTokens: 0 };
    const tokens = longestSequenceFitting(analysis, r, stage, rankSequences, room);
    if (tokens !== null) memoryTokens = memoryTokens === null ? tokens : Math.min(memoryTokens, tokens);
  }
  if (memoryTokens === null) {
    // The cache never grows past the longest window, so memory cannot bind.
    return { tokens: contextWindow, limitedBy: 'CONTEXT_WINDOW', memoryLimitTokens: null };
  }
  if (memoryTokens >= contextWindow) {
    return { tokens: contextWindow, limitedBy: 'CONTEXT_WINDOW', memoryLimitTokens: memoryTokens };
  }
  return { tokens: memoryTokens, limitedBy: 'MEMORY', memoryLimitTokens: memoryTokens };
}

/** Most sequences one data-parallel rank of a stage holds; closed form per regime of the largest step. */
function stageMaxSequences(
  analysis: ModelAnalysis,
  r: ResolvedRequest,
  stage: StageShard,
  contextTokens: number,
): number {
  const room = usableCapacityBytes(r) - stageWeightsBytes(analysis, r, stage) - fixedOverheadBytes(r);
  const perStepToken = activationBytesPerStepToken(analysis, r);
  const perSequence =
    stageKvCacheBytesPerSequence(analysis, r, stage, contextTokens) +
    logitsBytesPerSequence(analysis, r, stage);
  const prompt = r.inputTokens;
  const chunk = r.memory.maxBatchedTokens;
  // Whole prompts set the step up to this batch; an engine reserving a full step never has that regime.
  const wholePromptsUpTo = r.memory.reservesFullStep ? 0 : Math.floor(chunk / prompt);
  const candidates = [
    // whole prompts in one step: step tokens = batch * prompt
    { b: Math.floor(room / (perSequence + prompt * perStepToken)), lo: 1, hi: wholePromptsUpTo },
    // chunked prefill: step tokens = chunk
    {
      b: Math.floor((room - chunk * perStepToken) / perSequence),
      lo: wholePromptsUpTo + 1,
      hi: chunk,
    },
    // decode step larger than the chunk: step tokens = batch
    { b: Math.floor(room / (perSequence + perStepToken)), lo: chunk + 1, hi: Number.POSITIVE_INFINITY },
  ];
  let best = 0;
  for (const { b, lo, hi } of candidates) {
    if (b >= lo) best = Math.max(best, Math.min(b, hi));
  }
  return best;
}

/**
 * Most sequences of `contextTokens` tokens (prompt + output) that fit across the estimate, the
 * prompt being the request's inputTokens: the tightest stage's sequences per data-parallel rank
 * times the ranks. Closed form per regime of the largest step (see largestStepTokens): activations
 * are linear in the batch within each regime.
 */
export function maxBatchSize(analysis: ModelAnalysis, r: ResolvedRequest, contextTokens: number): BatchLimit {
  if (contextTokens > analysis.model.contextWindow) return { batchSize: 0, limitedBy: 'CONTEXT_WINDOW' };
  let perRank = Number.POSITIVE_INFINITY;
  let weightsFit = true;
  for (const stage of r.sharding.stages) {
    perRank = Math.min(perRank, stageMaxSequences(analysis, r, stage, contextTokens));
    const room = usableCapacityBytes(r) - stageWeightsBytes(analysis, r, stage) - fixedOverheadBytes(r);
    if (room - activationsBytes(analysis, r, stage, 1) <= 0) weightsFit = false;
  }
  const best = perRank * r.sharding.parallelism.data;
  const max = LIMITS.batchSize.max;
  if (best >= max) return { batchSize: max, limitedBy: 'BATCH_LIMIT' };
  if (best === 0) return { batchSize: 0, limitedBy: weightsFit ? 'MEMORY' : 'WEIGHTS_DO_NOT_FIT' };
  return { batchSize: best, limitedBy: 'MEMORY' };
}
