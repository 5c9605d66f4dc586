import { asPrefillPoolError, checkStorageFormat, checkWeightFormat, checkWorkload } from './checks.js';
import { activationBytes, bytesPerElement, defaultComputeFormat, resolveComputeFormat } from './formats.js';
import { classFormats, storedBytesPerElement, unquantisedBytesPerElement } from './model.js';
import { type StoredFormat, TENSOR_CLASSES, type TensorClass } from './model-spec.js';
import { DEFAULT_ENGINE, ENGINE_MEMORY, engineBuffersBytes, tuningFor } from './profiles.js';
import { type QuantizationScheme, quantizationScheme } from './quantization.js';
import { checkSplit, DEFAULT_GPUS_PER_NODE, parallelismOf, type Sharding, shardModel } from './sharding.js';
import type {
  EngineProfile,
  EstimateRequest,
  GpuSpec,
  MemoryAssumptions,
  ModelSpec,
  NumberFormat,
  Tuning,
  WeightFormat,
} from './types.js';

/** CUDA context (~0.5 GiB) plus cuBLAS/attention workspaces and allocator slack (~0.5 GiB), per GPU. */
export const DEFAULT_RUNTIME_OVERHEAD_BYTES = 1024 ** 3;
/** Prefill chunk of TensorRT-LLM's max_num_tokens and vLLM's chunked-prefill default. */
export const DEFAULT_MAX_BATCHED_TOKENS = 8192;

/** How one class of weight tensors is stored and multiplied on this GPU. */
export interface ClassCompute {
  storage: StoredFormat;
  /** Bytes one parameter takes, scales included. */
  bytesPerParameter: number;
  computeFormatRequested: NumberFormat;
  /** The compute format the GPU has for this class (after falling back), and its dense peak, FLOP/s. */
  computeFormat: NumberFormat;
  peakFlops: number;
  /** Stored narrower than it computes: each weight is unpacked first. */
  dequantizes: boolean;
}

/** A request with every default filled in and every choice made explicit. */
export interface ResolvedRequest {
  model: ModelSpec;
  gpu: GpuSpec;
  /** GPUs in all (tensor x pipeline x data). */
  gpuCount: number;
  /** How the model splits over the GPUs: what each holds, which links its collectives cross. */
  sharding: Sharding;
  weightFormat: WeightFormat;
  kvCacheFormat: NumberFormat;
  computeFormatRequested: NumberFormat;
  /**
   * The compute format the GPU actually has (after falling back), and its dense peak, FLOP/s.
   * With NATIVE weights: the FFN's (routed experts', else the dense MLP's) class.
   */
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
  /** Bytes per parameter of the FFN's class (every linear class unless NATIVE). */
  weightBytesPerParameter: number;
  /** Prompt tokens per sequence already cached (prefixCacheHitRate x inputTokens, whole tokens). */
  cachedPromptTokens: number;
  /** Speculative decoding, with the draft model's own request resolved; null without it. */
  speculative: ResolvedSpeculation | null;
  /** Disaggregated serving: the prefill pool as a request of its own (one output token); null when colocated. */
  prefillPool: ResolvedRequest | null;
  /** The named quantisation scheme, when the request gave one. */
  weightQuantization: QuantizationScheme | null;
  /** Bytes per parameter of the LM head (the embedding table when tied): 16-bit unless a scheme quantises it. */
  lmHeadBytesPerParameter: number;
  /** Relative unpack work per weight of the scheme (1 without one); see QuantizationScheme. */
  dequantizationCost: number;
  /** Storage and compute of each tensor class; embeddings and LM head stay 16-bit (FP32 for FP32). */
  classes: Record<TensorClass, ClassCompute>;
  kvBytesPerElement: number;
  activationBytesPerElement: number;
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
  const parallelism = parallelismOf(request.gpuCount, request.parallelism);
  checkSplit(request.parallelism ? 'parallelism' : 'gpuCount', model, parallelism);
  const sharding = shardModel(model, gpu, parallelism, {
    gpusPerNode: request.gpusPerNode ?? DEFAULT_GPUS_PER_NODE,
    networkBytesPerSecond: request.networkBandwidthBytesPerSecond,
  });
  const scheme = request.weightQuantization ? quantizationScheme(request.weightQuantization) : null;
  const weightFormat = scheme?.format ?? request.weightFormat;
  checkWeightFormat('weightFormat', weightFormat);
  checkStorageFormat('kvCacheFormat', request.kvCacheFormat);

