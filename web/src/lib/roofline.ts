/**
 * Geometry of the roofline chart: each operator sits at its arithmetic intensity (FLOPs per byte
 * moved) and the rate it achieves (FLOPs over its modelled time); the roof is
 * min(peak FLOP/s, bandwidth x intensity). Both come straight from the API's per-operator numbers.
 */

export type Phase = 'prefill' | 'decode';

export interface OperatorCost {
  name: string;
  flops: number;
  bytes: number;
  seconds: number;
  bound: string;
}

export interface RooflinePoint {
  phase: Phase;
  name: string;
  /** FLOPs per byte moved. */
  intensity: number;
  /** FLOPs over the operator's time, FLOP/s. */
  flopsPerSecond: number;
  bound: string;
  seconds: number;
}

/**
 * Operators that can sit on a log-log roofline. Those with no FLOPs (embedding lookup), no bytes or
 * no time (all-reduce, measured on the interconnect instead) have no place there and are left out.
 */
export function rooflinePoints(phase: Phase, operators: readonly OperatorCost[]): RooflinePoint[] {
  return operators
    .filter((op) => op.flops > 0 && op.bytes > 0 && op.seconds > 0)
    .map((op) => ({
      phase,
      name: op.name,
      intensity: op.flops / op.bytes,
      flopsPerSecond: op.flops / op.seconds,
      bound: op.bound,
      seconds: op.seconds,
    }));
}

/** The intensity where the bandwidth slope meets the compute roof, FLOPs per byte. */
export function ridgeIntensity(peakFlopsPerSecond: number, bytesPerSecond: number): number {
  return peakFlopsPerSecond / bytesPerSecond;
}

/** The roof as a polyline over [from, to] FLOPs per byte: the slope, the ridge, the flat peak. */
export function roofPolyline(
  peakFlopsPerSecond: number,
  bytesPerSecond: number,
  from: number,
  to: number,
): { intensity: number; flopsPerSecond: number }[] {
  const ridge = ridgeIntensity(peakFlopsPerSecond, bytesPerSecond);
  const at = (intensity: number) => ({
    intensity,
    flopsPerSecond: Math.min(peakFlopsPerSecond, bytesPerSecond * intensity),
  });
  const inside = ridge > from && ridge < to ? [at(ridge)] : [];
  return [at(from), ...inside, at(to)];
}

/** A log-scale domain covering every value, widened to whole powers of ten. */
export function decadeDomain(values: readonly number[]): [number, number] {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  if (positive.length === 0) return [1, 10];
  const low = 10 ** Math.floor(Math.log10(Math.min(...positive)));
  const high = 10 ** Math.ceil(Math.log10(Math.max(...positive)));
  return [low, high === low ? low * 10 : high];
}

export interface PointLabel {
  intensity: number;
  flopsPerSecond: number;
  /** The names of the operators at this spot (of either phase), lower-case, each once. */
  text: string;
  /** Order of the label, left to right (alternate labels go above and below). */
  rank: number;
}

/** Points closer than this in both log10 axes share one label (a quarter of a decade is about 1.8x). */
const SAME_SPOT_DECADES = 0.25;

const near = (a: RooflinePoint, b: RooflinePoint) =>
  Math.abs(Math.log10(a.intensity / b.intensity)) < SAME_SPOT_DECADES &&
  Math.abs(Math.log10(a.flopsPerSecond / b.flopsPerSecond)) < SAME_SPOT_DECADES;

/**
 * One label per cluster of nearby operators, so the chart's labels do not overprint: a prefill and
 * a decode operator at one spot (the norms, say) share a label; the symbols tell the phases apart.
 */
export function pointLabels(points: readonly RooflinePoint[]): PointLabel[] {
  const clusters: RooflinePoint[][] = [];
  for (const point of [...points].sort((a, b) => a.intensity - b.intensity)) {
    const cluster = clusters.find((members) => members.some((other) => near(point, other)));
    if (cluster) cluster.push(point);
    else clusters.push([point]);
  }
  return clusters.map((cluster, rank) => ({
    intensity: cluster[0].intensity,
    flopsPerSecond: cluster[0].flopsPerSecond,
    text: [...new Set(cluster.map((p) => p.name.toLowerCase().replaceAll('_', ' ')))].join(', '),
    rank,
  }));
}
