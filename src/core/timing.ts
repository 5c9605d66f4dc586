import { analyzeModel, distinctExpertsTouched, type ModelAnalysis } from './model.js';
import type { AttentionSpan } from './model-spec.js';
import type { ResolvedRequest } from './resolve.js';
import { type Bound, type GroupStep, type OperatorCost, type Step, stepOperators } from './roofline.js';
import { sequencesPerRank } from './sharding.js';

export interface PhaseCost {
  /** Prefill: the whole prompt. Decode: the mean step over the generation. Operators plus fixed overhead, s. */
  seconds: number;
  flops: number;
  bytes: number;
  /** What most of the phase's time is spent on. */
  bound: Bound;
  /** Fixed overhead included in seconds (per request for prefill, per step for decode), s. */
  overheadSeconds: number;
  operators: OperatorCost[];
}

export interface AttentionShare {
  /** Prefill: attention-score operators' time / all other operators' time. */
  prefillTimeRatio: number;
  /** Prefill: attention-score FLOPs / all other FLOPs. */
  prefillFlopsRatio: number;
  /** Decode (mean step): attention-score operators' time / all other operators' time. */
  decodeTimeRatio: number;
}

export interface Timing {
  prefill: PhaseCost;
  decode: PhaseCost;
  /** Prefill chunks of at most maxBatchedTokens tokens the prompts are processed in, one after another. */
  prefillChunks: number;
  /** Decode steps the generation takes after the first token (at least 1 so TPOT is always defined). */
  decodeSteps: number;
  /** Mean tokens one decode step attends to in the layers that attend to the most (capped by their window). */
  meanDecodeContextTokens: number;
  timeToFirstTokenSeconds: number;
  timePerOutputTokenSeconds: number;
  totalSeconds: number;
  outputTokensPerSecond: number;
  attentionShare: AttentionShare;
}

/** Sum of min(i, window) for i = from+1 .. from+count: tokens attended over `count` consecutive positions. */
export function attendedTokens(from: number, count: number, window: number | null): number {
  const arithmetic = (n: number) => n * from + (n * (n + 1)) / 2;
  if (window === null || from + count <= window) return arithmetic(count);
  if (from >= window) return count * window;
  const below = window - from;
  return arithmetic(below) + (count - below) * window;
}

/** Sum over i = 1..n of ((i - 1) mod chunk) + 1: tokens attended over the first n positions with chunked attention. */
function chunkedPrefix(n: number, chunk: number): number {
  const full = Math.floor(n / chunk);
  const rest = n - full * chunk;
  return (full * chunk * (chunk + 1)) / 2 + (rest * (rest + 1)) / 2;
}

/**
 * Tokens attended over positions from+1 .. from+count under a span: causal (global), the last W
 * (sliding), or the tokens of the same aligned chunk of C (chunked: position i sees ((i-1) mod C) + 1).
 */
export function attendedTokensInSpan(from: number, count: number, span: AttentionSpan): number {
  switch (span.kind) {
    case 'GLOBAL':
      return attendedTokens(from, count, null);
    case 'SLIDING':
      return attendedTokens(from, count, span.tokens);
    case 'CHUNKED':
      return chunkedPrefix(from + count, span.tokens) - chunkedPrefix(from, span.tokens);
  }
}

function phase(operators: OperatorCost[], overheadSeconds: number): PhaseCost {
  let seconds = overheadSeconds;
  let flops = 0;
  let bytes = 0;
  const byBound: Record<Bound, number> = {
    COMPUTE: 0,
    MEMORY: 0,
    INTERCONNECT: 0,
    OVERHEAD: overheadSeconds,
  };
  for (const op of operators) {
    seconds += op.seconds;
    flops += op.flops;
    bytes += op.bytes;
    byBound[op.bound] += op.seconds;
  }
  let bound: Bound = 'MEMORY';
  for (const key of ['COMPUTE', 'INTERCONNECT', 'OVERHEAD'] as const) {
    if (byBound[key] > byBound[bound]) bound = key;
  }
  return { seconds, flops, bytes, bound, overheadSeconds, operators };
}

/** Which calibrated efficiencies a step runs at: prefill's (long matmuls) or decode's (weight streaming). */
export type StepPhase = 'PREFILL' | 'DECODE';

/**
 * How `repeats` steps run through the pipeline stages:
 * - FILL_AND_DRAIN: one after another, once (the chunks of a prefill): the first crosses every
 *   stage, each later one adds the slowest stage's time;
 * - ROUND: as a steady cycle of micro-batches (decode): every micro-batch crosses every stage once
 *   per round, and no stage can do more than its own work, so a round takes the longer of one
 *   crossing and the slowest stage's work for all micro-batches.
 * Without pipeline parallelism both are repeats x the step.
 */
export type Pipelining = 'FILL_AND_DRAIN' | 'ROUND';

/**
 * The cost of `repeats` engine steps of one data-parallel rank, each `step`: every operator at the
 * phase's efficiencies on every kind of pipeline stage, composed as `pipelining` says, plus a fixed
 * overhead. The operators are the busiest stage's (the slowest), over all repeats; the time other
 * stages make it wait is the pipeline_bubble operator. The one entry point for step costs (the
 * estimate's phases and serving's mixed steps both come through here).
 */
