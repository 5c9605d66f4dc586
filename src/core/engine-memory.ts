/**
 * Memory as engines hold it, beyond weights and KV cache: how much of the GPU an engine lets itself
 * use, and the transient tensors some engines keep that a fused engine does not (an n x n attention
 * score matrix per layer, logits for every prompt position). Per engine profile, each with its source.
 */
import type { ModelAnalysis } from './model.js';
import type { ResolvedRequest } from './resolve.js';

/**
 * Fixed bytes per GPU beside weights, KV cache and activations: the runtime overhead (CUDA context,
 * library workspaces, allocator slack; 0 where a measurement counts only tensors) plus the engine's
 * own buffers (tensors it allocates whatever the request).
 */
export function fixedOverheadBytes(r: ResolvedRequest): number {
  return r.memory.runtimeOverheadBytes + r.memory.engineBuffersBytes;
}

/** Bytes of one GPU the engine will use: the GPU's memory times the usable fraction. */
export function usableCapacityBytes(r: ResolvedRequest): number {
  return r.gpu.memoryBytes * r.memory.usableMemoryFraction;
}

/**
 * Prefill transients that unfused engines keep for one layer at a time: the attention scores of the
 * largest prefill step (sequences x heads x n x n, n the prompt or chunk length) and, where the engine
 * computes logits for every prompt position, those logits. Zero for fused (flash) attention and
 * last-position logits, the defaults.
 */
export function unfusedPrefillBytes(analysis: ModelAnalysis, r: ResolvedRequest, batchSize: number): number {
  const m = analysis.model;
  const g = r.sharding.parallelism.tensor;
  const stepTokens = Math.min(batchSize * r.inputTokens, r.memory.maxBatchedTokens);
  const sequences = Math.max(1, Math.min(batchSize, Math.floor(stepTokens / r.inputTokens)));
  const queries = stepTokens / sequences;
  const keys = Math.min(r.inputTokens, m.slidingWindow ?? r.inputTokens);
  const scores = sequences * (m.attentionHeads / g) * queries * keys * r.memory.attentionScoreBytes;
  const logits = stepTokens * (m.vocabSize / g) * r.memory.prefillLogitsBytes;
  return scores + logits;
}
