/** Plain data shapes shared by the estimation core. No behaviour lives here. */

import type { ModelSpec } from './model-spec.js';
import type { NumberFormat, WeightFormat } from './number-format.js';

/** Named weight-quantisation schemes; quantization.ts holds their bits and sources. */
export const WEIGHT_QUANTIZATIONS = [
  'AWQ_INT4_G128',
  'GPTQ_INT4_G128',
  'GPT_FAST_INT4_G32',
  'INT8_PER_CHANNEL',
  'MLC_Q4F16_1',
  'EXL2_4_0BPW',
  'GGUF_Q4_0',
  'GGUF_Q4_K_M',
  'GGUF_Q5_K_M',
  'GGUF_Q8_0',
  'BNB_NF4',
  'FP8_PER_TENSOR',
  'FP8_PER_CHANNEL',
  'FP8_BLOCK_128',
] as const;
export type WeightQuantization = (typeof WEIGHT_QUANTIZATIONS)[number];

export type { LayerGroup, ModelSpec } from './model-spec.js';
export { NUMBER_FORMATS, type NumberFormat, type Sourced, type WeightFormat } from './number-format.js';

export type GpuVendor = 'NVIDIA' | 'AMD' | 'INTEL' | 'Custom';
export type GpuGeneration =
  | 'VOLTA'
  | 'AMPERE'
  | 'ADA'
  | 'HOPPER'
  | 'BLACKWELL'
  | 'CDNA2'
  | 'CDNA3'
  | 'CDNA4'
  | 'GAUDI3'
  | 'CUSTOM';

export interface GpuSpec {
  id: string;
  name: string;
  vendor: GpuVendor;
  generation: GpuGeneration;
  aliases: string[];
  /** Where the datasheet figures come from. */
  source: string;
  /** Total memory in bytes, as the driver reports it where known, else the marketed size. */
  memoryBytes: number;
  /** 'DRIVER' when memoryBytes is the driver-reported total, 'MARKETED' when it is the datasheet size. */
  memoryBytesBasis: 'DRIVER' | 'MARKETED';
  memoryBandwidthBytesPerSecond: number;
  /** GPU-to-GPU bandwidth per direction (NVLink/Infinity Fabric, or PCIe when there is none). */
  interconnectBandwidthBytesPerSecond: number;
  /** Network bandwidth per GPU between nodes of the GPU's platform, B/s; absent: 400 Gb/s InfiniBand (sharding.ts). */
  networkBandwidthBytesPerSecond?: number;
  /** Board power; null when unknown (a custom GPU given without it). */
  tdpWatts: number | null;
  /** Dense (not 2:4 sparse) peak throughput per compute format, FLOP/s (or OP/s for integers). */
  peakFlops: Partial<Record<NumberFormat, number>>;
}

/** Classes of inference engine whose speed we calibrate separately; IDEAL is the pure roofline bound. */
export const ENGINE_PROFILES = ['OPTIMIZED', 'LLAMA_CPP', 'EXLLAMA', 'HF_TRANSFORMERS', 'IDEAL'] as const;
export type EngineProfile = (typeof ENGINE_PROFILES)[number];

/** Efficiency factors and fixed costs of the timing model; IDEAL is 1, 1, 1, 1, 0, 0, 0. */
export interface Tuning {
  /** Fraction of peak FLOP/s reached in prefill, (0, 1]. */
  prefillComputeEfficiency: number;
  /** Fraction of peak memory bandwidth reached in prefill, (0, 1]. */
  prefillBandwidthEfficiency: number;
  /** Fraction of peak FLOP/s reached in decode, (0, 1]. */
  decodeComputeEfficiency: number;
  /** Fraction of peak memory bandwidth reached in decode, (0, 1]. */
  decodeBandwidthEfficiency: number;
  /**
   * Fraction of peak memory bandwidth that weight-only quantised matmuls (INT8/INT4 weights
   * unpacked for FP16 compute) reach while streaming their weights, in both phases, (0, 1].
   * Their kernels trail the 16-bit ones (llama.cpp's quantised GEMV most of all).
   */
  weightOnlyBandwidthEfficiency: number;
  /** Fixed cost added once per request to the time to first token (scheduling, tokenisation, launch), s. */
  perRequestOverheadSeconds: number;
  /** Fixed cost added to every decode step (kernel launches, sampling, host sync), s. */
  perStepOverheadSeconds: number;
  /**
   * Fixed cost per MoE layer of every decode step: the routing kernels (top-k, token permutation, the
   * grouped expert GEMMs' launches, un-permutation) that a dense layer does not have, however few tokens, s.
   */
  perMoeLayerOverheadSeconds: number;
  /** Fixed latency of one tensor-parallel all-reduce (launch, synchronisation), s. */
  allReduceLatencySeconds: number;
  /**
   * Bytes-equivalent each of a ring all-reduce's 2 (g - 1) steps costs on top of its payload
   * (protocol chunk and handshake): small all-reduces get slower with more GPUs, and much slower
   * over PCIe than over NVLink.
   */
  allReduceStepBytes: number;
  /**
   * Vector-unit operations (at the GPU's FP32 rate) spent unpacking and scaling each weight that a
   * weight-only quantised matmul reads (INT8/INT4 weights computed in FP16). Explains why
   * quantised decode is slower than its bytes suggest on GPUs with few vector FLOPs per byte.
   */
  dequantizationOpsPerWeight: number;
}

