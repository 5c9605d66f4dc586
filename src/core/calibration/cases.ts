/**
 * The calibration cases: published inference measurements (data/calibration/measurements.json, verbatim with
 * their sources, grades and notes) joined with how each one maps onto an estimate request
 * (data/calibration/cases/<source>.json; the format is described in data/calibration/README.md). This module only
 * joins the two, converts the published unit to the metric's SI unit and checks the data.
 *
 * The metrics follow the estimator's definitions:
 *   TTFT  = prefill of inputTokens (x batch) + the first token;
 *   TPOT  = mean decode step over the generation: outputTokens - 1 steps at contexts
 *           inputTokens + 1 ... inputTokens + outputTokens - 1;
 *   total = TTFT + (outputTokens - 1) * TPOT;  output tokens/s = batch * outputTokens / total.
 * So a published "N decode steps" rate maps to outputTokens N + 1, and a rate that includes the prefill maps to
 * OUTPUT_TOKENS_PER_SECOND. Every measurement id appears either as the prefix of a case id (`id` or `id/suffix`)
 * or in EXCLUDED_MEASUREMENTS (`id` when wholly excluded, `id/suffix` when one of its numbers is).
 *
 * The JSON is imported statically (import attributes), so the core stays free of I/O and the data is bundled
 * the same way by tsx, vitest and tsc.
 */
import autoawq from '../../../data/calibration/cases/autoawq.json' with { type: 'json' };
import exllama from '../../../data/calibration/cases/exllama.json' with { type: 'json' };
import exllamav2 from '../../../data/calibration/cases/exllamav2.json' with { type: 'json' };
import ftGpt from '../../../data/calibration/cases/ft_gpt.json' with { type: 'json' };
import gptfast from '../../../data/calibration/cases/gptfast.json' with { type: 'json' };
import kipplyFt from '../../../data/calibration/cases/kipply_ft.json' with { type: 'json' };
import llamacpp6017 from '../../../data/calibration/cases/llamacpp6017.json' with { type: 'json' };
import lmdeploy210 from '../../../data/calibration/cases/lmdeploy210.json' with { type: 'json' };
import nemo from '../../../data/calibration/cases/nemo.json' with { type: 'json' };
import nimLlm from '../../../data/calibration/cases/nim_llm.json' with { type: 'json' };
import perfbench from '../../../data/calibration/cases/perfbench.json' with { type: 'json' };
import rocmVllmDevdocker from '../../../data/calibration/cases/rocm_vllm_devdocker.json' with {
  type: 'json',
};
import sglangB200Gist from '../../../data/calibration/cases/sglang_b200_gist.json' with { type: 'json' };
import sglangGptoss from '../../../data/calibration/cases/sglang_gptoss.json' with { type: 'json' };
import trtH100vsA100 from '../../../data/calibration/cases/trt_h100vsa100.json' with { type: 'json' };
import trtllmDsr1Latency from '../../../data/calibration/cases/trtllm_dsr1_latency.json' with {
  type: 'json',
};
import trtllmGptoss from '../../../data/calibration/cases/trtllm_gptoss.json' with { type: 'json' };
import trtllmPerf from '../../../data/calibration/cases/trtllm_perf.json' with { type: 'json' };
import vllmCiLatency from '../../../data/calibration/cases/vllm_ci_latency.json' with { type: 'json' };
import vllmFp8kv from '../../../data/calibration/cases/vllm_fp8kv.json' with { type: 'json' };
import vllmMem10517 from '../../../data/calibration/cases/vllm_mem_10517.json' with { type: 'json' };
import vllmMemMyoceane from '../../../data/calibration/cases/vllm_mem_myoceane.json' with { type: 'json' };
import vllmMemPr10511 from '../../../data/calibration/cases/vllm_mem_pr10511.json' with { type: 'json' };
import vllmMemPr17122 from '../../../data/calibration/cases/vllm_mem_pr17122.json' with { type: 'json' };
import xdai from '../../../data/calibration/cases/xdai.json' with { type: 'json' };
import xdaiOld from '../../../data/calibration/cases/xdai_old.json' with { type: 'json' };
import measurementsFile from '../../../data/calibration/measurements.json' with { type: 'json' };
import {
  ENGINE_PROFILES,
  type EngineProfile,
  type EstimateRequest,
  type GpuSpec,
  type MemoryAssumptions,
  type ModelSpec,
  NUMBER_FORMATS,
  type NumberFormat,
  WEIGHT_QUANTIZATIONS,
  type WeightFormat,
} from '../types.js';
import { CUSTOM_GPUS, CUSTOM_MODELS } from './custom-hardware.js';

