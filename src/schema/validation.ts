/**
 * Every check the API makes on its inputs, in one place. Numbers come from the core's LIMITS so
 * that messages, descriptions and the core's own checks quote the same limits. Each check throws
 * a BAD_USER_INPUT GraphQLError naming the input path, the value and the limit.
 */
import { isStorageFormat, LIMITS, type NumberFormat } from '../core/index.js';
import { invalidInput, outOfRange } from './errors.js';
import type {
  CustomGpuInputShape,
  CustomModelInputShape,
  MemoryAssumptionsInputShape,
  TuningInputShape,
} from './types/inputs.js';

/** Most estimates one `compare` may ask for (models x GPUs x weight formats x KV cache formats). */
export const COMPARE_LIMIT = 1024;

const MAX_NAME_LENGTH = 200;

/**
 * Floors the core's (0, 1] and "positive" ranges leave open. Times divide FLOPs and bytes (up to
 * ~1e32 for the largest accepted model and workload) by rate x efficiency, so a rate or an
 * efficiency near Number.MIN_VALUE (1e-300, 5e-324) overflowed to Infinity. With rates of at
 * least 1 per second and efficiencies of at least 1e-6 every accepted input stays finite.
 */
export const MIN_EFFICIENCY = LIMITS.efficiency.min;
export const MIN_HARDWARE_RATE = LIMITS.hardwareRate.min;

type Maybe<T> = T | null | undefined;

function present<T>(value: Maybe<T>): value is T {
  return value !== null && value !== undefined;
}

function integerIn(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw outOfRange(field, value, `an integer from ${min} to ${max}`);
  }
}

function positiveUpTo(field: string, value: number, max: number, unit: string): void {
  if (!(Number.isFinite(value) && value > 0 && value <= max)) {
    throw outOfRange(field, value, `a positive number of ${unit}, at most ${max}`);
  }
}

/** Memory, bandwidth and FLOP/s of a custom GPU: from MIN_HARDWARE_RATE to `max`. */
function hardwareAmount(field: string, value: number, max: number, unit: string): void {
  if (!(Number.isFinite(value) && value >= MIN_HARDWARE_RATE && value <= max)) {
    throw outOfRange(field, value, `from ${MIN_HARDWARE_RATE} to ${max} ${unit}`);
  }
}

function fraction(field: string, value: number): void {
  const { min, max } = LIMITS.efficiency;
  if (!(Number.isFinite(value) && value >= min && value <= max)) {
    throw outOfRange(field, value, `a fraction from ${min} to ${max}`);
  }
}

function overheadSeconds(field: string, value: number): void {
  const { min, max } = LIMITS.overheadSeconds;
  if (!(Number.isFinite(value) && value >= min && value <= max)) {
    throw outOfRange(field, value, `from ${min} to ${max} seconds`);
  }
}

function name(field: string, value: string): void {
  if (value.trim() === '' || value.length > MAX_NAME_LENGTH) {
    throw outOfRange(field, value, `a non-blank name of at most ${MAX_NAME_LENGTH} characters`);
  }
}

/** Weights and KV caches need a storage format; TF32 is a compute mode only. */
export function checkStorageFormat(field: string, format: NumberFormat): void {
  if (!isStorageFormat(format)) {
    throw outOfRange(field, format, 'a storage format (TF32 is a compute mode only)');
  }
}

export function checkTokens(field: string, value: number): void {
  integerIn(field, value, LIMITS.tokens.min, LIMITS.tokens.max);
}

/** The workload fields EstimateInput and CompareInput share. */
export interface WorkloadInput {
  inputTokens: number;
  outputTokens: number;
  batchSize?: Maybe<number>;
  gpuCount?: Maybe<number>;
  tuning?: Maybe<TuningInputShape>;
  memoryAssumptions?: Maybe<MemoryAssumptionsInputShape>;
}

