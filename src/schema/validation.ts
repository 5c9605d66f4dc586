/**
 * The API's checks on its inputs, made before anything is looked up or computed. Numeric limits are
 * checked by the core's own check functions (src/core/checks.ts, limits from LIMITS), run at the
 * input's path: their EstimateInputError becomes a BAD_USER_INPUT GraphQLError naming the input
 * path, the value and the limit. What only the API has (alternatives, list shapes) is checked here.
 */
import {
  checkInteger,
  checkName,
  checkRange,
  checkWorkload,
  checkComputeFormat as coreComputeFormat,
  checkStorageFormat as coreStorageFormat,
  checkWeightFormat as coreWeightFormat,
  EstimateInputError,
  LIMITS,
  type NumberFormat,
  type WeightFormat,
} from '../core/index.js';
import { invalidInput, withCoreInputErrors } from './errors.js';
import type { CustomGpuInputShape, CustomModelInputShape, WorkloadInputShape } from './input-shapes.js';

/** Most estimates one `compare` may ask for (models x GPUs x weight formats x KV cache formats). */
export const COMPARE_LIMIT = LIMITS.compareEstimates.max;

/** The core's format checks at an input path (`field` is the full path). */
export function checkStorageFormat(field: string, format: WeightFormat): asserts format is NumberFormat {
  withCoreInputErrors('', () => coreStorageFormat(field, format));
}

export function checkWeightFormat(field: string, format: WeightFormat): void {
  withCoreInputErrors('', () => coreWeightFormat(field, format));
}

export function checkComputeFormat(field: string, format: WeightFormat): asserts format is NumberFormat {
  withCoreInputErrors('', () => coreComputeFormat(field, format));
}

/** A sequence length: a whole number of tokens, 0 up to the longest sequence an estimate takes. */
export function checkSequenceTokens(field: string, value: number): void {
  withCoreInputErrors('', () => checkInteger(field, value, 0, 2 * LIMITS.tokens.max));
}

/** A token count given outside the workload (e.g. a field argument), at its own name. */
export function checkTokens(field: string, value: number): void {
  withCoreInputErrors('', () => checkInteger(field, value, LIMITS.tokens.min, LIMITS.tokens.max));
}

/** Token counts, batch, GPUs, tuning and memory overrides, with the core's checks (omitted counts are 1). */
/** gpuCount as given, else tensor x pipeline x data of the parallelism, else 1. */
export function gpuCountOf(input: WorkloadInputShape): number {
  if (input.gpuCount != null) return input.gpuCount;
  const p = input.parallelism;
  if (p == null) return 1;
  return (p.tensor ?? 1) * (p.pipeline ?? 1) * (p.data ?? 1);
}

/** The network override in bytes/s (the input is in Gb/s per GPU). */
export function networkBytesPerSecondOf(input: WorkloadInputShape): number | undefined {
  const gbps = input.networkGigabitsPerSecondPerGpu;
  return gbps == null ? undefined : (gbps * 1e9) / 8;
}

export function validateWorkload(path: string, input: WorkloadInputShape): void {
  withCoreInputErrors(path, () =>
    checkWorkload({
      inputTokens: input.inputTokens,
      outputTokens: input.outputTokens,
      batchSize: input.batchSize ?? 1,
      gpuCount: gpuCountOf(input),
      parallelism: input.parallelism,
      gpusPerNode: input.gpusPerNode,
      networkBandwidthBytesPerSecond: networkBytesPerSecondOf(input),
      prefixCacheHitRate: input.prefixCacheHitRate,
      speculativeDecoding: input.speculativeDecoding,
      disaggregation: input.disaggregation,
      engine: input.engine,
      tuning: input.tuning,
      memory: input.memoryAssumptions,
    }),
  );
}

