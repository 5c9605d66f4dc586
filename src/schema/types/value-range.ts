import type { Estimate, RangedMetric, ValueRange } from '../../core/index.js';
import { builder } from '../builder.js';

/** How every range in the API is made; repeated in each range field's description. */
export const RANGE_METHOD =
  'Low-high range around the prediction: the prediction times the 5th and 95th percentile of measured / predicted over calibration cases held out by source (each predicted by a fit that never saw its publisher), per metric, pooled over engine profiles (and, for a timing metric with few cases, over timing metrics), widened to include the prediction itself. It collapses to the prediction in IDEAL mode.';

export const ValueRangeRef = builder.simpleObject('ValueRange', {
  description: `${RANGE_METHOD} Same unit as the field it accompanies.`,
  fields: (t) => ({
    low: t.float({ description: 'Low end: prediction x min(5th percentile of measured/predicted, 1).' }),
    high: t.float({ description: 'High end: prediction x max(95th percentile of measured/predicted, 1).' }),
  }),
});

/** Options of a `<field>Range` sibling field: the calibrated range around `field`, in `unit`. */
export function rangeFieldOf(field: string, unit: string, metric: RangedMetric) {
  return {
    type: ValueRangeRef,
    description: `Range around ${field}, ${unit}. ${RANGE_METHOD}`,
    resolve: (e: Estimate): ValueRange => e.range(metric),
  };
}
