/**
 * Fits an engine profile's efficiency factors and fixed overheads to calibration cases by
 * minimising the mean absolute log error (robust: one odd case cannot drag the fit far), with
 * coordinate search over physical ranges: efficiencies in (0, 1], overheads >= 0.
 */
import { findGpu } from '../catalog/index.js';
import type { EngineProfile, GpuGeneration, Tuning } from '../types.js';
import type { CalibrationCase } from './cases.js';
import { CasePredictor, isMemoryMetric, isRangedMetric, percentile, RANGED_METRIC } from './evaluate.js';
import type { FittedMemory, FittedProfile, RatioSpread } from './fitted-types.js';
import { engineBuffers, fitMemory } from './memory-fit.js';

type Fitted = Exclude<EngineProfile, 'IDEAL'>;

/** Parameters the fit moves. The bandwidth efficiency is shared by both phases, as is the compute one. */
const FREE_PARAMETERS = [
  'decodeBandwidthEfficiency',
  'weightOnlyBandwidthEfficiency',
  'prefillComputeEfficiency',
  'perStepOverheadSeconds',
  'perMoeLayerOverheadSeconds',
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
  perMoeLayerOverheadSeconds: 0,
  allReduceLatencySeconds: 10e-6,
  allReduceStepBytes: 0,
  dequantizationOpsPerWeight: 0,
};

/**
 * 0.20 to 1.00. The floor keeps the fit physical: without prefill cases in a fold, a decode-only fit
 * could otherwise slow decode by dropping the (tied) compute efficiency to a few percent.
 */
const EFFICIENCY_GRID = Array.from({ length: 81 }, (_, i) => (i + 20) / 100);
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

/** Parameters that follow a free one: prefill bandwidth = decode bandwidth, decode compute = prefill compute. */
const TIED_PARAMETERS = ['prefillBandwidthEfficiency', 'decodeComputeEfficiency'] as const;

function withTiedParameters(t: Tuning, followsBandwidth = false): Tuning {
  return {
    ...t,
    prefillBandwidthEfficiency: t.decodeBandwidthEfficiency,
    decodeComputeEfficiency: t.prefillComputeEfficiency,
    ...(followsBandwidth && { weightOnlyBandwidthEfficiency: t.decodeBandwidthEfficiency }),
  };
}

export function caseGeneration(c: CalibrationCase): GpuGeneration {
  return typeof c.gpu === 'string' ? (findGpu(c.gpu)?.generation ?? 'CUSTOM') : c.gpu.generation;
}

