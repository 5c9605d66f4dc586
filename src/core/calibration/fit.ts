/**
 * Fits an engine profile's efficiency factors and fixed overheads to calibration cases by
 * minimising the mean absolute log error (robust: one odd case cannot drag the fit far), with
 * coordinate search over physical ranges: efficiencies in (0, 1], overheads >= 0.
 */
import { findGpu } from '../catalog/index.js';
import type { EngineProfile, GpuGeneration, Tuning } from '../types.js';
import type { CalibrationCase } from './cases.js';
import { CasePredictor, percentile, RANGED_METRIC } from './evaluate.js';
import type { FittedProfile, RangedMetric, RatioSpread } from './fitted-types.js';

type Fitted = Exclude<EngineProfile, 'IDEAL'>;

/** Parameters the fit moves. The bandwidth efficiency is shared by both phases, as is the compute one. */
const FREE_PARAMETERS = [
  'decodeBandwidthEfficiency',
  'weightOnlyBandwidthEfficiency',
  'prefillComputeEfficiency',
  'perStepOverheadSeconds',
  'perRequestOverheadSeconds',
  'allReduceLatencySeconds',
  'allReduceStepBytes',
  'dequantizationOpsPerWeight',
] as const;
type FreeParameter = (typeof FREE_PARAMETERS)[number];

/** Parameters a GPU generation with enough cases gets its own values of. */
const GENERATION_PARAMETERS = [
  'decodeBandwidthEfficiency',
  'weightOnlyBandwidthEfficiency',
  'prefillComputeEfficiency',
] as const satisfies readonly FreeParameter[];

/** Where a parameter rests when the data says nothing about it (e.g. all-reduce latency without TP cases). */
const PRIOR: Tuning = {
  prefillComputeEfficiency: 0.6,
  prefillBandwidthEfficiency: 0.75,
  decodeComputeEfficiency: 0.6,
  decodeBandwidthEfficiency: 0.75,
  weightOnlyBandwidthEfficiency: 0.75,
  perRequestOverheadSeconds: 0,
  perStepOverheadSeconds: 0,
  allReduceLatencySeconds: 10e-6,
  allReduceStepBytes: 0,
  dequantizationOpsPerWeight: 0,
};

const EFFICIENCY_GRID = Array.from({ length: 100 }, (_, i) => (i + 1) / 100);
/** 0, then 1 microsecond to 0.1 s in 10 steps per decade. */
const OVERHEAD_GRID = [0, ...Array.from({ length: 51 }, (_, i) => 1e-6 * 10 ** (i / 10))];

/** Generations with at least this many cases in a profile get their own efficiencies. */
export const MIN_CASES_PER_GENERATION = 5;

const QUALITY_WEIGHT = { A: 1, B: 1, C: 0.5 } as const;

/** 0 to 40 vector operations per unpacked weight. */
const DEQUANTIZATION_GRID = Array.from({ length: 81 }, (_, i) => i / 2);

/** 0, then 256 bytes to 1 MiB in powers of two. */
const STEP_BYTES_GRID = [0, ...Array.from({ length: 13 }, (_, i) => 256 * 2 ** i)];

function gridFor(parameter: FreeParameter): number[] {
  if (parameter === 'dequantizationOpsPerWeight') return DEQUANTIZATION_GRID;
  if (parameter === 'allReduceStepBytes') return STEP_BYTES_GRID;
  return parameter.endsWith('Efficiency') ? EFFICIENCY_GRID : OVERHEAD_GRID;
}

function withTiedParameters(t: Tuning): Tuning {
  return {
    ...t,
    prefillBandwidthEfficiency: t.decodeBandwidthEfficiency,
    decodeComputeEfficiency: t.prefillComputeEfficiency,
  };
}

export function caseGeneration(c: CalibrationCase): GpuGeneration {
  return typeof c.gpu === 'string' ? (findGpu(c.gpu)?.generation ?? 'CUSTOM') : c.gpu.generation;
}

/** Memory cases do not depend on tuning; they take no part in timing fits. */
export function isTimingCase(c: CalibrationCase): boolean {
  return c.metric !== 'MEMORY_BYTES';
}

/**
 * Each case weighs by its quality grade divided by its source's case count: every source gets one
 * vote, so one source with many rows (gpt-fast's 25, all on power-capped A100s) does not set the
 * profile for every other engine and GPU.
 */