  const engine = request.engine ?? DEFAULT_ENGINE;
  const tuning = mergeTuning(tuningFor(engine, gpu.generation), request.tuning);
  const memory: MemoryAssumptions = {
    runtimeOverheadBytes: request.memory?.runtimeOverheadBytes ?? DEFAULT_RUNTIME_OVERHEAD_BYTES,
    engineBuffersBytes: request.memory?.engineBuffersBytes ?? engineBuffersBytes(engine),
    maxBatchedTokens:
      request.memory?.maxBatchedTokens ??
      ENGINE_MEMORY[engine].maxBatchedTokens ??
      DEFAULT_MAX_BATCHED_TOKENS,
    reservesFullStep: request.memory?.reservesFullStep ?? ENGINE_MEMORY[engine].reservesFullStep,
    usableMemoryFraction: request.memory?.usableMemoryFraction ?? ENGINE_MEMORY[engine].usableMemoryFraction,
    attentionScoreBytes: request.memory?.attentionScoreBytes ?? 0,
    prefillLogitsBytes: request.memory?.prefillLogitsBytes ?? 0,
  };

  const classes = resolveClasses(request, weightFormat, scheme);
  const ffn = weightFormat === 'NATIVE' && hasRoutedExperts(model) ? classes.routedExperts : classes.denseFfn;
  const compute = { format: ffn.computeFormat, peakFlops: ffn.peakFlops };
  const attentionRequested: NumberFormat =
    compute.format === 'FP8' && request.kvCacheFormat === 'FP8'
      ? 'FP8'
      : compute.format === 'FP32' || compute.format === 'TF32'
        ? compute.format
        : 'FP16';
  const attention = resolveComputeFormat(gpu, attentionRequested);

  return {
    model,
    gpu,
    gpuCount: parallelism.gpuCount,
    sharding,
    weightFormat,
    kvCacheFormat: request.kvCacheFormat,
    computeFormatRequested: ffn.computeFormatRequested,
    computeFormat: compute.format,
    computePeakFlops: compute.peakFlops,
    attentionFormat: attention.format,
    attentionPeakFlops: attention.peakFlops,
    dequantizesWeights: ffn.dequantizes,
    vectorPeakFlops: gpu.peakFlops.FP32 ?? compute.peakFlops,
    inputTokens: request.inputTokens,
    outputTokens: request.outputTokens,
    batchSize: request.batchSize,
    engine,
    tuning,
    memory,
    weightBytesPerParameter: ffn.bytesPerParameter,
    weightQuantization: scheme,
    cachedPromptTokens: Math.floor((request.prefixCacheHitRate ?? 0) * request.inputTokens),
    speculative: resolveSpeculation(request),
    prefillPool: resolvePrefillPool(request),
    lmHeadBytesPerParameter: classes.lmHead.bytesPerParameter,
    dequantizationCost: scheme?.dequantizationCost ?? 1,
    classes,
    kvBytesPerElement: bytesPerElement(request.kvCacheFormat),
    activationBytesPerElement: activationBytes(compute.format),
  };
}

export interface ResolvedSpeculation {
  draftTokens: number;
  acceptedTokensPerStep: number;
  /** The draft model on one GPU with the target's formats and engine; null when proposing is free. */
  draft: ResolvedRequest | null;
}

function resolveSpeculation(request: EstimateRequest): ResolvedSpeculation | null {
  const spec = request.speculativeDecoding;
  if (!spec) return null;
  const draft = spec.draftModel
    ? resolveRequest({
        ...request,
        model: spec.draftModel,
        gpuCount: 1,
        parallelism: undefined,
        weightQuantization: undefined,
        speculativeDecoding: undefined,
        prefixCacheHitRate: undefined,
        disaggregation: undefined,
      })
    : null;
  return { draftTokens: spec.draftTokens, acceptedTokensPerStep: spec.acceptedTokensPerStep, draft };
}