export const CALIBRATION_METRICS = [
  'TPOT_SECONDS',
  'TTFT_SECONDS',
  'TOTAL_SECONDS',
  'OUTPUT_TOKENS_PER_SECOND',
  'MEMORY_BYTES',
  'KV_CACHE_POOL_BYTES',
] as const;
export type CalibrationMetric = (typeof CALIBRATION_METRICS)[number];

/** The published setup as an estimate request (model and GPU by catalog id where they are in it), and what was measured. */
export interface CalibrationCase extends Omit<EstimateRequest, 'model' | 'gpu' | 'engine' | 'tuning'> {
  /** Measurement id, with a suffix when one measurement yields several cases (e.g. 'awq-01/tpot'). */
  id: string;
  /** The measurements.json source key plus its repo/path or url. */
  source: string;
  /** Quality grade of the measurement ('B/C' is graded 'C'). */
  quality: 'A' | 'B' | 'C';
  engine: Exclude<EngineProfile, 'IDEAL'>;
  /** Engine as published. */
  engineName: string;
  /** Catalog id, or a full ModelSpec for a model not in the catalog. */
  model: string | ModelSpec;
  /** Catalog id, or a GpuSpec for a GPU (or GPU group) not in the catalog. */
  gpu: string | GpuSpec;
  metric: CalibrationMetric;
  /**
   * Serving cases: the published figure was measured with this many requests in flight (a closed loop, each
   * finishing request replaced by a new one), so it is predicted by the serving model's steady state at that
   * concurrency (staggered arrivals) rather than by a batch estimate; batchSize is then 1. Absent: a batch case.
   */
  concurrency?: number;
  /** Memory cases: whether the published figure is one GPU's (the most loaded) or the sum over every GPU. */
  memoryScope: 'PER_GPU' | 'ALL_GPUS';
  /** SI units: seconds, tokens/s, bytes. */
  measured: number;
  /** How the published number maps to this metric. */
  note: string;
  /**
   * Why the case checks the estimator without taking part in the fit (its source's setup has something
   * the model has no term for, so fitting it would move parameters every GPU shares); absent: fitted.
   * Checked like every case: predicted held out, in the report, the ranges and their coverage.
   */
  checkOnly?: string;
}

export interface ExcludedMeasurement {
  /** Measurement id, or `id/suffix` when only one of the measurement's numbers is excluded. */
  id: string;
  reason: string;
}

/** Units a published number can be in; see toSi for what each means per metric. */
export const PUBLISHED_UNITS = ['tok/s', 'ms', 'GiB', 'MiB'] as const;
type PublishedUnit = (typeof PUBLISHED_UNITS)[number];

/** One measurement of data/calibration/measurements.json (only the fields read here). */
export interface Measurement {
  id: string;
  source: string;
  quality: string;
  value?: number;
  measurements?: Record<string, number | null | undefined>;
  derived?: Record<string, number | null | undefined>;
  notes?: string;
}

interface SourceCitation {
  repo?: string;
  path?: string;
  commit?: string;
  url?: string;
}

/** A case as written in a cases file, before the file's `common` fields are merged in. */
interface CaseRow {
  id?: string;
  engine?: string;
  engineName?: string;
  model?: string;
  gpu?: string;
  gpuCount?: number;
  parallelism?: { tensor?: number; pipeline?: number; expert?: number; data?: number };
  memoryScope?: string;
  concurrency?: number;
  batchSize?: number;
  weightFormat?: string;
  weightQuantization?: string;
  kvCacheFormat?: string;
  computeFormat?: string;
  inputTokens?: number;
  outputTokens?: number;
  memory?: Partial<MemoryAssumptions>;
  metric?: string;
  unit?: string;
  value?: string | number;
  note?: string;
}

