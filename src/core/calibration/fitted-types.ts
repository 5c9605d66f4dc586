import type { EngineProfile, GpuGeneration, Tuning } from '../types.js';

/** Metrics whose calibration spread gives a low-high range. */
export type RangedMetric =
  | 'TIME_TO_FIRST_TOKEN'
  | 'TIME_PER_OUTPUT_TOKEN'
  | 'TOTAL'
  | 'OUTPUT_TOKENS_PER_SECOND'
  | 'MEMORY';

/** Which held-out cases a range's spread comes from, narrowest first (see rangeSpreads). */
export type RangeBasis = 'PROFILE_METRIC' | 'METRIC' | 'POOLED_TIMING';

/** Low and high percentile (RANGE_PERCENTILES) of measured / predicted over held-out calibration cases. */
export interface RatioSpread {
  low: number;
  high: number;
  cases: number;
  basis: RangeBasis;
}

/** Which memory cases a profile's engine buffers were fitted on (see fitMemory). */
export type MemoryFitBasis = 'PROFILE' | 'NONE';

/** What an engine holds beyond weights, KV cache, activations and the runtime overhead, fitted on memory cases. */
export interface FittedMemory {
  /** Tensors the engine allocates whatever the request, per GPU, bytes. */
  engineBuffersBytes: number;
  basis: MemoryFitBasis;
  /** Memory cases (and their sources) the fit used. */
  cases: number;
  sources: number;
}

export interface FittedProfile {
  tuning: Tuning;
  /** Generation-specific replacements where the data supports a separate fit. */
  byGeneration: Partial<Record<GpuGeneration, Partial<Tuning>>>;
  ranges: Partial<Record<RangedMetric, RatioSpread>>;
  memory: FittedMemory;
  /** Calibration cases the fit used. */
  cases: number;
}

export type FittedCalibration = Record<Exclude<EngineProfile, 'IDEAL'>, FittedProfile>;