/** Memory cases do not depend on tuning; they take no part in timing fits. */
export function isTimingCase(c: CalibrationCase): boolean {
  return !isMemoryMetric(c.metric);
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

/** Weighted sum of |ln(predicted / measured)|; each case is predicted with its own profile. */
class Objective {
  readonly #predictor = new CasePredictor();
  readonly #weights: number[];
  constructor(readonly cases: readonly CalibrationCase[]) {
    this.#weights = caseWeights(cases);
  }

  loss(tuningFor: (c: CalibrationCase) => Tuning): number {
    let sum = 0;
    for (let i = 0; i < this.cases.length; i++) {
      const c = this.cases[i];
      const predicted = this.#predictor.predict(c, c.engine, tuningFor(c));
      sum += this.#weights[i] * Math.abs(Math.log(predicted / c.measured));
    }
    return sum;
  }
}

/** The weight-only efficiency is fitted only where quantised cases come from at least this many sources. */
export const MIN_SOURCES_FOR_WEIGHT_ONLY = 2;

/**
 * Whether the cases can tell the weight-only efficiency apart: cases from at least
 * MIN_SOURCES_FOR_WEIGHT_ONLY sources respond to it (their weights are unpacked from a weight-only
 * format). It is the figure of one engine's quantised kernels: fitted on one publisher's cases it
 * learns that engine (gpt-fast's torch.compile int8 and int4 on power-capped A100s stream at half
 * the bandwidth MLC's q4f16_1 does on a 4090), so with fewer sources it follows the bandwidth
 * efficiency instead.
 */
function weightOnlyIdentifiable(cases: readonly CalibrationCase[], start: Tuning): boolean {
  const predictor = new CasePredictor();
  const sources = new Set<string>();
  for (const c of cases) {
    const at = (value: number) =>
      predictor.predict(c, c.engine, withTiedParameters({ ...start, weightOnlyBandwidthEfficiency: value }));
    const low = at(0.3);
    if (Math.abs(at(0.9) - low) > 1e-9 * low) sources.add(sourceOf(c));
  }
  return sources.size >= MIN_SOURCES_FOR_WEIGHT_ONLY;
}

/**
 * Coordinate search from `start`; ties go to the value nearest the prior. Each coordinate scans
 * its grid coarsely (every sqrt(n)-th value), then every value around the best coarse one: the
 * loss along one coordinate is close to unimodal, and this is five times fewer evaluations.
 */
function coordinateSearch(
  objective: Objective,
  start: Tuning,
  parameters: readonly FreeParameter[],
  tuningFor: (candidate: Tuning, c: CalibrationCase) => Tuning,
): Tuning {
  // Without weight-only cases from enough sources, quantised weights stream as 16-bit ones do.
  const follows =
    parameters.includes('weightOnlyBandwidthEfficiency') && !weightOnlyIdentifiable(objective.cases, start);
  const free = follows ? parameters.filter((p) => p !== 'weightOnlyBandwidthEfficiency') : parameters;
  const tied = (t: Tuning) => withTiedParameters(t, follows);
  let best = tied(start);
  for (let sweep = 0; sweep < 6; sweep++) {
    let moved = false;
    for (const parameter of free) {
      const grid = gridFor(parameter);
      let bestValue = best[parameter];
      let bestLoss = objective.loss((c) => tuningFor(best, c));
      const consider = (value: number) => {
        const candidate = tied({ ...best, [parameter]: value });
        const loss = objective.loss((c) => tuningFor(candidate, c));
        const tie = Math.abs(loss - bestLoss) < 1e-12;
        const closer = Math.abs(value - PRIOR[parameter]) < Math.abs(bestValue - PRIOR[parameter]);
        if (loss < bestLoss - 1e-12 || (tie && closer)) {
          bestLoss = loss;
          bestValue = value;
        }
      };
      const stride = Math.ceil(Math.sqrt(grid.length));
      for (let i = 0; i < grid.length; i += stride) consider(grid[i]);
      consider(grid[grid.length - 1]);
      const centre = grid.indexOf(bestValue);
      if (centre >= 0) {
        for (let i = Math.max(0, centre - stride + 1); i < Math.min(grid.length, centre + stride); i++) {
          if (i !== centre) consider(grid[i]);
        }
      }
      if (bestValue !== best[parameter]) moved = true;
      best = tied({ ...best, [parameter]: bestValue });
    }
    if (!moved) break;
  }
  return best;
}

export interface ProfileFit {
  tuning: Tuning;
  byGeneration: Partial<Record<GpuGeneration, Partial<Tuning>>>;
  /** Engine buffers fitted on the memory cases (see fitMemory). */
  memory: FittedMemory;
}

export function tuningOf(fit: ProfileFit, generation: GpuGeneration): Tuning {
  const specific = fit.byGeneration[generation];
  return specific ? withTiedParameters({ ...fit.tuning, ...specific }) : fit.tuning;
}

/** Profiles with fewer timing cases than this keep `base`'s efficiencies and fit only their fixed overheads. */
export const MIN_CASES_FOR_EFFICIENCIES = 5;

/**
 * One profile's global tuning. A profile with few cases (HF transformers) cannot tell slow kernels
 * from per-token Python overhead, so it keeps `base`'s efficiencies (the optimised engines' fit) and
 * fits only the overheads.
 */
function fitGlobal(timing: readonly CalibrationCase[], base: Tuning): Tuning {
  if (timing.length === 0) return withTiedParameters(base);
  const objective = new Objective(timing);
  if (timing.length < MIN_CASES_FOR_EFFICIENCIES) {
    const overheads = ['perStepOverheadSeconds', 'perRequestOverheadSeconds'] as const;
    return coordinateSearch(objective, base, overheads, (t) => t);
  }
  return coordinateSearch(objective, PRIOR, FREE_PARAMETERS, (t) => t);
}

/** How a GPU generation's efficiencies differ from a profile's global ones, shared by every profile. */
export interface GenerationFactors {
  bandwidth: number;
  weightOnlyBandwidth: number;
  compute: number;
}

const FACTOR_GRID = Array.from({ length: 81 }, (_, i) => 0.4 + i * 0.02);
const NO_FACTORS: GenerationFactors = { bandwidth: 1, weightOnlyBandwidth: 1, compute: 1 };

/**
 * Ceiling of an efficiency a shared generation factor can produce: a factor learnt from other
 * profiles' cases must not carry a profile past what any engine sustains (about 90% of datasheet
 * bandwidth or tensor throughput); a profile's own cases on that generation can still fit higher.
 */
const SHARED_EFFICIENCY_CEILING = 0.9;

function applyFactors(t: Tuning, f: GenerationFactors): Tuning {
  const scaled = (value: number, factor: number) =>
    Math.min(Math.max(value, SHARED_EFFICIENCY_CEILING), value * factor);
  return withTiedParameters({
    ...t,
    decodeBandwidthEfficiency: scaled(t.decodeBandwidthEfficiency, f.bandwidth),
    weightOnlyBandwidthEfficiency: scaled(t.weightOnlyBandwidthEfficiency, f.weightOnlyBandwidth),
    prefillComputeEfficiency: scaled(t.prefillComputeEfficiency, f.compute),
  });
}

/** Generations need timing cases from this many sources (any profile) for factors of their own. */
export const MIN_SOURCES_PER_GENERATION = 2;

type FactorKey = keyof GenerationFactors;
const FACTOR_KEYS = ['bandwidth', 'weightOnlyBandwidth', 'compute'] as const satisfies readonly FactorKey[];
const EFFICIENCY_OF = {
  bandwidth: 'decodeBandwidthEfficiency',
  weightOnlyBandwidth: 'weightOnlyBandwidthEfficiency',
  compute: 'prefillComputeEfficiency',
} as const satisfies Record<FactorKey, (typeof GENERATION_PARAMETERS)[number]>;

/**
 * A case informs a generation's value of an efficiency when at least this share of its predicted time
 * scales with that efficiency (halving the efficiency adds at least this share). Below it the time is
 * mostly fixed costs (kernel launches, MoE routing, the all-reduces of a multi-GPU batch-1 step): fitted
 * on such cases, a generation would read them as a slow memory system and carry that to every GPU of
 * the generation (8 x B200 MoE decode at 4-24% made a single B200 slower than a single H100).
 */
export const MIN_EFFICIENCY_SHARE = 0.5;

const sharePredictor = new CasePredictor();

/** The share of a case's predicted time under `t` that scales with one efficiency. */
export function efficiencyShare(c: CalibrationCase, t: Tuning, key: FactorKey): number {
  const field = EFFICIENCY_OF[key];
  const base = sharePredictor.predict(c, c.engine, t);
  const slower = sharePredictor.predict(c, c.engine, withTiedParameters({ ...t, [field]: t[field] / 2 }));
  return c.metric === 'OUTPUT_TOKENS_PER_SECOND' ? base / slower - 1 : slower / base - 1;
}

/**
 * The efficiencies a set of cases can set, and the cases that set them (see MIN_EFFICIENCY_SHARE):
 * a factor shared by every profile needs informing cases from MIN_SOURCES_PER_GENERATION sources, so one
 * source's setup (its clocks, its engine build) does not become the generation's; a profile's own values
 * on a generation need MIN_CASES_PER_GENERATION informing cases of that profile.
 */
const fromSources = (informing: CalibrationCase[]) =>
  new Set(informing.map(sourceOf)).size >= MIN_SOURCES_PER_GENERATION;
const enoughCases = (informing: CalibrationCase[]) => informing.length >= MIN_CASES_PER_GENERATION;

function identifiable(
  cases: readonly CalibrationCase[],
  tuningFor: (c: CalibrationCase) => Tuning,
  enough: (informing: CalibrationCase[]) => boolean,
): { keys: FactorKey[]; cases: CalibrationCase[] } {
  const informs = (c: CalibrationCase, key: FactorKey) =>
    efficiencyShare(c, tuningFor(c), key) >= MIN_EFFICIENCY_SHARE;
  const keys = FACTOR_KEYS.filter((key) => enough(cases.filter((c) => informs(c, key))));
  return { keys, cases: cases.filter((c) => keys.some((key) => informs(c, key))) };
}

/**
 * Per GPU generation, factors on every profile's bandwidth, weight-only bandwidth and compute
 * efficiencies, fitted on the generation's cases of all profiles together. A memory system or
 * tensor-core generation that runs closer to (or further from) its datasheet does so for every
 * engine, so a profile measured on one generation only still learns what another does from the
 * other profiles' cases there.
 */
function fitGenerationFactors(
  timing: readonly CalibrationCase[],
  globals: Record<Fitted, Tuning>,
): Partial<Record<GpuGeneration, GenerationFactors>> {
  const factors: Partial<Record<GpuGeneration, GenerationFactors>> = {};
  const byGeneration = new Map<GpuGeneration, CalibrationCase[]>();
  for (const c of timing) {
    const g = caseGeneration(c);
    byGeneration.set(g, [...(byGeneration.get(g) ?? []), c]);
  }
  if (byGeneration.size < 2) return factors;
  for (const [generation, own] of byGeneration) {
    if (generation === 'CUSTOM' || new Set(own.map(sourceOf)).size < MIN_SOURCES_PER_GENERATION) continue;
    const informing = identifiable(own, (c) => globals[c.engine], fromSources);
    if (informing.keys.length === 0) continue;
    const objective = new Objective(informing.cases);
    let best = { ...NO_FACTORS };
    let bestLoss = objective.loss((c) => applyFactors(globals[c.engine], best));
    for (let sweep = 0; sweep < 4; sweep++) {
      let moved = false;
      for (const key of informing.keys) {
        for (const value of FACTOR_GRID) {
          const candidate = { ...best, [key]: value };
          const loss = objective.loss((c) => applyFactors(globals[c.engine], candidate));
          const tie = Math.abs(loss - bestLoss) < 1e-12;
          if (loss < bestLoss - 1e-12 || (tie && Math.abs(value - 1) < Math.abs(best[key] - 1))) {
            moved ||= value !== best[key];
            best = candidate;
            bestLoss = loss;
          }
        }
      }
      if (!moved) break;
    }
    factors[generation] = best;
  }
  return factors;
}

/**
 * Every profile's fit: global tunings (the optimised engines' efficiencies are the base of the
 * profiles with few cases), then factors per GPU generation shared by all profiles, then, where a
 * profile has enough cases on a generation of its own, that profile's own efficiencies there.
 * Check-only cases take no part.
 */
export function fitAll(all: readonly CalibrationCase[]): Record<Fitted, ProfileFit> {
  const cases = all.filter((c) => c.checkOnly === undefined);
  const timing = cases.filter(isTimingCase);
  const own = (engine: Fitted) => timing.filter((c) => c.engine === engine);
  const base = fitGlobal(own('OPTIMIZED'), PRIOR);
  const globals = Object.fromEntries(
    FITTED_PROFILES.map((engine) => [engine, engine === 'OPTIMIZED' ? base : fitGlobal(own(engine), base)]),
  ) as Record<Fitted, Tuning>;
  const factors = fitGenerationFactors(timing, globals);

  const fits = {} as Record<Fitted, ProfileFit>;
  const memory = fitMemory(cases, FITTED_PROFILES, caseWeights, sourceOf);
  for (const engine of FITTED_PROFILES) {
    const tuning = globals[engine];
    const byGeneration: ProfileFit['byGeneration'] = {};
    const generations = new Map<GpuGeneration, CalibrationCase[]>();
    for (const c of own(engine)) {
      const g = caseGeneration(c);
      generations.set(g, [...(generations.get(g) ?? []), c]);
    }
    for (const [generation, f] of Object.entries(factors) as [GpuGeneration, GenerationFactors][]) {
      const shared = applyFactors(tuning, f);
      const informing = identifiable(generations.get(generation) ?? [], () => shared, enoughCases);
      const specific =
        generations.size > 1 &&
        own(engine).length >= MIN_CASES_FOR_EFFICIENCIES &&
        informing.cases.length >= MIN_CASES_PER_GENERATION
          ? coordinateSearch(
              new Objective(informing.cases),
              shared,
              informing.keys.map((key) => EFFICIENCY_OF[key]),
              (t) => t,
            )
          : shared;
      if (GENERATION_PARAMETERS.every((key) => specific[key] === tuning[key])) continue;
      // The tied parameters go with them, so a reader of fitted.ts gets what the fit evaluated.
      byGeneration[generation] = Object.fromEntries(
        [...GENERATION_PARAMETERS, ...TIED_PARAMETERS].map((key) => [key, specific[key]]),
      );
    }
    fits[engine] = { tuning, byGeneration, memory: memory[engine] };
  }
  return fits;
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
      const buffers = isMemoryMetric(c.metric) ? engineBuffers(fit.memory.engineBuffersBytes) : undefined;
      const predicted = predictor.predict(c, engine, tuningOf(fit, caseGeneration(c)), buffers);
      return { case: c, predicted, error: (predicted - c.measured) / c.measured };
    });
}

