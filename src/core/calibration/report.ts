import type { EngineProfile } from '../types.js';
import type { CalibrationCase, CalibrationMetric } from './cases.js';
import { CasePredictor, percentile } from './evaluate.js';
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
];
