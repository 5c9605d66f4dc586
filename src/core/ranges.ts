import type { RangedMetric } from './calibration/fitted-types.js';
import { ratioSpread } from './profiles.js';
import type { EngineProfile } from './types.js';

export interface ValueRange {
  low: number;
  high: number;
}

/**
 * A low-high range around a prediction: the prediction times the low and high percentile
 * (RANGE_PERCENTILES, 5th and 95th) of measured / predicted over held-out calibration cases (see
 * rangeSpreads), widened to contain the prediction. Without cases (and in IDEAL mode, a bound by
 * definition) the range collapses to the prediction.
 */
export function rangeAround(engine: EngineProfile, metric: RangedMetric, predicted: number): ValueRange {
  const spread = ratioSpread(engine, metric);
  if (spread === null) return { low: predicted, high: predicted };
  return { low: predicted * Math.min(spread.low, 1), high: predicted * Math.max(spread.high, 1) };
}