export function validateCustomModel(path: string, model: CustomModelInputShape): void {
  withCoreInputErrors(path, () => {
    checkName('name', model.name);
    checkInteger('layers', model.layers, LIMITS.layers.min, LIMITS.layers.max);
    checkInteger('hiddenSize', model.hiddenSize, LIMITS.hiddenSize.min, LIMITS.hiddenSize.max);
    checkInteger('intermediateSize', model.intermediateSize, 1, LIMITS.hiddenSize.max);
    const heads = model.attentionHeads;
    checkInteger('attentionHeads', heads, LIMITS.heads.min, LIMITS.heads.max);
    if (model.kvHeads != null) {
      checkInteger('kvHeads', model.kvHeads, LIMITS.heads.min, LIMITS.heads.max);
      if (heads % model.kvHeads !== 0) {
        throw new EstimateInputError('kvHeads', model.kvHeads, `a divisor of attentionHeads (${heads})`);
      }
    }
    if (model.headDim != null) {
      checkInteger('headDim', model.headDim, 1, LIMITS.hiddenSize.max);
    } else if (model.hiddenSize % heads !== 0) {
      throw invalidInput(
        `${path}.headDim`,
        `hiddenSize / attentionHeads = ${model.hiddenSize} / ${heads} is not a whole number; give headDim`,
      );
    }
    checkInteger('vocabSize', model.vocabSize, LIMITS.vocabSize.min, LIMITS.vocabSize.max);
    const window = model.contextWindow;
    checkInteger('contextWindow', window, LIMITS.contextWindow.min, LIMITS.contextWindow.max);
    if (model.slidingWindow != null) checkInteger('slidingWindow', model.slidingWindow, 1, window);
    const experts = model.experts ?? 1;
    checkInteger('experts', experts, LIMITS.experts.min, LIMITS.experts.max);
    checkInteger('expertsPerToken', model.expertsPerToken ?? 1, 1, experts);
  });
}

/**
 * Memory, bandwidth and FLOP/s of a custom GPU start at LIMITS.hardwareRate.min: times divide FLOPs
 * and bytes (up to ~1e32) by these rates, and a rate near Number.MIN_VALUE overflowed them to Infinity.
 */
function checkHardwareRate(field: string, value: number, max: number, unit: string): void {
  checkRange(field, value, LIMITS.hardwareRate.min, max, unit);
}

export function validateCustomGpu(path: string, gpu: CustomGpuInputShape): void {
  withCoreInputErrors(path, () => {
    checkName('name', gpu.name);
    checkHardwareRate('memoryBytes', gpu.memoryBytes, LIMITS.memoryBytes.max, 'bytes');
    const bandwidthMax = LIMITS.bandwidthBytesPerSecond.max;
    const bandwidth = gpu.memoryBandwidthBytesPerSecond;
    checkHardwareRate('memoryBandwidthBytesPerSecond', bandwidth, bandwidthMax, 'bytes/s');
    if (gpu.peakFlops.length === 0) {
      throw invalidInput(`${path}.peakFlops`, 'give the peak throughput of at least one compute format');
    }
    const seen = new Set<WeightFormat>();
    gpu.peakFlops.forEach(({ format, flopsPerSecond }, i) => {
      checkComputeFormat(`${path}.peakFlops[${i}].format`, format);
      if (seen.has(format)) throw invalidInput(`${path}.peakFlops[${i}].format`, `${format} is listed twice`);
      seen.add(format);
      const flopsMax = LIMITS.flopsPerSecond.max;
      checkHardwareRate(`peakFlops[${i}].flopsPerSecond`, flopsPerSecond, flopsMax, 'FLOP/s');
    });
    const interconnect = gpu.interconnectBandwidthBytesPerSecond;
    if (interconnect != null) {
      checkHardwareRate('interconnectBandwidthBytesPerSecond', interconnect, bandwidthMax, 'bytes/s');
    }
    if (gpu.tdpWatts != null)
      checkRange('tdpWatts', gpu.tdpWatts, LIMITS.tdpWatts.min, LIMITS.tdpWatts.max, 'watts');
  });
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
