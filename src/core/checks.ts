/**
 * The input checks, written once: the core runs them on every request it resolves, and the API runs the same
 * functions on its inputs before anything is looked up (src/schema/validation.ts turns the EstimateInputError
 * into a BAD_USER_INPUT error at the input's path). Limits come from LIMITS.
 */
import { isStorageFormat } from './formats.js';
import { EstimateInputError, LIMITS } from './limits.js';
import { checkTuningOverrides, type TuningField } from './tuning.js';
import type {
  EngineProfile,
  MemoryAssumptions,
  NumberFormat,
  ParallelismDegrees,
  WeightFormat,
} from './types.js';

export function checkInteger(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new EstimateInputError(field, value, `an integer from ${min} to ${max}`);
  }
}

export function checkRange(field: string, value: number, min: number, max: number, unit: string): void {
  if (!(Number.isFinite(value) && value >= min && value <= max)) {
    throw new EstimateInputError(field, value, `from ${min} to ${max} ${unit}`);
  }
}

export function checkName(field: string, value: string): void {
  const { max } = LIMITS.nameLength;
  if (value.trim() === '' || value.length > max) {
    throw new EstimateInputError(field, value, `a non-blank name of at most ${max} characters`);
  }
}

/** KV caches (and format arguments) need a storage format; TF32 is a compute mode only, NATIVE a weight format only. */
export function checkStorageFormat(field: string, format: WeightFormat): asserts format is NumberFormat {
  if (format === 'NATIVE') {
    throw new EstimateInputError(field, format, 'a storage format (NATIVE is a weight format only)');
  }
  if (!isStorageFormat(format)) {
    throw new EstimateInputError(field, format, 'a storage format (TF32 is a compute mode only)');
  }
}

/** Weights need a storage format or NATIVE (the checkpoint's own). */
export function checkWeightFormat(field: string, format: WeightFormat): void {
  if (format !== 'NATIVE') checkStorageFormat(field, format);
}

/** A compute format: any format but NATIVE. */
export function checkComputeFormat(field: string, format: WeightFormat): asserts format is NumberFormat {
  if (format === 'NATIVE') {
    throw new EstimateInputError(field, format, 'a compute format (NATIVE is a weight format only)');
  }
}

type Overrides<T> = { [K in keyof T]?: T[K] | null };

/** The parts of a request that describe the workload rather than the model and the GPU. */
export interface WorkloadFields {
  inputTokens: number;
  outputTokens: number;
  batchSize: number;
  gpuCount: number;
  parallelism?: Overrides<ParallelismDegrees> | null;
  gpusPerNode?: number | null;
  networkBandwidthBytesPerSecond?: number | null;
  prefixCacheHitRate?: number | null;
  speculativeDecoding?: { draftTokens: number; acceptedTokensPerStep: number } | null;
  disaggregation?: {
    prefillGpuCount: number;
    prefillParallelism?: Overrides<ParallelismDegrees> | null;
  } | null;
  engine?: EngineProfile | null;
  tuning?: Overrides<Record<TuningField, number>> | null;
  memory?: Overrides<MemoryAssumptions> | null;
}

export function checkMemoryOverrides(memory: Overrides<MemoryAssumptions>): void {
  const { runtimeOverheadBytes: rob, maxBatchedTokens: mbt } = LIMITS;
  if (memory.runtimeOverheadBytes != null) {
    checkRange('memory.runtimeOverheadBytes', memory.runtimeOverheadBytes, rob.min, rob.max, 'bytes');
  }
  if (memory.engineBuffersBytes != null) {
    checkRange('memory.engineBuffersBytes', memory.engineBuffersBytes, rob.min, rob.max, 'bytes');
  }
  if (memory.maxBatchedTokens != null) {
    checkInteger('memory.maxBatchedTokens', memory.maxBatchedTokens, mbt.min, mbt.max);
  }
  const { usableMemoryFraction: f, transientBytesPerElement: t } = LIMITS;
  if (memory.usableMemoryFraction != null) {
    checkRange('memory.usableMemoryFraction', memory.usableMemoryFraction, f.min, f.max, '(a fraction)');
  }
  if (memory.attentionScoreBytes != null) {
    checkRange('memory.attentionScoreBytes', memory.attentionScoreBytes, t.min, t.max, 'bytes');
  }
  if (memory.prefillLogitsBytes != null) {
    checkRange('memory.prefillLogitsBytes', memory.prefillLogitsBytes, t.min, t.max, 'bytes');
  }
}

