/**
 * Maps GraphQL inputs to the core's EstimateRequest: catalog lookups (NOT_FOUND), custom models
 * and GPUs as core specs, and the shared workload. Validation happens first, in validation.ts.
 */
import { findGpu, findModel, gpuIds, modelIds } from '../core/catalog/index.js';
import type {
  EstimateRequest,
  GpuSpec,
  MemoryAssumptions,
  ModelSpec,
  NumberFormat,
  SpeculativeDecoding,
  Tuning,
  WeightFormat,
} from '../core/index.js';
import { uniformModel } from '../core/index.js';
import { notFound } from './errors.js';
import type {
  CustomGpuInputShape,
  CustomModelInputShape,
  EstimateInputShape,
  WorkloadInputShape,
} from './input-shapes.js';
import { configModelSpec } from './model-config.js';
import {
  checkComputeFormat,
  checkStorageFormat,
  checkWeightFormat,
  gpuCountOf,
  networkBytesPerSecondOf,
  requireExactlyOne,
  validateCustomGpu,
  validateCustomModel,
  validateWorkload,
} from './validation.js';

/** PCIe Gen4 x16, per direction: what GPUs without NVLink talk over. */
export const DEFAULT_INTERCONNECT_BYTES_PER_SECOND = 32e9;
export const CUSTOM_SOURCE = 'Described in the request';

export function lookupModel(field: string, id: string): ModelSpec {
  const model = findModel(id);
  if (!model) throw notFound(field, 'model', id, modelIds());
  return model;
}

export function lookupGpu(field: string, id: string): GpuSpec {
  const gpu = findGpu(id);
  if (!gpu) throw notFound(field, 'GPU', id, gpuIds());
  return gpu;
}

/** A validated custom model as a core spec; defaults as documented on CustomModelInput. */
export function customModelSpec(path: string, input: CustomModelInputShape): ModelSpec {
  validateCustomModel(path, input);
  return uniformModel({
    id: `custom:${input.name}`,
    name: input.name,
    family: 'Custom',
    aliases: [],
    source: CUSTOM_SOURCE,
    layers: input.layers,
    hiddenSize: input.hiddenSize,
    intermediateSize: input.intermediateSize,
    attentionHeads: input.attentionHeads,
    kvHeads: input.kvHeads ?? input.attentionHeads,
    headDim: input.headDim ?? input.hiddenSize / input.attentionHeads,
    vocabSize: input.vocabSize,
    contextWindow: input.contextWindow,
    slidingWindow: input.slidingWindow ?? null,
    experts: input.experts ?? 1,
    expertsPerToken: input.expertsPerToken ?? 1,
    tiedEmbeddings: input.tiedEmbeddings ?? false,
    gatedFfn: input.gatedFfn ?? true,
    attentionBias: input.attentionBias ?? false,
  });
}

/** A validated custom GPU as a core spec; its memory is taken as the usable (driver) total. */
export function customGpuSpec(path: string, input: CustomGpuInputShape): GpuSpec {
  validateCustomGpu(path, input);
  const peakFlops: Partial<Record<NumberFormat, number>> = {};
  for (const { format, flopsPerSecond } of input.peakFlops) {
    if (format !== 'NATIVE') peakFlops[format] = flopsPerSecond;
  }
  return {
    id: `custom:${input.name}`,
    name: input.name,
    vendor: 'Custom',
    generation: input.generation ?? 'CUSTOM',
    aliases: [],
    source: CUSTOM_SOURCE,
    memoryBytes: input.memoryBytes,
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: input.memoryBandwidthBytesPerSecond,
    interconnectBandwidthBytesPerSecond:
      input.interconnectBandwidthBytesPerSecond ?? DEFAULT_INTERCONNECT_BYTES_PER_SECOND,
    tdpWatts: input.tdpWatts ?? null,
    peakFlops,
  };
}

function withoutNulls<T extends object>(value: T | null | undefined): { [K in keyof T]?: NonNullable<T[K]> } {
  const result: { [K in keyof T]?: NonNullable<T[K]> } = {};
  if (!value) return result;
  for (const key of Object.keys(value) as (keyof T)[]) {
    const field = value[key];
    if (field !== null && field !== undefined) result[key] = field as NonNullable<T[keyof T]>;
  }
  return result;
}

function nonEmpty<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

/** The workload part of an EstimateRequest, validated; the core fills the remaining defaults. */
export interface Workload
  extends Pick<
    EstimateRequest,
    | 'inputTokens'
    | 'outputTokens'
    | 'batchSize'
    | 'gpuCount'
    | 'engine'
    | 'parallelism'
    | 'gpusPerNode'
    | 'networkBandwidthBytesPerSecond'
    | 'prefixCacheHitRate'
    | 'speculativeDecoding'
    | 'disaggregation'
  > {
  tuning: Partial<Tuning> | undefined;
  memory: Partial<MemoryAssumptions> | undefined;
}

