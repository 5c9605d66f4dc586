/** Arguments of Estimate.serving and Estimate.servingCurve, checked with the messages of every other input. */
import { checkInteger, checkRange, EstimateInputError, LIMITS, type ServingArrivals } from '../core/index.js';
import { withCoreInputErrors } from './errors.js';

export interface ServingArgs {
  concurrency?: number | null;
  requestsPerSecond?: number | null;
  arrivals?: ServingArrivals | null;
}

export function servingLoad(args: ServingArgs): {
  concurrency?: number;
  requestsPerSecond?: number;
  arrivals?: ServingArrivals;
} {
  return withCoreInputErrors('serving', () => {
    const { concurrency, requestsPerSecond } = args;
    if (concurrency != null && requestsPerSecond != null) {
      throw new EstimateInputError(
        'requestsPerSecond',
        requestsPerSecond,
        'omitted when concurrency is given (one or the other)',
      );
    }
    if (concurrency != null)
      checkInteger('concurrency', concurrency, LIMITS.batchSize.min, LIMITS.batchSize.max);
    if (requestsPerSecond != null) {
      checkRange(
        'requestsPerSecond',
        requestsPerSecond,
        Number.MIN_VALUE,
        LIMITS.planRequestsPerSecond.max,
        'requests per second',
      );
    }
    return {
      concurrency: concurrency ?? undefined,
      requestsPerSecond: requestsPerSecond ?? undefined,
      arrivals: args.arrivals ?? undefined,
    };
  });
}

export function curvePoints(points: number | null | undefined): number {
  const { min, max } = LIMITS.servingCurvePoints;
  return withCoreInputErrors('servingCurve', () => {
    checkInteger('points', points ?? 16, min, max);
    return points ?? 16;
  });
}