function caseWeights(cases: readonly CalibrationCase[]): number[] {
  const perSource = new Map<string, number>();
  for (const c of cases) perSource.set(c.source, (perSource.get(c.source) ?? 0) + 1);
  return cases.map((c) => QUALITY_WEIGHT[c.quality] / (perSource.get(c.source) ?? 1));
}

class Objective {
  readonly #predictor = new CasePredictor();
  readonly #weights: number[];
  constructor(
    readonly cases: readonly CalibrationCase[],
    readonly engine: Fitted,
  ) {
    this.#weights = caseWeights(cases);
  }

  loss(tuningFor: (c: CalibrationCase) => Tuning): number {
    let sum = 0;
    for (let i = 0; i < this.cases.length; i++) {
      const c = this.cases[i];
      const predicted = this.#predictor.predict(c, this.engine, tuningFor(c));
      sum += this.#weights[i] * Math.abs(Math.log(predicted / c.measured));
    }
    return sum;
  }
}

/** Coordinate search from `start`; ties go to the value nearest the prior. */
function coordinateSearch(
  objective: Objective,
  start: Tuning,
  parameters: readonly FreeParameter[],
  tuningFor: (candidate: Tuning, c: CalibrationCase) => Tuning,
): Tuning {
  let best = withTiedParameters(start);
  for (let sweep = 0; sweep < 6; sweep++) {
    let moved = false;
    for (const parameter of parameters) {
      let bestValue = best[parameter];
      let bestLoss = objective.loss((c) => tuningFor(best, c));
      for (const value of gridFor(parameter)) {
        const candidate = withTiedParameters({ ...best, [parameter]: value });
        const loss = objective.loss((c) => tuningFor(candidate, c));
        const tie = Math.abs(loss - bestLoss) < 1e-12;
        const closer = Math.abs(value - PRIOR[parameter]) < Math.abs(bestValue - PRIOR[parameter]);
        if (loss < bestLoss - 1e-12 || (tie && closer)) {
          bestLoss = loss;
          bestValue = value;
        }
      }
      if (bestValue !== best[parameter]) moved = true;
      best = withTiedParameters({ ...best, [parameter]: bestValue });
    }
    if (!moved) break;
  }
  return best;
}

export interface ProfileFit {
  tuning: Tuning;
  byGeneration: Partial<Record<GpuGeneration, Partial<Tuning>>>;
}

export function tuningOf(fit: ProfileFit, generation: GpuGeneration): Tuning {
  const specific = fit.byGeneration[generation];
  return specific ? withTiedParameters({ ...fit.tuning, ...specific }) : fit.tuning;
}

/** Profiles with fewer timing cases than this keep `base`'s efficiencies and fit only their fixed overheads. */
export const MIN_CASES_FOR_EFFICIENCIES = 5;

/**
 * Global fit, then per-generation efficiencies where a generation has enough cases. A profile
 * with few cases (HF transformers) cannot tell slow kernels from per-token Python overhead, so it
 * keeps `base`'s efficiencies (the optimised engines' fit) and fits only the overheads.
 */
export function fitProfile(
  cases: readonly CalibrationCase[],
  engine: Fitted,
  base: Tuning = PRIOR,
): ProfileFit {
  const timing = cases.filter((c) => c.engine === engine && isTimingCase(c));
  if (timing.length === 0) return { tuning: withTiedParameters(base), byGeneration: {} };
  const objective = new Objective(timing, engine);
  if (timing.length < MIN_CASES_FOR_EFFICIENCIES) {
    const overheads = ['perStepOverheadSeconds', 'perRequestOverheadSeconds'] as const;
    return { tuning: coordinateSearch(objective, base, overheads, (t) => t), byGeneration: {} };
  }
  const tuning = coordinateSearch(objective, PRIOR, FREE_PARAMETERS, (t) => t);

  const byGeneration: ProfileFit['byGeneration'] = {};
  const generations = new Map<GpuGeneration, CalibrationCase[]>();
  for (const c of timing) {
    const g = caseGeneration(c);
    generations.set(g, [...(generations.get(g) ?? []), c]);
  }
  if (generations.size > 1) {
    for (const [generation, own] of generations) {
      if (own.length < MIN_CASES_PER_GENERATION || generation === 'CUSTOM') continue;
      const specific = coordinateSearch(new Objective(own, engine), tuning, GENERATION_PARAMETERS, (t) => t);
      if (GENERATION_PARAMETERS.every((key) => specific[key] === tuning[key])) continue;
      byGeneration[generation] = Object.fromEntries(GENERATION_PARAMETERS.map((key) => [key, specific[key]]));
    }
  }
  return { tuning, byGeneration };
}

