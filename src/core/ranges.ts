import type { RangedMetric } from './calibration/fitted-types.js';
import { ratioSpread } from './profiles.js';
import type { EngineProfile } from './types.js';

export interface ValueRange {
  low: number;
  high: number;
}

/**
 * A low-high range around a prediction: the prediction times the 10th and 90th percentile of
 * measured / predicted over the engine profile's calibration cases. Without enough cases (and
 * in IDEAL mode, a bound by definition) the range collapses to the prediction.
 */
export function rangeAround(engine: EngineProfile, metric: RangedMetric, predicted: number): ValueRange {
  const spread = ratioSpread(engine, metric);
  if (spread === null) return { low: predicted, high: predicted };
  return { low: predicted * Math.min(spread.p10, 1), high: predicted * Math.max(spread.p90, 1) };
}
