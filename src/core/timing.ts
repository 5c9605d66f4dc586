import { distinctExpertsTouched, type ModelAnalysis } from './model.js';
import type { ResolvedRequest } from './resolve.js';
import { type Bound, type OperatorCost, type Step, stepOperators } from './roofline.js';

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
  /** Decode steps the generation takes after the first token (at least 1 so TPOT is always defined). */
  decodeSteps: number;
  /** Mean tokens one decode step attends to (capped by the sliding window). */
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
 * Prefill, decode and the request totals. The decode step's cost is linear in the context it
 * attends to (attention operators carry only context-proportional FLOPs and bytes), so the
 * step at the mean context is exactly the mean step: no per-token loop.
 */
export function estimateTiming(analysis: ModelAnalysis, r: ResolvedRequest): Timing {
  const { batchSize: b, inputTokens: n, outputTokens, tuning } = r;
  const m = analysis.model;
  const window = m.slidingWindow;

  const prefillTokens = b * n;
  const prefillStep: Step = {
    tokens: prefillTokens,
    sequences: b,
    attentionPairs: b * attendedTokens(0, n, window),
    kvTokensRead: prefillTokens,
    distinctExperts: distinctExpertsTouched(m.experts, m.expertsPerToken, prefillTokens),
  };
  const prefill = phase(
    stepOperators(analysis, r, prefillStep, {
      compute: tuning.prefillComputeEfficiency,
      bandwidth: tuning.prefillBandwidthEfficiency,
    }),
    tuning.perRequestOverheadSeconds,
  );

  const decodeSteps = Math.max(outputTokens - 1, 1);
  const meanContext = attendedTokens(n, decodeSteps, window) / decodeSteps;
  const decodeStep: Step = {
    tokens: b,
    sequences: b,
    attentionPairs: b * meanContext,
    kvTokensRead: b * meanContext,
    distinctExperts: distinctExpertsTouched(m.experts, m.expertsPerToken, b),
  };
  const decode = phase(
    stepOperators(analysis, r, decodeStep, {
      compute: tuning.decodeComputeEfficiency,
      bandwidth: tuning.decodeBandwidthEfficiency,
    }),
    tuning.perStepOverheadSeconds,
  );

  const ttft = prefill.seconds;
  const tpot = decode.seconds;
  const total = ttft + (outputTokens - 1) * tpot;
  return {
    prefill,
    decode,
    decodeSteps,
    meanDecodeContextTokens: meanContext,
    timeToFirstTokenSeconds: ttft,
    timePerOutputTokenSeconds: tpot,
    totalSeconds: total,
    outputTokensPerSecond: (b * outputTokens) / total,
    attentionShare: {
      prefillTimeRatio: ratio(prefill.operators, (op) => op.seconds),
      prefillFlopsRatio: ratio(prefill.operators, (op) => op.flops),
      decodeTimeRatio: ratio(decode.operators, (op) => op.seconds),
    },
  };
}
