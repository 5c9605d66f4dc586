import { distinctExpertsTouched, type ModelAnalysis } from './model.js';
import type { AttentionSpan } from './model-spec.js';
import type { ResolvedRequest } from './resolve.js';
import { type Bound, type GroupStep, type OperatorCost, type Step, stepOperators } from './roofline.js';

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
 * The cost of one engine step on the most loaded GPU: every operator at the phase's efficiencies
 * plus a fixed overhead. The one entry point for step costs (the estimate's phases and serving's
 * mixed steps both come through here), so anything a step pays for lives in one place.
 */
export function stepCost(
  analysis: ModelAnalysis,
  r: ResolvedRequest,
  step: Step,
  stepPhase: StepPhase,
  overheadSeconds: number,
): PhaseCost {
  const t = r.tuning;
  const efficiency =
    stepPhase === 'PREFILL'
      ? { compute: t.prefillComputeEfficiency, bandwidth: t.prefillBandwidthEfficiency }
      : { compute: t.decodeComputeEfficiency, bandwidth: t.decodeBandwidthEfficiency };
  return phase(stepOperators(analysis, r, step, efficiency), overheadSeconds);
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
  const groups = analysis.groups;

  const prefillTokens = b * n;
  const prefillStep: Step = {
    tokens: prefillTokens,
    sequences: b,
    groups: groups.map(
      (g): GroupStep => ({
        attentionPairs: b * attendedTokensInSpan(0, n, g.group.attention.span),
        kvTokensRead: prefillTokens,
        distinctExperts: distinctExpertsTouched(g.experts, g.expertsPerToken, prefillTokens),
      }),
    ),
    mlaForm: 'EXPANDED',
  };
  const prefill = stepCost(analysis, r, prefillStep, 'PREFILL', tuning.perRequestOverheadSeconds);

  const decodeSteps = Math.max(outputTokens - 1, 1);
  let meanContext = 0;
  const decodeGroups = groups.map((g): GroupStep => {
    const context = attendedTokensInSpan(n, decodeSteps, g.group.attention.span) / decodeSteps;
    meanContext = Math.max(meanContext, context);
    return {
      attentionPairs: b * context,
      kvTokensRead: b * context,
      distinctExperts: distinctExpertsTouched(g.experts, g.expertsPerToken, b),
    };
  });
  const decodeStep: Step = { tokens: b, sequences: b, groups: decodeGroups, mlaForm: 'ABSORBED' };
  const decode = stepCost(analysis, r, decodeStep, 'DECODE', tuning.perStepOverheadSeconds);

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