/** One data/calibration/cases/<source>.json file. */
export interface CaseFile {
  source: string;
  setup?: string;
  /** Every case of the file checks the estimator without taking part in the fit, for this reason. */
  checkOnly?: string;
  common?: CaseRow;
  cases: CaseRow[];
  excluded?: { ids: string[]; reason: string }[];
}

/** In the order the cases are fitted and reported. A new source file is added here. */
export const CASE_FILES: readonly CaseFile[] = [
  gptfast,
  trtH100vsA100,
  perfbench,
  autoawq,
  exllama,
  exllamav2,
  llamacpp6017,
  xdai,
  xdaiOld,
  ftGpt,
  kipplyFt,
  lmdeploy210,
  nemo,
  nimLlm,
  vllmMem10517,
  vllmMemPr10511,
  vllmMemPr17122,
  vllmMemMyoceane,
  rocmVllmDevdocker,
  vllmFp8kv,
  vllmCiLatency,
  sglangGptoss,
  sglangB200Gist,
  trtllmGptoss,
  trtllmDsr1Latency,
  trtllmPerf,
];

export const MEASUREMENTS: readonly Measurement[] = measurementsFile.measurements;
const SOURCES: Record<string, SourceCitation> = measurementsFile.sources;

/** A case's weights: one number format for every matrix, or NATIVE (the checkpoint's own format per tensor class). */
const WEIGHT_FORMATS: readonly WeightFormat[] = [...NUMBER_FORMATS, 'NATIVE'];

const GiB = 2 ** 30;
const MiB = 2 ** 20;

/**
 * A published number in the metric's SI unit. 'tok/s' is what a published rate counts: for TPOT the tokens
 * decoded per second over the whole batch (TPOT = batch / rate), for TTFT the prompt tokens processed per second
 * (TTFT = inputTokens x batch / rate), for OUTPUT_TOKENS_PER_SECOND the rate itself.
 */
function toSi(metric: CalibrationMetric, unit: PublishedUnit, value: number, r: CalibrationRequest): number {
  const key = `${metric} ${unit}`;
  switch (key) {
    case 'OUTPUT_TOKENS_PER_SECOND tok/s':
      return value;
    case 'TPOT_SECONDS tok/s':
      return r.batchSize / value;
    case 'TTFT_SECONDS tok/s':
      return (r.inputTokens * r.batchSize) / value;
    case 'TPOT_SECONDS ms':
    case 'TTFT_SECONDS ms':
    case 'TOTAL_SECONDS ms':
      return value / 1000;
    case 'MEMORY_BYTES GiB':
    case 'KV_CACHE_POOL_BYTES GiB':
      return value * GiB;
    case 'MEMORY_BYTES MiB':
    case 'KV_CACHE_POOL_BYTES MiB':
      return value * MiB;
    default:
      throw new Error(`no conversion for a ${metric} published in ${unit}`);
  }
}

type CalibrationRequest = Pick<CalibrationCase, 'inputTokens' | 'batchSize'>;

/** A serving case's concurrency: a whole number of requests, with the batch left at 1 (the serving model batches). */
function servingConcurrency(concurrency: number, batchSize: number): number {
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error(`concurrency ${concurrency} is not a whole number >= 1`);
  if (batchSize !== 1) throw new Error('a serving case (concurrency) keeps batchSize 1');
  return concurrency;
}

export const citation = (key: string): string => {
  const s = SOURCES[key];
  if (!s) throw new Error(`source '${key}' is not in measurements.json`);
  return [s.repo, s.path, s.commit && `@${s.commit}`, s.url].filter(Boolean).join(' ');
};