/** The publication a case comes from: the source key before the colon ('gptfast', 'xdai', ...). */
export function sourceOf(c: CalibrationCase): string {
  return c.source.slice(0, c.source.indexOf(':'));
}

/**
 * Leave-one-source-out cross-validation: every case (of `engine`, or of every profile) is predicted
 * by a fit of every profile (fitAll) that saw no case of its source, in any profile. This is the honest figure for a setup from a publisher outside the data: k-fold
 * splits of rows keep a source's siblings in training, which flatters the fit.
 */
export function leaveOneSourceOut(cases: readonly CalibrationCase[], engine?: Fitted): CaseResult[] {
  const own = cases.filter((c) => engine === undefined || c.engine === engine);
  const results: CaseResult[] = [];
  for (const source of new Set(own.map(sourceOf))) {
    const fits = fitAll(cases.filter((c) => sourceOf(c) !== source));
    for (const profile of FITTED_PROFILES) {
      results.push(
        ...evaluateFit(
          own.filter((c) => sourceOf(c) === source),
          profile,
          fits[profile],
        ),
      );
    }
  }
  return results;
}

export const FITTED_PROFILES: readonly Fitted[] = ['OPTIMIZED', 'LLAMA_CPP', 'EXLLAMA', 'HF_TRANSFORMERS'];

