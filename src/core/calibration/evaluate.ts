import { findGpu, findModel } from '../catalog/index.js';
import { Estimate } from '../estimate.js';
import { analyzeModel, type ModelAnalysis } from '../model.js';
import type { ServingPoint } from '../serving.js';
import type {
  EngineProfile,
  EstimateRequest,
  GpuSpec,
  MemoryAssumptions,
  ModelSpec,
  Tuning,
} from '../types.js';
import type { CalibrationCase, CalibrationMetric } from './cases.js';
import type { RangedMetric } from './fitted-types.js';

function caseModel(c: CalibrationCase): ModelSpec {
  if (typeof c.model !== 'string') return c.model;
  const model = findModel(c.model);
  if (!model) throw new Error(`calibration case ${c.id}: unknown model ${c.model}`);
  return model;
}

function caseGpu(c: CalibrationCase): GpuSpec {
  if (typeof c.gpu !== 'string') return c.gpu;
  const gpu = findGpu(c.gpu);
  if (!gpu) throw new Error(`calibration case ${c.id}: unknown GPU ${c.gpu}`);
  return gpu;
}

/** The estimate request that reproduces a case's published setup. */
export function caseRequest(
  c: CalibrationCase,
  engine: EngineProfile,
  tuning?: Tuning,
  memory?: Partial<MemoryAssumptions>,
): EstimateRequest {
  return {
    model: caseModel(c),
    gpu: caseGpu(c),
    gpuCount: c.gpuCount,
    parallelism: c.parallelism,
    weightFormat: c.weightFormat,
    kvCacheFormat: c.kvCacheFormat,
    computeFormat: c.computeFormat,
    inputTokens: c.inputTokens,
    outputTokens: c.outputTokens,
    batchSize: c.batchSize,
    engine,
    tuning,
    memory: memory ? { ...c.memory, ...memory } : c.memory,
    weightQuantization: c.weightQuantization,
  };
}

/** Memory metrics: they do not depend on tuning and take no part in timing fits. */
export type MemoryMetric = 'MEMORY_BYTES' | 'KV_CACHE_POOL_BYTES';

export function isMemoryMetric(metric: CalibrationMetric): metric is MemoryMetric {
  return metric === 'MEMORY_BYTES' || metric === 'KV_CACHE_POOL_BYTES';
}

/** Metrics with a range of their own; the KV cache pool is what is left of the capacity, it has none. */
export type RangedCalibrationMetric = Exclude<CalibrationMetric, 'KV_CACHE_POOL_BYTES'>;

export function isRangedMetric(metric: CalibrationMetric): metric is RangedCalibrationMetric {
  return metric !== 'KV_CACHE_POOL_BYTES';
}

/** The estimate answer each ranged calibration metric is measured against. */
export const RANGED_METRIC: Record<RangedCalibrationMetric, RangedMetric> = {
  TTFT_SECONDS: 'TIME_TO_FIRST_TOKEN',
  TPOT_SECONDS: 'TIME_PER_OUTPUT_TOKEN',
  TOTAL_SECONDS: 'TOTAL',
  OUTPUT_TOKENS_PER_SECOND: 'OUTPUT_TOKENS_PER_SECOND',
  MEMORY_BYTES: 'MEMORY',
};

/** The serving point's answer each timing metric of a serving case is measured against. */
const SERVING_FIELD = {
  TTFT_SECONDS: 'timeToFirstTokenSeconds',
  TPOT_SECONDS: 'timePerOutputTokenSeconds',
  TOTAL_SECONDS: 'e2eSeconds',
  OUTPUT_TOKENS_PER_SECOND: 'outputTokensPerSecond',
} as const satisfies Record<Exclude<CalibrationMetric, MemoryMetric>, keyof ServingPoint>;

/** Predicts cases over and over with different tuning; analyses each model once. */
export class CasePredictor {
  readonly #analyses = new Map<CalibrationCase, ModelAnalysis>();

  /** `memory` overrides the case's memory assumptions (the memory fit sets the engine buffers). */
  predict(
    c: CalibrationCase,
    engine: EngineProfile,
    tuning?: Tuning,
    memory?: Partial<MemoryAssumptions>,
  ): number {
    let analysis = this.#analyses.get(c);
    if (!analysis) {
      analysis = analyzeModel(caseModel(c));
      this.#analyses.set(c, analysis);
    }
    const e = new Estimate(caseRequest(c, engine, tuning, memory), analysis);
    if (c.metric === 'MEMORY_BYTES' && c.memoryScope === 'ALL_GPUS') return e.memoryAcrossGpusBytes;
    // The pool an engine sizes from what its share of the GPU leaves: on the most loaded GPU, what it does not need besides KV.
    if (c.metric === 'KV_CACHE_POOL_BYTES') return e.memory.freeBytes + e.memory.kvCacheBytes;
    if (c.concurrency !== undefined && !isMemoryMetric(c.metric)) {
      const point = e.serving({ concurrency: c.concurrency });
      return point[SERVING_FIELD[c.metric]];
    }
    return e.value(RANGED_METRIC[c.metric]);
  }
}

/** Signed error of a prediction: (predicted - measured) / measured. */
export function relativeError(predicted: number, measured: number): number {
  return (predicted - measured) / measured;
}

/** The value below which `p` (0..1) of the sorted values fall, by linear interpolation. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