export function stepCost(
  analysis: ModelAnalysis,
  r: ResolvedRequest,
  step: Step,
  stepPhase: StepPhase,
  overheadSeconds: number,
  repeats = 1,
  pipelining: Pipelining = 'FILL_AND_DRAIN',
): PhaseCost {
  const t = r.tuning;
  const efficiency =
    stepPhase === 'PREFILL'
      ? { compute: t.prefillComputeEfficiency, bandwidth: t.prefillBandwidthEfficiency }
      : { compute: t.decodeComputeEfficiency, bandwidth: t.decodeBandwidthEfficiency };
  const s = r.sharding;
  let slowest: OperatorCost[] = [];
  let slowestSeconds = -1;
  let crossing = 0;
  for (const stage of s.stages) {
    const ops = stepOperators(analysis, r, step, efficiency, stage);
    let seconds = 0;
    for (const op of ops) seconds += op.seconds;
    crossing += stage.count * seconds;
    if (seconds > slowestSeconds) {
      slowest = ops;
      slowestSeconds = seconds;
    }
  }
  // MoE layers' routing kernels cost a fixed time however small a decode step is.
  if (stepPhase === 'DECODE') overheadSeconds += moeLayerCount(analysis) * t.perMoeLayerOverheadSeconds;
  const operators = repeats === 1 ? slowest : slowest.map((op) => scaled(op, repeats));
  const p = s.parallelism.pipeline;
  if (p > 1) {
    // Activations of one step cross p - 1 stage boundaries, each a point-to-point send.
    const sendBytes = step.tokens * analysis.model.hiddenSize * r.activationBytesPerElement;
    crossing += (p - 1) * (sendBytes / s.pipelineLinkBytesPerSecond + t.allReduceLatencySeconds);
    const busy = repeats * slowestSeconds;
    const span =
      pipelining === 'ROUND' ? Math.max(crossing, busy) : crossing + (repeats - 1) * slowestSeconds;
    operators.push({
      name: 'pipeline_bubble',
      layerGroup: null,
      seconds: span - busy,
      flops: 0,
      bytes: (p - 1) * repeats * sendBytes,
      bound: 'OVERHEAD',
      attention: false,
    });
  }
  return phase(operators, overheadSeconds);
}

function moeLayerCount(analysis: ModelAnalysis): number {
  let layers = 0;
  for (const g of analysis.groups) if (g.experts > 0) layers += g.layers;
  return layers;
}

function scaled(op: OperatorCost, factor: number): OperatorCost {
  return { ...op, seconds: op.seconds * factor, flops: op.flops * factor, bytes: op.bytes * factor };
}

function ratio(operators: OperatorCost[], pick: (op: OperatorCost) => number): number {
  let attention = 0;
  let rest = 0;
  for (const op of operators) {
    if (op.attention) attention += pick(op);
    else rest += pick(op);
  }
  return rest > 0 ? attention / rest : 0;
}

/**
 * The prefill of `sequences` prompts of `promptTokens` tokens, of which the first `cachedTokens` are
 * already cached (a prefix-cache hit: attended to, not recomputed), in chunks of at most
 * maxBatchedTokens tokens, one after another. Every chunk is the mean chunk: the operators' cost is
 * linear in the tokens and attention pairs they carry except for weight reads, which every chunk
 * repeats. The first chunk pays `overheadSeconds`, every later one the per-step overhead.
 */
export function prefillCost(
  analysis: ModelAnalysis,
  r: ResolvedRequest,
  sequences: number,
  promptTokens: number,
  cachedTokens: number,
  overheadSeconds: number,
): PhaseCost & { chunks: number } {
  const computed = promptTokens - cachedTokens;
  const tokens = sequences * computed;
  const chunks = Math.max(1, Math.ceil(tokens / r.memory.maxBatchedTokens));
  const chunkTokens = tokens / chunks;
  const step: Step = {
    tokens: chunkTokens,
    sequences: sequences / chunks,
    groups: analysis.groups.map(
      (g): GroupStep => ({
        attentionPairs:
          (sequences * attendedTokensInSpan(cachedTokens, computed, g.group.attention.span)) / chunks,
        // Each chunk writes its own keys and reads the cached prefix and the earlier chunks: (chunks + 1) / 2 chunks on average.
        kvTokensRead: (chunkTokens * (chunks + 1)) / 2 + (sequences * cachedTokens) / chunks,
        distinctExperts: distinctExpertsTouched(
          g.experts,
          g.expertsPerToken,
          chunkTokens * r.sharding.expertTokenScale,
        ),
      }),
    ),
    mlaForm: 'EXPANDED',
  };
  const overhead = overheadSeconds + (chunks - 1) * r.tuning.perStepOverheadSeconds;
  return { ...stepCost(analysis, r, step, 'PREFILL', overhead, chunks, 'FILL_AND_DRAIN'), chunks };
}

