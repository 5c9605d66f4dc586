/**
 * Named weight-quantisation schemes with the bytes they really store: element bits plus the scales
 * (and zero points) each group of weights shares, and what they do to the embedding table and the
 * LM head. A scheme picks the number format whose compute path runs (INT4 weight-only, FP8 W8A8, ...)
 * and the relative work of unpacking one weight. Sources are next to each scheme.
 */
import type { ModelAnalysis } from './model.js';
import { type NumberFormat, WEIGHT_QUANTIZATIONS, type WeightQuantization } from './types.js';

export interface QuantizationScheme {
  id: WeightQuantization;
  /** The number format whose compute path the scheme uses (weight-only INT4/INT8 unpack to 16-bit). */
  format: NumberFormat;
  /** Bits one weight of the quantised matrices takes, its share of scales and zero points included. */
  linearBits: number;
  /** Bits per parameter of the embedding table and of the LM head (16 when the scheme leaves them alone). */
  embeddingBits: number;
  lmHeadBits: number;
  /**
   * Work to unpack one weight relative to a 4-bit weight with one scale per group (1): a zero point adds
   * a subtraction, k-quants and NF4 a second level of scales or a table lookup, 8-bit elements need no
   * nibble shuffling; FP8 is unpacked only where the GPU has no FP8 tensor cores. Multiplies the profile's
   * fitted dequantisation operations per weight.
   */
  dequantizationCost: number;
  /** How the bits add up, and where the layout comes from. */
  description: string;
}

/** 4-bit elements with one fp16 scale and one packed 4-bit zero point per group of 128. */
const INT4_G128_ZEROS = 4 + (16 + 4) / 128;

