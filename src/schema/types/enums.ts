import {
  type BatchLimit,
  type Bound,
  bytesPerElement,
  type ContextLimitReason,
  ENGINE_DESCRIPTIONS,
  type FitsBasis,
  type GpuGeneration,
  type GpuSpec,
  type GpuVendor,
  INT4_GROUP_SIZE,
  INT4_SCALE_BITS,
  MXFP4_GROUP_SIZE,
  NVFP4_GROUP_SIZE,
  type OperatorName,
  QUANTIZATION_SCHEMES,
  type WeightFormat,
  type WeightQuantization,
} from '../../core/index.js';
import { builder } from '../builder.js';

/**
 * Enum values from a description per core value, so that TypeScript refuses a core value the
 * schema forgets. GraphQL names are the core values in upper case (`qkv_projection` -> QKV_PROJECTION).
 */
function describedValues<T extends string>(
  descriptions: Record<T, string>,
): Record<string, { value: T; description: string }> {
  const values: Record<string, { value: T; description: string }> = {};
  for (const [value, description] of Object.entries(descriptions) as [T, string][]) {
    values[value.toUpperCase()] = { value, description };
  }
  return values;
}

export const NumberFormatEnum = builder.enumType('NumberFormat', {
  description:
    'Number format of stored weights or KV cache, or of the arithmetic (compute format). NATIVE is for weights only.',
  values: describedValues<WeightFormat>({
    FP32: '32-bit float: 4 bytes per element.',
    TF32: 'Tensor-core compute mode over FP32 data. Compute only: it cannot store weights or a KV cache.',
    BF16: 'bfloat16: 2 bytes per element.',
    FP16: 'IEEE half precision: 2 bytes per element.',
    FP8: '8-bit float (E4M3): 1 byte per element; FP8 compute needs Hopper, Ada, Blackwell or CDNA3.',
    INT8: '8-bit integer: 1 byte per element. INT8 weights compute in FP16 unless computeFormat says INT8 (W8A8).',
    INT4: `4-bit integer in groups of ${INT4_GROUP_SIZE} sharing one ${INT4_SCALE_BITS}-bit scale: ${bytesPerElement('INT4')} bytes per element. INT4 weights compute in FP16 unless computeFormat says otherwise.`,
    NVFP4: `NVIDIA FP4: E2M1 elements with one FP8 (E4M3) scale per ${NVFP4_GROUP_SIZE}: ${bytesPerElement('NVFP4')} bytes (4.5 bits) per element. Computes on FP4 tensor cores (Blackwell); elsewhere it is unpacked to FP16, with a warning.`,
    MXFP4: `OCP microscaling FP4: E2M1 elements with one 8-bit power-of-two scale per ${MXFP4_GROUP_SIZE}: ${bytesPerElement('MXFP4')} bytes (4.25 bits) per element. Computes on FP4 tensor cores (Blackwell, CDNA4); elsewhere it is unpacked to FP16, with a warning.`,
    NATIVE:
      "Weights only: the published checkpoint's own format per tensor class (gpt-oss: MXFP4 experts, BF16 attention; DeepSeek-V3/R1: FP8 with one FP32 scale per 128 x 128 block), BF16 where the model records none (Model.nativeFormats). Not a KV cache or compute format.",
  }),
});

export const WeightQuantizationEnum = builder.enumType('WeightQuantization', {
  description:
    'A named weight-quantisation scheme with the bytes it really stores (element bits, group size, scales, zero points) and what it does to the embedding table and LM head.',
  values: describedValues<WeightQuantization>(
    Object.fromEntries(
      QUANTIZATION_SCHEMES.map((s) => [
        s.id,
        `${s.description} ${Number(s.linearBits.toFixed(4))} bits per matrix weight; computes as ${s.format}.`,
      ]),
    ) as Record<WeightQuantization, string>,
  ),
});

export const FitsBasisEnum = builder.enumType('FitsBasis', {
  description: 'What Estimate.fits compares with the capacity.',
  values: describedValues<FitsBasis>({
    MEMORY_RANGE_HIGH:
      'The upper end of memory.totalBytesRange: the prediction times the 90th percentile of measured / predicted on held-out memory cases (the default).',
    POINT_ESTIMATE: 'memory.totalBytes itself.',
  }),
});

export const EngineProfileEnum = builder.enumType('EngineProfile', {
  description:
    'Class of inference engine whose efficiency factors and overheads are calibrated separately against measurements.',
  values: describedValues(ENGINE_DESCRIPTIONS),
});

export const ContextLimitReasonEnum = builder.enumType('ContextLimitReason', {
  description: 'What bounds the longest sequence an estimate can serve.',
  values: describedValues<ContextLimitReason>({
    MEMORY: 'The KV cache fills the memory left after weights, activations and runtime overhead.',
    CONTEXT_WINDOW: "The model's context window (max_position_embeddings) is reached first.",
    WEIGHTS_DO_NOT_FIT:
      'Weights, activations and runtime overhead alone exceed the GPU memory: no sequence fits.',
  }),
});