/**
 * IDEAL is the roofline bound (every efficiency 1, every fixed cost 0), so it takes no tuning overrides:
 * refusing them keeps "ideal" meaning the bound.
 */
function checkIdealHasNoOverrides(
  engine: EngineProfile | null | undefined,
  tuning: WorkloadFields['tuning'],
) {
  if (engine !== 'IDEAL' || !tuning) return;
  const given = Object.keys(tuning).filter((key) => tuning[key as TuningField] != null);
  if (given.length > 0) {
    throw new EstimateInputError(
      'tuning',
      given.join(', '),
      'no overrides with engine IDEAL, the roofline bound (100% of every peak, no fixed costs); omit tuning or pick another engine',
    );
  }
}

/** Degrees of parallelism: integers within LIMITS, their GPU total within the GPU count limit and equal to gpuCount. */
function checkParallelism(w: WorkloadFields): void {
  const { parallelDegree: d, gpuCount, hardwareRate, bandwidthBytesPerSecond } = LIMITS;
  if (w.gpusPerNode != null) checkInteger('gpusPerNode', w.gpusPerNode, d.min, d.max);
  if (w.networkBandwidthBytesPerSecond != null) {
    checkRange(
      'networkBandwidthBytesPerSecond',
      w.networkBandwidthBytesPerSecond,
      hardwareRate.min,
      bandwidthBytesPerSecond.max,
      'bytes per second',
    );
  }
  const p = w.parallelism;
  if (p == null) return;
  let total = 1;
  for (const key of ['tensor', 'pipeline', 'expert', 'data'] as const) {
    const value = p[key];
    if (value == null) continue;
    checkInteger(`parallelism.${key}`, value, d.min, d.max);
    if (key !== 'expert') total *= value;
  }
  if (total > gpuCount.max) {
    throw new EstimateInputError(
      'parallelism',
      total,
      `tensor x pipeline x data of at most ${gpuCount.max} GPUs`,
    );
  }
  if (w.gpuCount !== total) {
    throw new EstimateInputError(
      'gpuCount',
      w.gpuCount,
      `equal to tensor x pipeline x data = ${total} when parallelism is given (or omitted)`,
    );
  }
}

function checkServingKnobs(w: WorkloadFields): void {
  if (w.prefixCacheHitRate != null && !(w.prefixCacheHitRate >= 0 && w.prefixCacheHitRate < 1)) {
    throw new EstimateInputError(
      'prefixCacheHitRate',
      w.prefixCacheHitRate,
      'a fraction from 0 up to (not including) 1',
    );
  }
  const spec = w.speculativeDecoding;
  if (spec == null) return;
  const { draftTokens } = LIMITS;
  checkInteger('speculativeDecoding.draftTokens', spec.draftTokens, draftTokens.min, draftTokens.max);
  checkRange(
    'speculativeDecoding.acceptedTokensPerStep',
    spec.acceptedTokensPerStep,
    1,
    spec.draftTokens + 1,
    'tokens (1 when every proposal is rejected, draftTokens + 1 when all are accepted)',
  );
}

/** Runs a check of the prefill pool's GPUs, naming its fields as disaggregation.prefillGpuCount / prefillParallelism. */
export function asPrefillPoolError<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof EstimateInputError)) throw error;
    const field = error.field
      .replace(/^gpuCount$/, 'prefillGpuCount')
      .replace(/^parallelism/, 'prefillParallelism');
    throw new EstimateInputError(`disaggregation.${field}`, error.value, error.limit);
  }
}

export function checkWorkload(w: WorkloadFields): void {
  const { tokens, batchSize, gpuCount } = LIMITS;
  checkInteger('inputTokens', w.inputTokens, tokens.min, tokens.max);
  checkInteger('outputTokens', w.outputTokens, tokens.min, tokens.max);
  checkInteger('batchSize', w.batchSize, batchSize.min, batchSize.max);
  checkInteger('gpuCount', w.gpuCount, gpuCount.min, gpuCount.max);
  checkParallelism(w);
  checkServingKnobs(w);
  if (w.disaggregation != null) {
    const pool = w.disaggregation;
    asPrefillPoolError(() => {
      checkInteger('gpuCount', pool.prefillGpuCount, gpuCount.min, gpuCount.max);
      checkParallelism({ ...w, gpuCount: pool.prefillGpuCount, parallelism: pool.prefillParallelism });
    });
  }
  if (w.tuning) {
    checkIdealHasNoOverrides(w.engine, w.tuning);
    checkTuningOverrides(w.tuning);
  }
  if (w.memory) checkMemoryOverrides(w.memory);
}
