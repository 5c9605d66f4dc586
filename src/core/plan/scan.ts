/**
 * The concurrency scan of one deployment: the largest concurrency per replica that meets every
 * target, and the serving points a plan reports (powers of two up to it, and it).
 *
 * Two strategies give the same answer when TTFT and TPOT never fall as concurrency rises (true of
 * the serving model: more sequences per step never make a step faster):
 * - search: doubling from 1 until a target breaks or memory runs out, then bisection between the
 *   last good and the first bad concurrency — about 2 log2(maxConcurrency) serving points;
 * - exhaustive: every concurrency from 1 to maxConcurrency — the reference the tests and the
 *   benchmark hold the search to.
 */
import { type Deployment, missedTarget, servingPoint } from './deployment.js';
import type { ServingPoint } from './types.js';

export type MissedTarget = 'TIME_TO_FIRST_TOKEN' | 'TIME_PER_OUTPUT_TOKEN';

export interface ScanResult {
  /** Largest feasible concurrency; 0 when even one sequence misses a target. */
  best: number;
  /** Feasible serving points at 1, 2, 4, ... below best, and at best, ascending. */
  points: ServingPoint[];
  /** What concurrency 1 misses when best is 0; what best + 1 misses when best < maxConcurrency. */
  missed: MissedTarget | null;
  /** The serving point at best + 1 (null when best = maxConcurrency or best = 0). */
  next: ServingPoint | null;
  servingPointsComputed: number;
}

function isPowerOfTwo(n: number): boolean {
  return (n & (n - 1)) === 0;
}

/** A serving point and the target it misses, if any. */
export interface Probe {
  point: ServingPoint;
  missed: MissedTarget | null;
}

export function probe(d: Deployment, concurrency: number, maxConcurrency: number): Probe {
  const point = servingPoint(d, concurrency, maxConcurrency);
  return { point, missed: missedTarget(d.plan, point) };
}

/** The search; probes already made (at 1 and at maxConcurrency, say) are reused, not recomputed. */
export function searchScan(d: Deployment, maxConcurrency: number, known: readonly Probe[] = []): ScanResult {
  let computed = 0;
  const at = (c: number): Probe => {
    const done = known.find((k) => k.point.concurrency === c);
    if (done !== undefined) return done;
    computed++;
    return probe(d, c, maxConcurrency);
  };
  const points: ServingPoint[] = [];
  // Doubling: 1, 2, 4, ... (capped at maxConcurrency) until one misses a target.
  let good = 0;
  let bad = 0;
  let badPoint: Probe | null = null;
  for (let c = 1; ; c = Math.min(2 * c, maxConcurrency)) {
    const probe = at(c);
    if (probe.missed !== null) {
      bad = c;
      badPoint = probe;
      break;
    }
    points.push(probe.point);
    good = c;
    if (c === maxConcurrency) break;
  }
  if (good === 0) {
    return {
      best: 0,
      points: [],
      missed: badPoint?.missed ?? null,
      next: null,
      servingPointsComputed: computed,
    };
  }
  if (bad === 0) {
    return { best: good, points, missed: null, next: null, servingPointsComputed: computed };
  }
  // Bisection: good meets every target, bad misses one.
  let goodPoint = points[points.length - 1];
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    const probe = at(mid);
    if (probe.missed === null) {
      good = mid;
      goodPoint = probe.point;
    } else {
      bad = mid;
      badPoint = probe;
    }
  }
  if (points[points.length - 1].concurrency !== good) points.push(goodPoint);
  return {
    best: good,
    points,
    missed: badPoint?.missed ?? null,
    next: badPoint?.point ?? null,
    servingPointsComputed: computed,
  };
}

export function exhaustiveScan(d: Deployment, maxConcurrency: number): ScanResult {
  const all: ServingPoint[] = [];
  const misses: (MissedTarget | null)[] = [];
  for (let c = 1; c <= maxConcurrency; c++) {
    const point = servingPoint(d, c, maxConcurrency);
    all.push(point);
    misses.push(missedTarget(d.plan, point));
  }
  let best = 0;
  for (let c = maxConcurrency; c >= 1; c--) {
    if (misses[c - 1] === null) {
      best = c;
      break;
    }
  }
  const points = all.filter(
    (p, i) =>
      misses[i] === null && p.concurrency <= best && (isPowerOfTwo(p.concurrency) || p.concurrency === best),
  );
  const computed = maxConcurrency;
  if (best === 0) return { best, points, missed: misses[0], next: null, servingPointsComputed: computed };
  if (best === maxConcurrency)
    return { best, points, missed: null, next: null, servingPointsComputed: computed };
  return { best, points, missed: misses[best], next: all[best], servingPointsComputed: computed };
}