/** A profile's metric gets its own range only with this many held-out cases from this many sources. */
export const MIN_CASES_PER_RANGE = 10;
export const MIN_SOURCES_PER_RANGE = 5;
/** A metric (every profile together) gets its own range with MIN_CASES_PER_RANGE cases from this many sources. */
export const MIN_SOURCES_PER_METRIC_RANGE = 3;

/**
 * Percentiles of measured / predicted a range spans. Sources differ more than rows of one source:
 * placed around a source the spread has not seen, the 10th-90th percentiles of the other sources'
 * ratios contained 54-68% of its measurements per metric, the 5th-95th 72-88% (docs/accuracy.md).
 */
export const RANGE_PERCENTILES = { low: 0.05, high: 0.95 } as const;

function spread(ratios: number[], basis: RatioSpread['basis']): RatioSpread {
  return {
    low: percentile(ratios, RANGE_PERCENTILES.low),
    high: percentile(ratios, RANGE_PERCENTILES.high),
    cases: ratios.length,
    basis,
  };
}

const TIMING_METRICS = [
  'TIME_TO_FIRST_TOKEN',
  'TIME_PER_OUTPUT_TOKEN',
  'TOTAL',
  'OUTPUT_TOKENS_PER_SECOND',
] as const;

/**
 * Two-sided spreads of measured / predicted (RANGE_PERCENTILES) from the held-out-by-source
 * predictions, per metric, from the narrowest set of cases that is large enough: the profile's own
 * cases of the metric (MIN_CASES_PER_RANGE from MIN_SOURCES_PER_RANGE sources), else every profile's
 * cases of the metric (MIN_CASES_PER_RANGE from MIN_SOURCES_PER_METRIC_RANGE sources), else for a
 * timing metric the pooled timing cases of every metric (times as measured / predicted, throughput
 * inverted, since a time over-estimate is a throughput under-estimate). Memory never borrows from
 * timing: it uses every memory case there is.
 */