const measurementById = new Map(MEASUREMENTS.map((m) => [m.id, m]));
const customModels = new Map(CUSTOM_MODELS.map((m) => [m.id, m]));
const customGpus = new Map(CUSTOM_GPUS.map((g) => [g.id, g]));

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined, field: string): T {
  if (value === undefined || !(allowed as readonly string[]).includes(value)) {
    throw new Error(`${field} '${value}' is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new Error(`${field} is missing`);
  return value;
}

/** The published number a row points at: a key of the measurement's figures, its value, or a number quoted from its notes. */
function publishedValue(m: Measurement, value: string | number | undefined): number {
  if (typeof value === 'number') return value;
  const found = value === undefined ? m.value : (m.measurements?.[value] ?? m.derived?.[value]);
  if (typeof found !== 'number') throw new Error(`measurement ${m.id} has no number '${value ?? 'value'}'`);
  return found;
}

export function toCase(file: CaseFile, written: CaseRow): CalibrationCase {
  const row = { gpuCount: 1, batchSize: 1, ...file.common, ...written };
  const id = required(row.id, 'id');
  try {
    const m = measurementById.get(id.split('/')[0]);
    if (!m) throw new Error('no measurement with this id in measurements.json');
    if (m.source !== file.source) throw new Error(`measurement is from '${m.source}', not '${file.source}'`);
    const engine = oneOf(ENGINE_PROFILES, row.engine, 'engine');
    if (engine === 'IDEAL') throw new Error('engine IDEAL is not a measured engine');
    const metric = oneOf(CALIBRATION_METRICS, row.metric, 'metric');
    const model = required(row.model, 'model');
    const gpu = required(row.gpu, 'gpu');
    const request = {
      gpuCount: row.gpuCount,
      batchSize: row.batchSize,
      inputTokens: required(row.inputTokens, 'inputTokens'),
      outputTokens: required(row.outputTokens, 'outputTokens'),
    };
    const measured = toSi(
      metric,
      oneOf(PUBLISHED_UNITS, row.unit, 'unit'),
      publishedValue(m, row.value),
      request,
    );
    return {
      id,
      source: `${file.source}: ${citation(file.source)}`,
      quality: m.quality === 'B/C' ? 'C' : oneOf(['A', 'B', 'C'] as const, m.quality, 'quality'),
      engine,
      engineName: required(row.engineName, 'engineName'),
      model: customModels.get(model) ?? model,
      gpu: customGpus.get(gpu) ?? gpu,
      ...request,
      weightFormat: oneOf<WeightFormat>(WEIGHT_FORMATS, row.weightFormat, 'weightFormat'),
      kvCacheFormat: oneOf<NumberFormat>(NUMBER_FORMATS, row.kvCacheFormat, 'kvCacheFormat'),
      ...(row.weightQuantization !== undefined && {
        weightQuantization: oneOf(WEIGHT_QUANTIZATIONS, row.weightQuantization, 'weightQuantization'),
      }),
      ...(row.computeFormat !== undefined && {
        computeFormat: oneOf<NumberFormat>(NUMBER_FORMATS, row.computeFormat, 'computeFormat'),
      }),
      ...(row.memory !== undefined && { memory: row.memory }),
      ...(row.parallelism !== undefined && { parallelism: row.parallelism }),
      ...(row.concurrency !== undefined && {
        concurrency: servingConcurrency(row.concurrency, row.batchSize),
      }),
      memoryScope: oneOf(['PER_GPU', 'ALL_GPUS'] as const, row.memoryScope ?? 'PER_GPU', 'memoryScope'),
      metric,
      measured,
      note: [file.setup, required(row.note, 'note')].filter(Boolean).join(' '),
      ...(file.checkOnly !== undefined && { checkOnly: file.checkOnly }),
    };
  } catch (e) {
    throw new Error(`data/calibration/cases/${file.source}.json, case ${id}: ${(e as Error).message}`);
  }
}

export const CALIBRATION_CASES: readonly CalibrationCase[] = CASE_FILES.flatMap((file) =>
  file.cases.map((row) => toCase(file, row)),
);

export const EXCLUDED_MEASUREMENTS: readonly ExcludedMeasurement[] = CASE_FILES.flatMap((file) =>
  (file.excluded ?? []).flatMap(({ ids, reason }) => ids.map((id) => ({ id, reason }))),
);
