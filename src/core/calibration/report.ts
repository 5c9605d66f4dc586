import type { EngineProfile } from '../types.js';
import type { CalibrationCase, CalibrationMetric } from './cases.js';
import { CasePredictor, isMemoryMetric, percentile } from './evaluate.js';
import type { CaseResult } from './fit.js';

/** Predictions of every case of a profile with the shipped defaults (what a user gets). */
export function predictWithDefaults(cases: readonly CalibrationCase[], engine: EngineProfile): CaseResult[] {
  const predictor = new CasePredictor();
  return cases
    .filter((c) => engine === 'IDEAL' || c.engine === engine)
    .map((c) => {
      const predicted = predictor.predict(c, engine);
      return { case: c, predicted, error: (predicted - c.measured) / c.measured };
    });
}

export interface ErrorSummary {
  metric: CalibrationMetric;
  cases: number;
  /** Median of |predicted - measured| / measured. */
  medianAbsoluteError: number;
  /** 90th percentile of |predicted - measured| / measured. */
  p90AbsoluteError: number;
  /** Largest factor between predicted and measured, max(p/m, m/p). */
  worstFactor: number;
}

export function summarise(results: readonly CaseResult[], metric: CalibrationMetric): ErrorSummary | null {
  const own = results.filter((r) => r.case.metric === metric);
  if (own.length === 0) return null;
  const absolute = own.map((r) => Math.abs(r.error));
  const factors = own.map((r) => Math.max(r.predicted / r.case.measured, r.case.measured / r.predicted));
  return {
    metric,
    cases: own.length,
    medianAbsoluteError: percentile(absolute, 0.5),
    p90AbsoluteError: percentile(absolute, 0.9),
    worstFactor: Math.max(...factors),
  };
}

export const CALIBRATION_METRICS: readonly CalibrationMetric[] = [
  'TPOT_SECONDS',
  'TTFT_SECONDS',
  'TOTAL_SECONDS',
  'OUTPUT_TOKENS_PER_SECOND',
  'MEMORY_BYTES',
  'KV_CACHE_POOL_BYTES',
];

/** Error of one prediction as a factor: |ln(predicted / measured)|, symmetric in over- and under-estimates. */
export function logError(r: CaseResult): number {
  return Math.abs(Math.log(r.predicted / r.case.measured));
}

/** The traits of a case that decide which fitted numbers apply to it. */
function traits(c: CalibrationCase, generation: string): string[] {
  return [
    `${generation} GPUs`,
    `${c.weightFormat === 'BF16' || c.weightFormat === 'FP16' ? '16-bit' : c.weightFormat} weights`,
    c.gpuCount === 1
      ? 'a single GPU'
      : (c.parallelism?.pipeline ?? 1) > 1
        ? 'pipeline parallelism'
        : 'tensor parallelism',
    c.concurrency !== undefined ? 'serving under load' : c.batchSize > 1 ? 'batch > 1' : 'batch 1',
    `${c.metric.replace('_SECONDS', '').replace('OUTPUT_TOKENS_PER_SECOND', 'throughput')} cases`,
  ];
}

/**
 * One line on why a held-out case is off: the direction, and which of its traits no other source of
 * its profile has (the fit had nothing to learn them from), or that every trait was covered and the
 * difference is the source's own setup.
 */
export function heldOutReason(
  r: CaseResult,
  cases: readonly CalibrationCase[],
  generationOf: (c: CalibrationCase) => string,
  sourceOf: (c: CalibrationCase) => string,
): string {
  const c = r.case;
  const slower =
    c.metric === 'OUTPUT_TOKENS_PER_SECOND' ? r.predicted < c.measured : r.predicted > c.measured;
  const direction = isMemoryMetric(c.metric)
    ? r.predicted > c.measured
      ? 'over'
      : 'under'
    : slower
      ? 'slower than'
      : 'faster than';
  const others = cases.filter((o) => o.engine === c.engine && sourceOf(o) !== sourceOf(c));
  const seen = new Set(others.flatMap((o) => traits(o, generationOf(o))));
  const unseen = traits(c, generationOf(c)).filter((t) => !seen.has(t));
  const what =
    c.metric === 'KV_CACHE_POOL_BYTES'
      ? `predicts ${direction} the measured KV cache pool`
      : c.metric === 'MEMORY_BYTES'
        ? `predicts ${direction} the measured memory`
        : `predicts ${direction} measured`;
  return unseen.length > 0
    ? `${what}; no other ${c.engine} source has ${unseen.join(', ')}`
    : `${what}; every trait is covered by other sources, so the gap is this source's setup (${c.engineName})`;
}