const SCHEMES: Record<WeightQuantization, Omit<QuantizationScheme, 'id'>> = {
  AWQ_INT4_G128: {
    format: 'INT4',
    linearBits: INT4_G128_ZEROS,
    embeddingBits: 16,
    lmHeadBits: 16,
    dequantizationCost: 1.25,
    description:
      'AWQ (AutoAWQ/vLLM awq): 4-bit weights packed in int32, one fp16 scale and one 4-bit zero point per group ' +
      'of 128 -> 4 + (16 + 4)/128 = 4.156 bits; embeddings and LM head stay 16-bit (casper-hansen/AutoAWQ ' +
      'awq/modules/linear: qweight, qzeros, scales).',
  },
  GPTQ_INT4_G128: {
    format: 'INT4',
    linearBits: INT4_G128_ZEROS,
    embeddingBits: 16,
    lmHeadBits: 16,
    dequantizationCost: 1.25,
    description:
      'GPTQ (AutoGPTQ/ExLlama/Marlin): 4-bit weights, one fp16 scale and one packed 4-bit zero point per group ' +
      'of 128 (g_idx adds 32 bits per input row, negligible) -> 4.156 bits; embeddings and LM head 16-bit.',
  },
  GPT_FAST_INT4_G32: {
    format: 'INT4',
    linearBits: 4 + 32 / 32,
    embeddingBits: 16,
    lmHeadBits: 4 + 32 / 32,
    dequantizationCost: 1.25,
    description:
      "gpt-fast 'int4 weight-only g32': 4-bit weights with a bf16 scale and a bf16 zero per group of 32 " +
      '(scales_and_zeros) -> 4 + 32/32 = 5 bits; every nn.Linear is replaced, the output head included; ' +
      'embeddings stay bf16 (pytorch-labs/gpt-fast quantize.py).',
  },
  INT8_PER_CHANNEL: {
    format: 'INT8',
    linearBits: 8,
    embeddingBits: 16,
    lmHeadBits: 8,
    dequantizationCost: 0.5,
    description:
      "8-bit weight-only, one 16-bit scale per output channel (gpt-fast 'int8', TensorRT-LLM W8A16): 8 bits " +
      '(the per-channel scales are under 0.01 bit); the output head is quantised too, embeddings stay 16-bit.',
  },
  MLC_Q4F16_1: {
    format: 'INT4',
    linearBits: 4 + 16 / 32,
    embeddingBits: 4 + 16 / 32,
    lmHeadBits: 4 + 16 / 32,
    dequantizationCost: 1,
    description:
      'MLC LLM q4f16_1: 4-bit weights, one fp16 scale per group of 32, no zero point -> 4.5 bits; the embedding ' +
      'and LM head are quantised the same way (mlc-ai/mlc-llm quantization group_quantization).',
  },
  EXL2_4_0BPW: {
    format: 'INT4',
    linearBits: 4,
    embeddingBits: 16,
    lmHeadBits: 6,
    dequantizationCost: 1.25,
    description:
      'ExLlamaV2 EXL2 at 4.0 bits per weight: the target is the average over the quantised matrices with their ' +
      'scales; the head is quantised to 6 bits by default (turboderp/exllamav2 convert.py -hb 6).',
  },
  GGUF_Q4_0: {
    format: 'INT4',
    linearBits: 4.5,
    embeddingBits: 4.5,
    lmHeadBits: 6.5625,
    dequantizationCost: 1,
    description:
      'GGUF Q4_0: blocks of 32 weights = 16 bytes of nibbles + one fp16 scale -> 18 bytes / 32 = 4.5 bits; the ' +
      'token embedding is Q4_0 too, the output head Q6_K (6.5625 bits) (ggml-org/llama.cpp ggml-common.h, llama-quant.cpp).',
  },
  GGUF_Q4_K_M: {
    format: 'INT4',
    linearBits: 4.8944,
    embeddingBits: 4.8944,
    lmHeadBits: 4.8944,
    dequantizationCost: 1.5,
    description:
      'GGUF Q4_K_M: Q4_K super-blocks (4.5 bits) with half of attn_v/ffn_down and the output head in Q6_K; 4.8944 ' +
      'bits per weight over the whole Llama-3.1-8B file (ggml-org/llama.cpp tools/quantize/README.md), applied to ' +
      'every tensor.',
  },
  GGUF_Q5_K_M: {
    format: 'INT4',
    linearBits: 5.7036,
    embeddingBits: 5.7036,
    lmHeadBits: 5.7036,
    dequantizationCost: 1.5,
    description:
      'GGUF Q5_K_M: 5.7036 bits per weight over the whole Llama-3.1-8B file (ggml-org/llama.cpp ' +
      'tools/quantize/README.md), applied to every tensor; runs on the 4-bit weight-only path.',
  },
  GGUF_Q8_0: {
    format: 'INT8',
    linearBits: 8.5,
    embeddingBits: 8.5,
    lmHeadBits: 8.5,
    dequantizationCost: 0.5,
    description:
      'GGUF Q8_0: blocks of 32 int8 weights + one fp16 scale -> 34 bytes / 32 = 8.5 bits (8.5008 over the whole ' +
      'Llama-3.1-8B file, ggml-org/llama.cpp tools/quantize/README.md).',
  },
  BNB_NF4: {
    format: 'INT4',
    linearBits: 4 + 8 / 64 + 32 / (64 * 256),
    embeddingBits: 16,
    lmHeadBits: 16,
    dequantizationCost: 1.5,
    description:
      'bitsandbytes NF4 with double quantisation (the QLoRA default): 4-bit NormalFloat codes, one 8-bit absmax ' +
      'per block of 64 and one fp32 scale per 256 such blocks -> 4 + 8/64 + 32/16384 = 4.127 bits (arXiv ' +
      '2305.14314 section 3); embeddings and LM head 16-bit.',
  },
  FP8_PER_TENSOR: {
    format: 'FP8',
    linearBits: 8,
    embeddingBits: 16,
    lmHeadBits: 16,
    dequantizationCost: 0.75,
    description:
      'FP8 (E4M3) weights with one fp32 scale per tensor, W8A8 on FP8 tensor cores (vLLM fp8, TensorRT-LLM ' +
      'FP8 recipes): 8 bits; embeddings and LM head stay 16-bit.',
  },
  FP8_PER_CHANNEL: {
    format: 'FP8',
    linearBits: 8,
    embeddingBits: 16,
    lmHeadBits: 16,
    dequantizationCost: 0.75,
    description:
      'FP8 (E4M3) weights with one fp32 scale per output channel (compressed-tensors channel-wise): 8 bits plus ' +
      'under 0.01 bit of scales; embeddings and LM head 16-bit.',
  },
  FP8_BLOCK_128: {
    format: 'FP8',
    linearBits: 8 + 32 / (128 * 128),
    embeddingBits: 16,
    lmHeadBits: 16,
    dequantizationCost: 0.75,
    description:
      'FP8 (E4M3) weights with one fp32 scale per 128x128 block (DeepSeek-V3 weight_block_size [128, 128]): ' +
      '8 + 32/16384 = 8.002 bits; embeddings and LM head 16-bit.',
  },
};

export function quantizationScheme(id: WeightQuantization): QuantizationScheme {
  return { id, ...SCHEMES[id] };
}

/** Every scheme, in the order of WEIGHT_QUANTIZATIONS. */
export const QUANTIZATION_SCHEMES: readonly QuantizationScheme[] =
  WEIGHT_QUANTIZATIONS.map(quantizationScheme);

/**
 * Bytes of all weights under a scheme, whole model (not per GPU): the quantised matrices at the scheme's
 * bits, the embedding table and the LM head at theirs, norms and biases at 16 bits.
 */
export function quantizedWeightsBytes(analysis: ModelAnalysis, scheme: QuantizationScheme): number {
  const sixteenBit = analysis.nonLinearParameters - analysis.embeddingParameters - analysis.lmHeadParameters;
  return (
    (analysis.linearParameters * scheme.linearBits +
      analysis.embeddingParameters * scheme.embeddingBits +
      analysis.lmHeadParameters * scheme.lmHeadBits +
      sixteenBit * 16) /
    8
  );
}