/** Memory assumptions that are not part of the model or the GPU. */
export interface MemoryAssumptions {
  /** CUDA context, library workspaces and allocator slack per GPU, bytes. */
  runtimeOverheadBytes: number;
  /**
   * Buffers the engine allocates as tensors whatever the request (kernel workspaces, unpacking
   * scratch, rotary tables, sampler buffers), per GPU, bytes; the default is the profile's, fitted on
   * the memory cases.
   */
  engineBuffersBytes: number;
  /** Largest number of prompt tokens (all sequences together) one prefill step processes; longer prompts are chunked. */
  maxBatchedTokens: number;
  /**
   * The engine reserves the activations of a full maxBatchedTokens step whatever the request (vLLM's
   * profile run, TensorRT-LLM's build-time activation buffers, llama.cpp's compute buffer); false: the
   * request's own largest step. The default is the profile's.
   */
  reservesFullStep: boolean;
  /** Share of the GPU's memory the engine will use (vLLM gpu_memory_utilization), 0..1; the default is the profile's. */
  usableMemoryFraction: number;
  /** Bytes per attention-score element an unfused engine materialises in prefill (0: fused/flash attention). */
  attentionScoreBytes: number;
  /** Bytes per logit kept for every prompt position in prefill (0: only the last position's logits). */
  prefillLogitsBytes: number;
}

/** Degrees of parallelism and the GPU total they make (tensor x pipeline x data); sharding.ts applies them. */
export interface Parallelism {
  tensor: number;
  pipeline: number;
  expert: number;
  data: number;
  gpuCount: number;
}

export type ParallelismDegrees = Omit<Parallelism, 'gpuCount'>;

export interface EstimateRequest {
  model: ModelSpec;
  gpu: GpuSpec;
  /** GPUs in all: tensor = gpuCount when `parallelism` is absent, else tensor x pipeline x data. */
  gpuCount: number;
  /** How the GPUs split the model; absent: tensor parallelism over gpuCount GPUs. */
  parallelism?: Partial<ParallelismDegrees>;
  /** GPUs per node: collectives spanning more cross the network. */
  gpusPerNode?: number;
  /** Network bandwidth per GPU between nodes, B/s; the platform's when absent. */
  networkBandwidthBytesPerSecond?: number;
  weightFormat: WeightFormat;
  kvCacheFormat: NumberFormat;
  /** Format the matrix multiplications run in; defaults from the weight format (weight-only INT8/INT4 compute in FP16). */
  computeFormat?: NumberFormat;
  inputTokens: number;
  outputTokens: number;
  batchSize: number;
  engine?: EngineProfile;
  tuning?: Partial<Tuning>;
  memory?: Partial<MemoryAssumptions>;
  /** A named quantisation scheme with its real bytes; it sets the weight format (see quantization.ts). */
  weightQuantization?: WeightQuantization;
  /** Share of each prompt already in the prefix cache (attended to, not recomputed), 0 <= rate < 1; default 0. */
  prefixCacheHitRate?: number;
  /** Speculative decoding or multi-token prediction; absent: one token per decode step. */
  speculativeDecoding?: SpeculativeDecoding;
  /** Prefill on a pool of GPUs of its own (disaggregated serving); the request's GPUs then only decode. */
  disaggregation?: Disaggregation;
}

/**
 * Disaggregated prefill and decode: prompts are prefilled on `prefillGpuCount` GPUs of the same
 * type (split as `prefillParallelism` says, default tensor = prefillGpuCount), their KV cache sent
 * over the network to the request's GPUs, which only decode. Shapes serving only.
 */
export interface Disaggregation {
  prefillGpuCount: number;
  prefillParallelism?: Partial<ParallelismDegrees>;
}

/**
 * Each decode step verifies `draftTokens` proposed tokens per sequence (draftTokens + 1 positions)
 * and keeps `acceptedTokensPerStep` of them on average (the bonus token included), so a generation
 * takes (outputTokens - 1) / acceptedTokensPerStep steps. A draft model proposes them with
 * draftTokens decode steps of its own per step, on one GPU; without one (multi-token prediction
 * heads, n-gram lookup) proposing is free.
 */
export interface SpeculativeDecoding {
  draftTokens: number;
  acceptedTokensPerStep: number;
  draftModel?: ModelSpec;
}
