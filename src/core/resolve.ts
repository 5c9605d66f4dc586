import { checkWorkload } from './checks.js';
import {
  activationBytes,
  bytesPerElement,
  defaultComputeFormat,
  isStorageFormat,
  resolveComputeFormat,
} from './formats.js';
import { EstimateInputError } from './limits.js';
import { DEFAULT_ENGINE, tuningFor } from './profiles.js';
import { type QuantizationScheme, quantizationScheme } from './quantization.js';
import type {
  EngineProfile,
  EstimateRequest,
  GpuSpec,
  MemoryAssumptions,
  ModelSpec,
  NumberFormat,
  Tuning,
} from './types.js';

/** CUDA context (~0.5 GiB) plus cuBLAS/attention workspaces and allocator slack (~0.5 GiB), per GPU. */
export const DEFAULT_RUNTIME_OVERHEAD_BYTES = 1024 ** 3;
/** Prefill chunk of TensorRT-LLM's max_num_tokens and vLLM's chunked-prefill default. */
export const DEFAULT_MAX_BATCHED_TOKENS = 8192;

/** A request with every default filled in and every choice made explicit. */
export interface ResolvedRequest {
  model: ModelSpec;
  gpu: GpuSpec;
  gpuCount: number;
  weightFormat: NumberFormat;
  kvCacheFormat: NumberFormat;
  computeFormatRequested: NumberFormat;
  /** The compute format the GPU actually has (after falling back), and its dense peak, FLOP/s. */
  computeFormat: NumberFormat;
  computePeakFlops: number;
  /** Attention runs in FP8 only with FP8 compute and an FP8 cache, else in 16-bit (or FP32). */
  attentionFormat: NumberFormat;
  attentionPeakFlops: number;
  /** Weights are stored in a narrower format than the matmul computes in, so each one is unpacked first. */
  dequantizesWeights: boolean;
  /** Non-tensor FP32 throughput that unpacking runs on, FLOP/s. */
  vectorPeakFlops: number;
  inputTokens: number;
  outputTokens: number;
  batchSize: number;
  engine: EngineProfile;
  tuning: Tuning;
  memory: MemoryAssumptions;
  weightBytesPerParameter: number;
  /** The named quantisation scheme, when the request gave one. */
  weightQuantization: QuantizationScheme | null;
  /** Bytes per parameter of the LM head (the embedding table when tied): 16-bit unless a scheme quantises it. */
  lmHeadBytesPerParameter: number;
  /** Relative unpack work per weight of the scheme (1 without one); see QuantizationScheme. */
  dequantizationCost: number;
  kvBytesPerElement: number;
  activationBytesPerElement: number;
}

function checkStorage(field: string, format: NumberFormat): void {
  if (!isStorageFormat(format)) {
    throw new EstimateInputError(field, format, 'a storage format (TF32 is a compute mode only)');
  }
}

/** The profile's values with the given overrides (already checked by checkWorkload) in their place. */
function mergeTuning(base: Tuning, override: Partial<Tuning> | undefined): Tuning {
  if (!override) return base;
  const tuning = { ...base };
  for (const key of Object.keys(override) as (keyof Tuning)[]) {
    const value = override[key];
    if (value !== undefined && value !== null) tuning[key] = value;
  }
  return tuning;
}

/** The storage format whose width a compute format's operands have (TF32 reads FP32). */
function storageOf(format: NumberFormat): NumberFormat {
  return format === 'TF32' ? 'FP32' : format;
}

/** Fills defaults and checks every number; throws EstimateInputError naming the field. */
export function resolveRequest(request: EstimateRequest): ResolvedRequest {
  const { model, gpu } = request;
  checkWorkload(request);
  const scheme = request.weightQuantization ? quantizationScheme(request.weightQuantization) : null;
  const weightFormat = scheme?.format ?? request.weightFormat;
  checkStorage('weightFormat', weightFormat);
  checkStorage('kvCacheFormat', request.kvCacheFormat);

  const engine = request.engine ?? DEFAULT_ENGINE;
  const tuning = mergeTuning(tuningFor(engine, gpu.generation), request.tuning);
  const memory: MemoryAssumptions = {
    runtimeOverheadBytes: request.memory?.runtimeOverheadBytes ?? DEFAULT_RUNTIME_OVERHEAD_BYTES,
    maxBatchedTokens: request.memory?.maxBatchedTokens ?? DEFAULT_MAX_BATCHED_TOKENS,
  };

  const computeFormatRequested = request.computeFormat ?? defaultComputeFormat(weightFormat);
  const compute = resolveComputeFormat(gpu, computeFormatRequested);
  const attentionRequested: NumberFormat =
    compute.format === 'FP8' && request.kvCacheFormat === 'FP8'
      ? 'FP8'
      : compute.format === 'FP32' || compute.format === 'TF32'
        ? compute.format
        : 'FP16';
  const attention = resolveComputeFormat(gpu, attentionRequested);
  const weightBytes = scheme ? scheme.linearBits / 8 : bytesPerElement(weightFormat);
  const headBits = scheme ? (model.tiedEmbeddings ? scheme.embeddingBits : scheme.lmHeadBits) : null;
  const dequantizesWeights = weightBytes <= 1 && bytesPerElement(storageOf(compute.format)) > weightBytes;

  return {
    model,
    gpu,
    gpuCount: request.gpuCount,
    weightFormat,
    kvCacheFormat: request.kvCacheFormat,
    computeFormatRequested,
    computeFormat: compute.format,
    computePeakFlops: compute.peakFlops,
    attentionFormat: attention.format,
    attentionPeakFlops: attention.peakFlops,
    dequantizesWeights,
    vectorPeakFlops: gpu.peakFlops.FP32 ?? compute.peakFlops,
    inputTokens: request.inputTokens,
    outputTokens: request.outputTokens,
    batchSize: request.batchSize,
    engine,
    tuning,
    memory,
    weightBytesPerParameter: weightBytes,
    weightQuantization: scheme,
    lmHeadBytesPerParameter: headBits === null ? (weightFormat === 'FP32' ? 4 : 2) : headBits / 8,
    dequantizationCost: scheme?.dequantizationCost ?? 1,
    kvBytesPerElement: bytesPerElement(request.kvCacheFormat),
    activationBytesPerElement: activationBytes(compute.format),
  };
}