export function workloadOf(path: string, input: WorkloadInputShape): Workload {
  validateWorkload(path, input);
  return {
    inputTokens: input.inputTokens,
    outputTokens: input.outputTokens,
    batchSize: input.batchSize ?? 1,
    gpuCount: gpuCountOf(input),
    parallelism: input.parallelism ? withoutNulls(input.parallelism) : undefined,
    gpusPerNode: input.gpusPerNode ?? undefined,
    networkBandwidthBytesPerSecond: networkBytesPerSecondOf(input),
    prefixCacheHitRate: input.prefixCacheHitRate ?? undefined,
    speculativeDecoding: speculationOf(path, input.speculativeDecoding),
    disaggregation: input.disaggregation
      ? {
          prefillGpuCount: input.disaggregation.prefillGpuCount,
          prefillParallelism: input.disaggregation.prefillParallelism
            ? withoutNulls(input.disaggregation.prefillParallelism)
            : undefined,
        }
      : undefined,
    engine: input.engine ?? undefined,
    // undefined rather than {} when nothing is overridden: the core then shares the profile's
    // tuning instead of copying and re-checking it for every estimate of a comparison.
    tuning: nonEmpty(withoutNulls(input.tuning)),
    memory: nonEmpty(withoutNulls(input.memoryAssumptions)),
  };
}

function speculationOf(
  path: string,
  input: WorkloadInputShape['speculativeDecoding'],
): SpeculativeDecoding | undefined {
  if (input == null) return undefined;
  const { draftTokens, acceptedTokensPerStep, draftModel } = input;
  if (draftModel == null) return { draftTokens, acceptedTokensPerStep };
  return {
    draftTokens,
    acceptedTokensPerStep,
    draftModel: lookupModel(`${path}.speculativeDecoding.draftModel`, String(draftModel)),
  };
}

/** EstimateInput -> EstimateRequest: validates everything, looks up catalog ids. */
export function estimateRequestOf(path: string, input: EstimateInputShape): EstimateRequest {
  const workload = workloadOf(path, input);
  requireExactlyOne(
    path,
    'model',
    `customModel or ${path}.modelConfig`,
    Number(input.model != null) + Number(input.customModel != null) + Number(input.modelConfig != null),
  );
  requireExactlyOne(path, 'gpu', 'customGpu', Number(input.gpu != null) + Number(input.customGpu != null));
  const weightFormat = input.weightFormat ?? 'FP16';
  const kvCacheFormat = input.kvCacheFormat ?? 'FP16';
  checkWeightFormat(`${path}.weightFormat`, weightFormat);
  checkStorageFormat(`${path}.kvCacheFormat`, kvCacheFormat);
  const computeFormat = input.computeFormat ?? undefined;
  if (computeFormat !== undefined) checkComputeFormat(`${path}.computeFormat`, computeFormat);
  const model = input.customModel
    ? customModelSpec(`${path}.customModel`, input.customModel)
    : input.modelConfig
      ? configModelSpec(`${path}.modelConfig`, input.modelConfig)
      : lookupModel(`${path}.model`, String(input.model));
  const gpu = input.customGpu
    ? customGpuSpec(`${path}.customGpu`, input.customGpu)
    : lookupGpu(`${path}.gpu`, String(input.gpu));
  const request = withWorkload(workload, model, gpu, weightFormat, kvCacheFormat, computeFormat);
  if (input.weightQuantization) request.weightQuantization = input.weightQuantization;
  return request;
}

/**
 * The request for one combination. Spelled out rather than `{ ...workload, model, ... }`: V8 makes
 * each property added after a spread a slow runtime call (~2 us each), which a 1,000-estimate
 * comparison paid 1,000 times.
 */
export function withWorkload(
  workload: Workload,
  model: ModelSpec,
  gpu: GpuSpec,
  weightFormat: WeightFormat,
  kvCacheFormat: NumberFormat,
  computeFormat?: NumberFormat,
): EstimateRequest {
  return {
    inputTokens: workload.inputTokens,
    outputTokens: workload.outputTokens,
    batchSize: workload.batchSize,
    gpuCount: workload.gpuCount,
    parallelism: workload.parallelism,
    gpusPerNode: workload.gpusPerNode,
    networkBandwidthBytesPerSecond: workload.networkBandwidthBytesPerSecond,
    prefixCacheHitRate: workload.prefixCacheHitRate,
    speculativeDecoding: workload.speculativeDecoding,
    disaggregation: workload.disaggregation,
    engine: workload.engine,
    tuning: workload.tuning,
    memory: workload.memory,
    model,
    gpu,
    weightFormat,
    kvCacheFormat,
    computeFormat,
  };
}