export function validateWorkload(path: string, input: WorkloadInput): void {
  checkTokens(`${path}.inputTokens`, input.inputTokens);
  checkTokens(`${path}.outputTokens`, input.outputTokens);
  if (present(input.batchSize)) {
    integerIn(`${path}.batchSize`, input.batchSize, LIMITS.batchSize.min, LIMITS.batchSize.max);
  }
  if (present(input.gpuCount)) {
    integerIn(`${path}.gpuCount`, input.gpuCount, LIMITS.gpuCount.min, LIMITS.gpuCount.max);
  }
  if (present(input.tuning)) validateTuning(`${path}.tuning`, input.tuning);
  if (present(input.memoryAssumptions)) {
    validateMemoryAssumptions(`${path}.memoryAssumptions`, input.memoryAssumptions);
  }
}

function validateTuning(path: string, tuning: TuningInputShape): void {
  // Every efficiency factor, including ones added later: each divides a time.
  for (const [key, value] of Object.entries(tuning)) {
    if (key.endsWith('Efficiency') && typeof value === 'number') fraction(`${path}.${key}`, value);
  }
  const overheads = [
    'perRequestOverheadSeconds',
    'perStepOverheadSeconds',
    'allReduceLatencySeconds',
  ] as const;
  for (const key of overheads) {
    const value = tuning[key];
    if (present(value)) overheadSeconds(`${path}.${key}`, value);
  }
  const ops = tuning.dequantizationOpsPerWeight;
  if (present(ops)) {
    const { min, max } = LIMITS.dequantizationOpsPerWeight;
    if (!(Number.isFinite(ops) && ops >= min && ops <= max)) {
      throw outOfRange(
        `${path}.dequantizationOpsPerWeight`,
        ops,
        `from ${min} to ${max} operations per weight`,
      );
    }
  }
}

function validateMemoryAssumptions(path: string, memory: MemoryAssumptionsInputShape): void {
  if (present(memory.runtimeOverheadBytes)) {
    const { min, max } = LIMITS.runtimeOverheadBytes;
    const value = memory.runtimeOverheadBytes;
    if (!(Number.isFinite(value) && value >= min && value <= max)) {
      throw outOfRange(`${path}.runtimeOverheadBytes`, value, `from ${min} to ${max} bytes`);
    }
  }
  if (present(memory.maxBatchedTokens)) {
    const { min, max } = LIMITS.maxBatchedTokens;
    integerIn(`${path}.maxBatchedTokens`, memory.maxBatchedTokens, min, max);
  }
}

export function validateCustomModel(path: string, model: CustomModelInputShape): void {
  name(`${path}.name`, model.name);
  integerIn(`${path}.layers`, model.layers, LIMITS.layers.min, LIMITS.layers.max);
  integerIn(`${path}.hiddenSize`, model.hiddenSize, LIMITS.hiddenSize.min, LIMITS.hiddenSize.max);
  integerIn(`${path}.intermediateSize`, model.intermediateSize, 1, LIMITS.hiddenSize.max);
  const heads = model.attentionHeads;
  integerIn(`${path}.attentionHeads`, heads, LIMITS.heads.min, LIMITS.heads.max);
  if (present(model.kvHeads)) {
    integerIn(`${path}.kvHeads`, model.kvHeads, LIMITS.heads.min, LIMITS.heads.max);
    if (heads % model.kvHeads !== 0) {
      throw outOfRange(`${path}.kvHeads`, model.kvHeads, `a divisor of attentionHeads (${heads})`);
    }
  }
  if (present(model.headDim)) {
    integerIn(`${path}.headDim`, model.headDim, 1, LIMITS.hiddenSize.max);
  } else if (model.hiddenSize % heads !== 0) {
    throw invalidInput(
      `${path}.headDim`,
      `hiddenSize / attentionHeads = ${model.hiddenSize} / ${heads} is not a whole number; give headDim`,
    );
  }
  integerIn(`${path}.vocabSize`, model.vocabSize, LIMITS.vocabSize.min, LIMITS.vocabSize.max);
  const window = model.contextWindow;
  integerIn(`${path}.contextWindow`, window, LIMITS.contextWindow.min, LIMITS.contextWindow.max);
  if (present(model.slidingWindow)) {
    integerIn(`${path}.slidingWindow`, model.slidingWindow, 1, window);
  }
  const experts = model.experts ?? 1;
  integerIn(`${path}.experts`, experts, LIMITS.experts.min, LIMITS.experts.max);
  integerIn(`${path}.expertsPerToken`, model.expertsPerToken ?? 1, 1, experts);
}