export const BatchLimitReasonEnum = builder.enumType('BatchLimitReason', {
  description: 'What bounds the largest batch of sequences an estimate can serve.',
  values: describedValues<BatchLimit['limitedBy']>({
    MEMORY: 'One more sequence would not fit in memory.',
    CONTEXT_WINDOW: "The sequence length exceeds the model's context window: batch 0.",
    WEIGHTS_DO_NOT_FIT: 'Weights, activations and runtime overhead alone exceed the GPU memory: batch 0.',
    BATCH_LIMIT: 'The answer reached the API limit on batch size (100,000).',
  }),
});

export const BoundEnum = builder.enumType('Bound', {
  description: 'What an operator or a phase spends its time on.',
  values: describedValues<Bound>({
    COMPUTE: 'Arithmetic: FLOPs / (peak FLOP/s x compute efficiency) is the larger roofline term.',
    MEMORY: 'Memory traffic: bytes / (bandwidth x bandwidth efficiency) is the larger roofline term.',
    INTERCONNECT: 'GPU-to-GPU transfers: tensor-parallel all-reduce, expert-parallel all-to-all.',
    OVERHEAD:
      'Fixed per-request or per-step overhead of the engine (scheduling, launches, sampling), or a pipeline stage waiting for the others.',
  }),
});

export const OperatorEnum = builder.enumType('Operator', {
  description:
    'An operator of the forward pass, summed over the layers of one layer group (OperatorCost.layerGroup) or the whole model.',
  values: describedValues<OperatorName>({
    embedding: 'Token embedding lookup (memory traffic only).',
    norms: "RMSNorm/LayerNorm of every layer of the group (the first group's also counts the final norm).",
    qkv_projection:
      'Query, key and value projections (with biases where the model has them). MLA: q down/up and kv down projections, plus the kv up-projection in prefill (expanded form) or the key half of it folded into the query in decode (absorbed form).',
    attention_scores:
      'Q x K^T over the attended tokens: causal in prefill, capped by a sliding window or limited to the chunk. MLA decode scores against the cached latent (kvLoraRank + qkRopeHeadDim per head), read once for all heads.',
    attention_values:
      'Softmax(scores) x V over the attended tokens. MLA decode multiplies by the latent already read for the scores (FLOPs only).',
    output_projection:
      'Attention output projection back to the hidden size; MLA decode first applies the value half of the kv up-projection (absorbed form).',
    moe_router: 'Mixture-of-experts router (MoE models only).',
    ffn: 'Feed-forward network: the dense MLP, or the routed experts each token uses (FLOPs) and the distinct experts a step reads (bytes).',
    shared_experts:
      'Shared experts of an MoE layer, which every token uses (DeepSeek, Kimi, Qwen2-MoE, Llama-4).',
    lm_head: 'Output projection to the vocabulary, for the last position of each sequence only.',
    tensor_parallel_all_reduce:
      'Ring all-reduces over the tensor-parallel GPUs: after attention and after the FFN of every layer (after attention only in MoE layers with expert parallelism); over the GPU interconnect within a node, the network when the tensor group spans nodes (tensor > 1 only).',
    expert_all_to_all:
      'Expert parallelism: all-to-all dispatch of each token to the GPUs holding its top-k experts and the combine back, every MoE layer (expert > 1 only).',
    speculative_draft:
      "Speculative decoding: the draft model's own decode steps (draftTokens of them, on one GPU) that propose the tokens each step verifies.",
    pipeline_bubble:
      'Pipeline parallelism: time the busiest stage waits for the others and for the point-to-point transfer of activations between stages (pipeline > 1 only).',
  }),
});

export const GpuVendorEnum = builder.enumType('GpuVendor', {
  description: 'Who makes the GPU.',
  values: describedValues<GpuVendor>({
    NVIDIA: 'NVIDIA.',
    AMD: 'AMD.',
    INTEL: 'Intel (Gaudi accelerators).',
    Custom: 'A GPU described in the request (CustomGpuInput).',
  }),
});

export const GpuGenerationEnum = builder.enumType('GpuGeneration', {
  description:
    'GPU architecture generation; engine profiles may carry generation-specific efficiency factors.',
  values: describedValues<GpuGeneration>({
    VOLTA: 'NVIDIA Volta (V100).',
    AMPERE: 'NVIDIA Ampere (A100, A10, RTX 3090).',
    ADA: 'NVIDIA Ada Lovelace (L4, L20, L40S, RTX 4090).',
    HOPPER: 'NVIDIA Hopper (H100, H200, H20).',
    BLACKWELL: 'NVIDIA Blackwell (B200, B300, GB200, RTX 5090, RTX PRO 6000).',
    CDNA2: 'AMD CDNA 2 (MI200 series).',
    CDNA3: 'AMD CDNA 3 (MI300X, MI325X).',
    CDNA4: 'AMD CDNA 4 (MI350 series): adds FP4 (MXFP4) matrix cores.',
    GAUDI3: 'Intel Gaudi 3.',
    CUSTOM: 'Unknown generation: the engine profile uses its generation-independent factors.',
  }),
});

export const MemoryBytesBasisEnum = builder.enumType('MemoryBytesBasis', {
  description: 'Where a GPU memory size comes from.',
  values: describedValues<GpuSpec['memoryBytesBasis']>({
    DRIVER: 'The total the driver reports (nvidia-smi / rocm-smi), which is what can be allocated from.',
    MARKETED: "The datasheet's size (for example 80 GB = 80e9 bytes), when no driver figure is known.",
  }),
});