/** Mean tokens one decode step attends to, per layer group, over decodeSteps steps after a prompt of promptTokens. */
export function meanDecodeContext(
  analysis: ModelAnalysis,
  promptTokens: number,
  decodeSteps: number,
): number[] {
  return analysis.groups.map(
    (g) => attendedTokensInSpan(promptTokens, decodeSteps, g.group.attention.span) / decodeSteps,
  );
}

/** A decode step of `sequences` sequences, each adding `tokensPerSequence` tokens at the given mean contexts. */
export function decodeStep(
  analysis: ModelAnalysis,
  r: ResolvedRequest,
  sequences: number,
  contexts: readonly number[],
  tokensPerSequence = 1,
): Step {
  const tokens = sequences * tokensPerSequence;
  return {
    tokens,
    // Every position a step verifies needs its logits.
    sequences: tokens,
    groups: analysis.groups.map((g, gi) => ({
      attentionPairs: tokens * (contexts[gi] as number),
      kvTokensRead: sequences * (contexts[gi] as number),
      distinctExperts: distinctExpertsTouched(
        g.experts,
        g.expertsPerToken,
        tokens * r.sharding.expertTokenScale,
      ),
    })),
    mlaForm: 'ABSORBED',
  };
}

/**
 * One decode round of `sequences` sequences of a data-parallel rank: with pipeline parallelism they
 * run as up to `pipeline` micro-batches (fewer sequences than stages leave stages idle).
 */
export function decodeCost(
  analysis: ModelAnalysis,
  r: ResolvedRequest,
  sequences: number,
  contexts: readonly number[],
  tokensPerSequence = 1,
): PhaseCost {
  const microBatches = Math.max(1, Math.min(r.sharding.parallelism.pipeline, Math.floor(sequences)));
  const step = decodeStep(analysis, r, sequences / microBatches, contexts, tokensPerSequence);
  return stepCost(analysis, r, step, 'DECODE', r.tuning.perStepOverheadSeconds, microBatches, 'ROUND');
}

/**
 * Prefill, decode and the request totals, for the most loaded data-parallel rank (the request's
 * sequences split evenly over the ranks). The decode step's cost is linear in the context it
 * attends to (attention operators carry only context-proportional FLOPs and bytes), so the
 * step at the mean context is exactly the mean step: no per-token loop.
 */
export function estimateTiming(analysis: ModelAnalysis, r: ResolvedRequest): Timing {
  const { inputTokens: n, outputTokens, tuning } = r;
  const b = sequencesPerRank(r.batchSize, r.sharding);
  const prefill = prefillCost(analysis, r, b, n, r.cachedPromptTokens, tuning.perRequestOverheadSeconds);

  const generated = Math.max(outputTokens - 1, 1);
  const accepted = r.speculative?.acceptedTokensPerStep ?? 1;
  const decodeSteps = Math.max(Math.ceil((outputTokens - 1) / accepted), 1);
  const contexts = meanDecodeContext(analysis, n, generated);
  const decode = decodeRoundCost(analysis, r, b, contexts);

  const ttft = prefill.seconds;
  const tpot = decode.seconds / accepted;
  const total = ttft + (outputTokens - 1) * tpot;
  return {
    prefill,
    decode,
    prefillChunks: prefill.chunks,
    decodeSteps,
    meanDecodeContextTokens: Math.max(...contexts),
    timeToFirstTokenSeconds: ttft,
    timePerOutputTokenSeconds: tpot,
    totalSeconds: total,
    outputTokensPerSecond: (r.batchSize * outputTokens) / total,
    attentionShare: {
      prefillTimeRatio: ratio(prefill.operators, (op) => op.seconds),
      prefillFlopsRatio: ratio(prefill.operators, (op) => op.flops),
      decodeTimeRatio: ratio(decode.operators, (op) => op.seconds),
    },
  };
}

/**
 * One decode round of `sequences` sequences: with speculative decoding each verifies draftTokens + 1
 * positions, after the draft model's draftTokens steps of its own (an operator of the round).
 */
export function decodeRoundCost(
  analysis: ModelAnalysis,
  r: ResolvedRequest,
  sequences: number,
  contexts: readonly number[],
): PhaseCost {
  const spec = r.speculative;
  const verify = decodeCost(analysis, r, sequences, contexts, spec ? spec.draftTokens + 1 : 1);
  if (!spec?.draft) return verify;
  const draftR = spec.draft;
  const draftAnalysis = analyzeModel(draftR.model);
  const draftContexts = draftAnalysis.groups.map(() => Math.max(...contexts));
  const draft = decodeCost(draftAnalysis, draftR, sequences, draftContexts);
  const seconds = spec.draftTokens * draft.seconds;
  return phase(
    [
      ...verify.operators,
      {
        name: 'speculative_draft',
        layerGroup: null,
        seconds,
        flops: spec.draftTokens * draft.flops,
        bytes: spec.draftTokens * draft.bytes,
        bound: draft.bound,
        attention: false,
      },
    ],
    verify.overheadSeconds,
  );
}