/** A case's measured / predicted ratio and signed error under a fit. */
export interface CaseResult {
  case: CalibrationCase;
  predicted: number;
  /** (predicted - measured) / measured */
  error: number;
}

export function evaluateFit(
  cases: readonly CalibrationCase[],
  engine: Fitted,
  fit: ProfileFit,
): CaseResult[] {
  const predictor = new CasePredictor();
  return cases
    .filter((c) => c.engine === engine)
    .map((c) => {
      const predicted = predictor.predict(c, engine, tuningOf(fit, caseGeneration(c)));
      return { case: c, predicted, error: (predicted - c.measured) / c.measured };
    });
}

/** Stable fold of a case id (FNV-1a), so folds do not change between runs. */
export function foldOf(id: string, folds: number): number {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  // All cases of one measurement share a fold, so a held-out measurement is wholly unseen.
  return hash % folds;
}

function measurementId(c: CalibrationCase): string {
  return c.id.split('/')[0];
}

/** k-fold cross-validation: each case predicted by a fit that never saw its measurement. */
export function crossValidate(
  cases: readonly CalibrationCase[],
  engine: Fitted,
  folds = 4,
  base: Tuning = PRIOR,
): CaseResult[] {
  const own = cases.filter((c) => c.engine === engine);
  const results: CaseResult[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const heldOut = own.filter((c) => foldOf(measurementId(c), folds) === fold);
    if (heldOut.length === 0) continue;
    const fit = fitProfile(
      own.filter((c) => foldOf(measurementId(c), folds) !== fold),
      engine,
      base,
    );
    results.push(...evaluateFit(heldOut, engine, fit));
  }
  return results;
}

/** Fewest cases a metric needs for its own range; below it, the profile's pooled timing spread is used. */
export const MIN_CASES_PER_RANGE = 5;

function spread(ratios: number[]): RatioSpread {
  return { p10: percentile(ratios, 0.1), p90: percentile(ratios, 0.9), cases: ratios.length };
}

/**
 * 10th-90th percentile of measured / predicted per metric, from held-out predictions. Metrics with
 * few cases borrow the pooled spread of all timing cases (times as measured/predicted, throughput
 * inverted, since a time over-estimate is a throughput under-estimate).
 */
export function ratioSpreads(results: readonly CaseResult[]): FittedProfile['ranges'] {
  const ranges: FittedProfile['ranges'] = {};
  const byMetric = new Map<RangedMetric, number[]>();
  const pooledTime: number[] = [];
  for (const r of results) {
    const ratio = r.case.measured / r.predicted;
    const metric = RANGED_METRIC[r.case.metric];
    byMetric.set(metric, [...(byMetric.get(metric) ?? []), ratio]);
    if (metric === 'MEMORY') continue;
    pooledTime.push(metric === 'OUTPUT_TOKENS_PER_SECOND' ? 1 / ratio : ratio);
  }
  for (const metric of [
    'TIME_TO_FIRST_TOKEN',
    'TIME_PER_OUTPUT_TOKEN',
    'TOTAL',
    'OUTPUT_TOKENS_PER_SECOND',
  ] as const) {
    const own = byMetric.get(metric) ?? [];
    if (own.length >= MIN_CASES_PER_RANGE) ranges[metric] = spread(own);
    else if (pooledTime.length >= MIN_CASES_PER_RANGE) {
      const pooled = metric === 'OUTPUT_TOKENS_PER_SECOND' ? pooledTime.map((x) => 1 / x) : pooledTime;
      ranges[metric] = spread(pooled);
    }
  }
  const memory = byMetric.get('MEMORY') ?? [];
  if (memory.length >= MIN_CASES_PER_RANGE) ranges.MEMORY = spread(memory);
  return ranges;
}
