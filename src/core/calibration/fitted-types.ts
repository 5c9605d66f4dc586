import type { EngineProfile, GpuGeneration, Tuning } from '../types.js';

/** Metrics whose calibration spread gives a low-high range. */
export type RangedMetric =
  | 'TIME_TO_FIRST_TOKEN'
  | 'TIME_PER_OUTPUT_TOKEN'
  | 'TOTAL'
  | 'OUTPUT_TOKENS_PER_SECOND'
  | 'MEMORY';

/** 10th and 90th percentile of measured / predicted over a profile's calibration cases. */
export interface RatioSpread {
  p10: number;
  p90: number;
  cases: number;
}

export interface FittedProfile {
  tuning: Tuning;
  /** Generation-specific replacements where the data supports a separate fit. */
  byGeneration: Partial<Record<GpuGeneration, Partial<Tuning>>>;
  ranges: Partial<Record<RangedMetric, RatioSpread>>;
  /** Calibration cases the fit used. */
  cases: number;
}

export type FittedCalibration = Record<Exclude<EngineProfile, 'IDEAL'>, FittedProfile>;