export function validateCustomGpu(path: string, gpu: CustomGpuInputShape): void {
  name(`${path}.name`, gpu.name);
  hardwareAmount(`${path}.memoryBytes`, gpu.memoryBytes, LIMITS.memoryBytes.max, 'bytes');
  const bandwidthMax = LIMITS.bandwidthBytesPerSecond.max;
  hardwareAmount(
    `${path}.memoryBandwidthBytesPerSecond`,
    gpu.memoryBandwidthBytesPerSecond,
    bandwidthMax,
    'bytes/s',
  );
  if (gpu.peakFlops.length === 0) {
    throw invalidInput(`${path}.peakFlops`, 'give the peak throughput of at least one compute format');
  }
  const seen = new Set<NumberFormat>();
  gpu.peakFlops.forEach(({ format, flopsPerSecond }, i) => {
    if (seen.has(format)) throw invalidInput(`${path}.peakFlops[${i}].format`, `${format} is listed twice`);
    seen.add(format);
    hardwareAmount(
      `${path}.peakFlops[${i}].flopsPerSecond`,
      flopsPerSecond,
      LIMITS.flopsPerSecond.max,
      'FLOP/s',
    );
  });
  if (present(gpu.interconnectBandwidthBytesPerSecond)) {
    const field = `${path}.interconnectBandwidthBytesPerSecond`;
    hardwareAmount(field, gpu.interconnectBandwidthBytesPerSecond, bandwidthMax, 'bytes/s');
  }
  if (present(gpu.tdpWatts)) positiveUpTo(`${path}.tdpWatts`, gpu.tdpWatts, LIMITS.tdpWatts.max, 'watts');
}

/** Exactly one of a catalog id and a custom description. */
export function requireExactlyOne(
  path: string,
  catalogField: string,
  customField: string,
  given: number,
): void {
  if (given !== 1) {
    throw invalidInput(
      `${path}.${catalogField}`,
      `give exactly one of ${path}.${catalogField} (catalog id) and ${path}.${customField}`,
    );
  }
}

export interface CompareCounts {
  models: number;
  gpus: number;
  weightFormats: number;
  kvCacheFormats: number;
}

/** Estimates a comparison of these list lengths asks for. */
export function estimatesIn(counts: CompareCounts): number {
  return counts.models * counts.gpus * counts.weightFormats * counts.kvCacheFormats;
}

/** Refuses an empty or oversized cross product before anything is looked up or computed. */
export function checkCompareSize(path: string, counts: CompareCounts): void {
  if (counts.models === 0)
    throw invalidInput(`${path}.models`, 'give at least one model (models or customModels)');
  if (counts.gpus === 0) throw invalidInput(`${path}.gpus`, 'give at least one GPU (gpus or customGpus)');
  if (counts.weightFormats === 0) throw invalidInput(`${path}.weightFormats`, 'give at least one format');
  if (counts.kvCacheFormats === 0) throw invalidInput(`${path}.kvCacheFormats`, 'give at least one format');
  const total = estimatesIn(counts);
  if (total > COMPARE_LIMIT) {
    throw invalidInput(
      path,
      `${counts.models} models x ${counts.gpus} GPUs x ${counts.weightFormats} weightFormats x ${counts.kvCacheFormats} kvCacheFormats = ${total} estimates, over the limit of ${COMPARE_LIMIT} estimates per request (COMPARE_LIMIT); split the comparison`,
      COMPARE_LIMIT,
    );
  }
}