export function rangeSpreads(all: readonly CaseResult[], engine: Fitted): FittedProfile['ranges'] {
  // A check-only source has something the model has no term for: its errors are reported and counted
  // against the ranges' coverage, not spread over every GPU's ranges.
  const results = all.filter((r) => r.case.checkOnly === undefined);
  const ranges: FittedProfile['ranges'] = {};
  const ratio = (r: CaseResult) => r.case.measured / r.predicted;
  const enough = (cases: readonly CaseResult[], sources: number) =>
    cases.length >= MIN_CASES_PER_RANGE && new Set(cases.map((r) => sourceOf(r.case))).size >= sources;
  const pooledTime: number[] = [];
  for (const r of results) {
    if (!isRangedMetric(r.case.metric)) continue;
    const metric = RANGED_METRIC[r.case.metric];
    if (metric !== 'MEMORY') pooledTime.push(metric === 'OUTPUT_TOKENS_PER_SECOND' ? 1 / ratio(r) : ratio(r));
  }
  for (const metric of [...TIMING_METRICS, 'MEMORY'] as const) {
    const all = results.filter(
      (r) => isRangedMetric(r.case.metric) && RANGED_METRIC[r.case.metric] === metric,
    );
    const own = all.filter((r) => r.case.engine === engine);
    if (enough(own, MIN_SOURCES_PER_RANGE)) ranges[metric] = spread(own.map(ratio), 'PROFILE_METRIC');
    else if (enough(all, MIN_SOURCES_PER_METRIC_RANGE) || (metric === 'MEMORY' && all.length > 0)) {
      ranges[metric] = spread(all.map(ratio), 'METRIC');
    } else if (metric !== 'MEMORY' && pooledTime.length >= MIN_CASES_PER_RANGE) {
      const pooled = metric === 'OUTPUT_TOKENS_PER_SECOND' ? pooledTime.map((x) => 1 / x) : pooledTime;
      ranges[metric] = spread(pooled, 'POOLED_TIMING');
    }
  }
  return ranges;
}