function resolvePrefillPool(request: EstimateRequest): ResolvedRequest | null {
  const pool = request.disaggregation;
  if (!pool) return null;
  return asPrefillPoolError(() =>
    resolveRequest({
      ...request,
      gpuCount: pool.prefillGpuCount,
      parallelism: pool.prefillParallelism,
      outputTokens: 1,
      batchSize: 1,
      speculativeDecoding: undefined,
      disaggregation: undefined,
    }),
  );
}

/** Bytes of the 16-bit (or 32-bit, for FP32 models) tensors quantisation leaves alone: norms, biases, sinks. */
export function unquantisedBytes(r: ResolvedRequest): number {
  return unquantisedBytesPerElement(r.weightFormat);
}

function hasRoutedExperts(model: ModelSpec): boolean {
  return model.layerGroups.some((g) => g.ffn.kind === 'MOE');
}

/**
 * Storage and compute per tensor class. Embeddings and LM head keep the FFN's compute path, as
 * the single-format model always did.
 */
function resolveClasses(
  request: EstimateRequest,
  weightFormat: WeightFormat,
  scheme: QuantizationScheme | null,
): Record<TensorClass, ClassCompute> {
  if (scheme !== null) {
    // A named scheme: its real bits for the matrices, and its own for the embedding table and the LM head.
    const linear = classCompute(request, { format: scheme.format }, scheme.linearBits / 8);
    const headBits = request.model.tiedEmbeddings ? scheme.embeddingBits : scheme.lmHeadBits;
    const embedding = unquantisedClass(linear, { format: 'BF16' }, scheme.embeddingBits / 8);
    return {
      attention: linear,
      denseFfn: linear,
      routedExperts: linear,
      sharedExperts: linear,
      router: linear,
      embedding,
      lmHead: unquantisedClass(linear, { format: 'BF16' }, headBits / 8),
    };
  }
  if (weightFormat !== 'NATIVE') {
    // One format for every matrix: one entry shared by the linear classes, one by embeddings and head.
    const linear = classCompute(request, { format: weightFormat });
    const head = unquantisedClass(linear, { format: weightFormat === 'FP32' ? 'FP32' : 'BF16' });
    return {
      attention: linear,
      denseFfn: linear,
      routedExperts: linear,
      sharedExperts: linear,
      router: linear,
      embedding: head,
      lmHead: head,
    };
  }
  const formats = classFormats(request.model, weightFormat);
  const classes = {} as Record<TensorClass, ClassCompute>;
  for (const c of TENSOR_CLASSES) classes[c] = classCompute(request, formats[c]);
  const head = hasRoutedExperts(request.model) ? classes.routedExperts : classes.denseFfn;
  classes.embedding = unquantisedClass(head, formats.embedding);
  classes.lmHead = unquantisedClass(head, formats.lmHead);
  return classes;
}

/** Embeddings and LM head: their own storage, the compute path of `like`, never unpacked. */
function unquantisedClass(like: ClassCompute, storage: StoredFormat, bytes?: number): ClassCompute {
  return {
    storage,
    bytesPerParameter: bytes ?? storedBytesPerElement(storage),
    computeFormatRequested: like.computeFormatRequested,
    computeFormat: like.computeFormat,
    peakFlops: like.peakFlops,
    dequantizes: false,
  };
}

/**
 * Storage and compute of one class: it computes in the request's computeFormat, else in its
 * storage format's default (weight-only INT8/INT4 in FP16), falling back to what the GPU has.
 */
function classCompute(request: EstimateRequest, storage: StoredFormat, bytes?: number): ClassCompute {
  const requested = request.computeFormat ?? defaultComputeFormat(storage.format);
  const compute = resolveComputeFormat(request.gpu, requested);
  const stored = bytes ?? bytesPerElement(storage.format);
  return {
    storage,
    bytesPerParameter: bytes ?? storedBytesPerElement(storage),
    computeFormatRequested: requested,
    computeFormat: compute.format,
    peakFlops: compute.peakFlops,
    dequantizes: stored <= 1 && bytesPerElement(storageOf(compute.format)) > stored,
  };
}
