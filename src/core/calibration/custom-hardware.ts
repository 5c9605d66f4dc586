/**
 * Models and GPUs that appear in published measurements but not in the catalog. They are used only by the
 * calibration cases (cases.ts); every figure names where it comes from.
 */
import type { GpuSpec, ModelSpec } from '../types.js';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

// ---------------------------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------------------------

/** EleutherAI GPT-J 6B: used by the TensorRT-LLM H100-vs-A100 TTFT table. */
export const GPT_J_6B: ModelSpec = {
  id: 'gpt-j-6b',
  name: 'GPT-J 6B',
  family: 'GPT-J',
  aliases: ['GPT-J-6B', 'EleutherAI/gpt-j-6b'],
  source:
    'HF config.json of EleutherAI/gpt-j-6b (https://huggingface.co/EleutherAI/gpt-j-6b/blob/main/config.json): ' +
    'n_layer 28, n_embd 4096, n_head 16 (head dim 256), n_inner null (= 4*n_embd = 16384, plain GELU MLP), ' +
    'vocab_size 50400, n_positions 2048, tie_word_embeddings false; q/k/v/out projections have no bias ' +
    '(transformers GPTJAttention bias=False; Cerebras modelzoo GPT-J config use_projection_bias_in_attention: False)',
  layers: 28,
  hiddenSize: 4096,
  intermediateSize: 16384,
  attentionHeads: 16,
  kvHeads: 16,
  headDim: 256,
  vocabSize: 50400,
  contextWindow: 2048,
  slidingWindow: null,
  experts: 1,
  expertsPerToken: 1,
  tiedEmbeddings: false,
  gatedFfn: false,
  attentionBias: false,
  publishedParameterCount: {
    value: 6_053_381_344,
    source: 'EleutherAI/gpt-j-6b model card, hyperparameter table (n_parameters 6,053,381,344)',
  },
};

/** FasterTransformer's GPT-6.7B benchmark model (Megatron/GPT-3 style, vocab padded to 51200). */
export const FT_GPT_6_7B: ModelSpec = {
  id: 'ft-gpt-6.7b',
  name: 'GPT-6.7B (FasterTransformer benchmark)',
  family: 'GPT',
  aliases: ['GPT-6.7B'],
  source:
    'NVIDIA/FasterTransformer docs/gpt_guide.md "Performance of GPT-6.7B" (head_num 32, size_per_head 128, ' +
    'num_layers 32, vocab_size 51200, FP16); inter_size = 4*hidden (FT GPT default, plain GELU MLP with biases), ' +
    'tied input/output embedding (FT GPT / Megatron); n_ctx 2048 from the GPT-3 paper (arXiv 2005.14165, Table 2.1)',
  layers: 32,
  hiddenSize: 4096,
  intermediateSize: 16384,
  attentionHeads: 32,
  kvHeads: 32,
  headDim: 128,
  vocabSize: 51200,
  contextWindow: 2048,
  slidingWindow: null,
  experts: 1,
  expertsPerToken: 1,
  tiedEmbeddings: true,
  gatedFfn: false,
  attentionBias: true,
  publishedParameterCount: {
    value: 6.7e9,
    source: 'GPT-3 paper (arXiv 2005.14165) Table 2.1, GPT-3 6.7B (vocab 50257 there; FT pads to 51200)',
  },
};

/** FasterTransformer's GPT-175B (GPT-3 shape) benchmark model. */
export const FT_GPT_175B: ModelSpec = {
  id: 'ft-gpt-175b',
  name: 'GPT-175B (FasterTransformer benchmark)',
  family: 'GPT',
  aliases: ['GPT-175B', 'GPT-3 175B'],
  source:
    'NVIDIA/FasterTransformer docs/gpt_guide.md "Performance of GPT-175B" (head_num 96, size_per_head 128, ' +
    'num_layers 96, vocab_size 51200, FP16, TP8); inter_size = 4*hidden = 49152 (FT default, plain GELU MLP), ' +
    'tied embeddings; n_ctx 2048 from the GPT-3 paper (arXiv 2005.14165, Table 2.1)',
  layers: 96,
  hiddenSize: 12288,
  intermediateSize: 49152,
  attentionHeads: 96,
  kvHeads: 96,
  headDim: 128,
  vocabSize: 51200,
  contextWindow: 2048,
  slidingWindow: null,
  experts: 1,
  expertsPerToken: 1,
  tiedEmbeddings: true,
  gatedFfn: false,
  attentionBias: true,
  publishedParameterCount: { value: 175e9, source: 'GPT-3 paper (arXiv 2005.14165) Table 2.1, GPT-3 175B' },
};

/** kipply's 13B GPT-style model benchmarked with FasterTransformer (the shape of OPT-13B). */
export const KIPPLY_GPT_13B: ModelSpec = {
  id: 'kipply-gpt-13b',
  name: '13B GPT (kipply FasterTransformer benchmark)',
  family: 'GPT',
  aliases: ['test-13b'],
  source:
    'cli99/llm-analysis llm_analysis/model_configs/test-13b.json (num_layers 40, n_head 40, hidden_dim 5120, ' +
    'ffn_embed_dim 20480, vocab_size 50272, max_seq_len 2048), the model of ' +
    'https://kipp.ly/blog/transformer-inference-arithmetic/#comparing-against-real-benchmarks; plain GELU MLP with ' +
    'biases and tied embeddings as in FT GPT (the dims and vocab 50272 are those of OPT-13B)',
  layers: 40,
  hiddenSize: 5120,
  intermediateSize: 20480,
  attentionHeads: 40,
  kvHeads: 40,
  headDim: 128,
  vocabSize: 50272,
  contextWindow: 2048,
  slidingWindow: null,
  experts: 1,
  expertsPerToken: 1,
  tiedEmbeddings: true,
  gatedFfn: false,
  attentionBias: true,
};

/** LLaMA (v1) 13B, as used by ExLlama's README benchmark. */
export const LLAMA_13B_V1: ModelSpec = {
  id: 'llama-13b',
  name: 'LLaMA-13B (v1)',
  family: 'LLaMA',
  aliases: ['LLaMA-13B', 'huggyllama/llama-13b'],
  source:
    'HF config.json of huggyllama/llama-13b (https://huggingface.co/huggyllama/llama-13b/blob/main/config.json): ' +
    'hidden 5120, intermediate 13824, 40 layers, 40 heads, vocab 32000, max_position_embeddings 2048, untied; ' +
    'dims as in the LLaMA paper (arXiv 2302.13971) Table 2',
  layers: 40,
  hiddenSize: 5120,
  intermediateSize: 13824,
  attentionHeads: 40,
  kvHeads: 40,
  headDim: 128,
  vocabSize: 32000,
  contextWindow: 2048,
  slidingWindow: null,
  experts: 1,
  expertsPerToken: 1,
  tiedEmbeddings: false,
  gatedFfn: true,
  attentionBias: false,
  publishedParameterCount: { value: 13.0e9, source: 'LLaMA paper (arXiv 2302.13971) Table 2: 13.0B' },
};

/** LLaMA (v1) 33B, published by Meta as "30B" (HF huggyllama/llama-30b). */
export const LLAMA_33B_V1: ModelSpec = {
  id: 'llama-33b',
  name: 'LLaMA-33B (v1, "llama-30b")',
  family: 'LLaMA',
  aliases: ['LLaMA-33B', 'LLaMA-30B', 'huggyllama/llama-30b'],
  source:
    'HF config.json of huggyllama/llama-30b (https://huggingface.co/huggyllama/llama-30b/blob/main/config.json): ' +
    'hidden 6656, intermediate 17920, 60 layers, 52 heads, vocab 32000, max_position_embeddings 2048, untied; ' +
    'dims as in the LLaMA paper (arXiv 2302.13971) Table 2',
  layers: 60,
  hiddenSize: 6656,
  intermediateSize: 17920,
  attentionHeads: 52,
  kvHeads: 52,
  headDim: 128,
  vocabSize: 32000,
  contextWindow: 2048,
  slidingWindow: null,
  experts: 1,
  expertsPerToken: 1,
  tiedEmbeddings: false,
  gatedFfn: true,
  attentionBias: false,
  publishedParameterCount: { value: 32.5e9, source: 'LLaMA paper (arXiv 2302.13971) Table 2: 32.5B' },
};

export const CUSTOM_MODELS: readonly ModelSpec[] = [
  GPT_J_6B,
  FT_GPT_6_7B,
  FT_GPT_175B,
  KIPPLY_GPT_13B,
  LLAMA_13B_V1,
  LLAMA_33B_V1,
];

// ---------------------------------------------------------------------------------------------------------------
// GPUs
// ---------------------------------------------------------------------------------------------------------------

/** One graphics compute die of an AMD Instinct MI250X (ROCm exposes each of the two GCDs as its own device). */
export const MI250X_GCD: GpuSpec = {
  id: 'mi250x-gcd',
  name: 'AMD Instinct MI250X (one GCD)',
  vendor: 'AMD',
  generation: 'CDNA2',
  aliases: ['MI250X GCD'],
  source:
    'AMD Instinct MI250X specification table (OAM module, two GCDs): 128 GB HBM2e, 3.2 TB/s (3.2768 TB/s = ' +
    '8 HBM2e stacks x 409.6 GB/s at 1.6 GHz), FP16/BF16 matrix 383 TFLOPS, INT8/INT4 383 TOPS, FP32/FP64 matrix ' +
    '95.7 TFLOPS, 560 W, Infinity Fabric 100 GB/s per link; reproduced at ' +
    'https://zexron.com/amd-mi250-x-aldebaran-as-mcm-with-up-to-479-teraflop-s-and-560-watt-tdp and ' +
    'https://yobitel.com/knowledge-base/amd-mi250. All figures halved for one GCD: 64 GB, 1.6384 TB/s, ' +
    '191.5 TFLOPS FP16/BF16, 47.85 TFLOPS FP32 matrix, 280 W. Interconnect: the 4 xGMI links between the two GCDs ' +
    'of the package, 4 x 50 GB/s per direction (not used: the measurement is on one GCD).',
  memoryBytes: 64 * GiB,
  memoryBytesBasis: 'MARKETED',
  memoryBandwidthBytesPerSecond: 1.6384e12,
  interconnectBandwidthBytesPerSecond: 200e9,
  tdpWatts: 280,
  peakFlops: { FP16: 191.5e12, BF16: 191.5e12, FP32: 47.85e12, INT8: 191.5e12, INT4: 191.5e12 },
};

/** NVIDIA GeForce RTX 3090 Ti (full GA102). */
export const RTX_3090_TI: GpuSpec = {
  id: 'rtx-3090-ti',
  name: 'NVIDIA GeForce RTX 3090 Ti',
  vendor: 'NVIDIA',
  generation: 'AMPERE',
  aliases: ['RTX 3090 Ti', '3090Ti'],
  source:
    'TweakTown "NVIDIA GeForce RTX 3090 Ti: full specs" (https://www.tweaktown.com/news/84164/' +
    'nvidia-geforce-rtx-3090-ti-full-specs-price-performance-details/index.html): GA102 with 84 SMs / 10752 CUDA ' +
    'cores, boost 1860 MHz, 24 GB GDDR6X at 21 Gbps on 384 bits = 1008 GB/s, 450 W, 40 TFLOPS FP32. Tensor rates ' +
    'scaled from the RTX 3090 (GA102 whitepaper: 71 TFLOPS dense FP16 with FP32 accumulate, 284 TOPS INT8, ' +
    '35.6 TFLOPS TF32 at 82 SMs / 1695 MHz) by 84/82 x 1860/1695 = 1.124: FP16/BF16 80 TFLOPS (FP32-accumulate ' +
    'rate, as the catalog uses for GeForce cards), TF32 40, INT8 320 TOPS, INT4 640 TOPS. Interconnect: PCIe 4.0 x16.',
  memoryBytes: 24 * GiB,
  memoryBytesBasis: 'MARKETED',
  memoryBandwidthBytesPerSecond: 1008e9,
  interconnectBandwidthBytesPerSecond: 32e9,
  tdpWatts: 450,
  peakFlops: { FP32: 40e12, TF32: 40e12, FP16: 80e12, BF16: 80e12, INT8: 320e12, INT4: 640e12 },
};

/**
 * Several GPUs of one kind running a model split by layers (llama.cpp layer split, accelerate device_map,
 * ExLlama -gs) at batch 1: the GPUs work one after another, so for decode the group behaves like one device with
 * the summed memory and the bandwidth and compute of one GPU. Use with gpuCount 1. Exported so that a caller can
 * rebuild these from the catalog entries if it wants identical per-GPU figures.
 */
export function layerSplitGpu(base: GpuSpec, count: number, id: string): GpuSpec {
  return {
    ...base,
    id,
    name: `${count}x ${base.name} (layer split, modelled as one device)`,
    aliases: [],
    source:
      `${count} x (${base.source}). Layer (pipeline) split at batch 1 runs the GPUs one after another: modelled ` +
      `as one device with ${count}x the memory and the bandwidth/compute of one GPU (use gpuCount 1).`,
    memoryBytes: base.memoryBytes * count,
    tdpWatts: base.tdpWatts === null ? null : base.tdpWatts * count,
    peakFlops: { ...base.peakFlops },
  };
}

/** Per-GPU figures of the bases of the layer-split groups; the same datasheet values as the catalog uses. */
const H100_PCIE_80GB_BASE: GpuSpec = {
  id: 'h100-pcie-80gb',
  name: 'NVIDIA H100 PCIe 80GB',
  vendor: 'NVIDIA',
  generation: 'HOPPER',
  aliases: [],
  source:
    'reference/catalog-sources.json "H100 PCIe" (stas00/ml-engineering compute/accelerator/README.md dense ' +
    'TFLOPS; NVIDIA product brief PB-11133-001: 350 W, 2.0 TB/s): FP16/BF16 756, FP8/INT8 1513, TF32 378, FP32 51; ' +
    'memory 81559 MiB as nvidia-smi reports it (XiongjieDai/GPU-Benchmarks-on-LLM-Inference ' +
    '"LLaMA 2/Professional GPUs/H100_PCIe_v2.ipynb"); PCIe 5.0 x16',
  memoryBytes: 81559 * MiB,
  memoryBytesBasis: 'DRIVER',
  memoryBandwidthBytesPerSecond: 2.0e12,
  interconnectBandwidthBytesPerSecond: 64e9,
  tdpWatts: 350,
  peakFlops: { FP32: 51e12, TF32: 378e12, FP16: 756e12, BF16: 756e12, FP8: 1513e12, INT8: 1513e12 },
};

const A100_SXM4_80GB_BASE: GpuSpec = {
  id: 'a100-sxm4-80gb',
  name: 'NVIDIA A100 SXM4 80GB',
  vendor: 'NVIDIA',
  generation: 'AMPERE',
  aliases: [],
  source:
    'reference/catalog-sources.json "A100 SXM 80GB" (A100 datasheet via glennklockwood.com/garden/processors/A100 ' +
    'and thundercompute A100 guide): 2.039 TB/s, FP16/BF16 312, TF32 156, FP32 19.5, INT8 624, INT4 1248, 400 W, ' +
    'NVLink 600 GB/s bidirectional (300 per direction); memory 81920 MiB as nvidia-smi reports an A100 80GB',
  memoryBytes: 81920 * MiB,
  memoryBytesBasis: 'DRIVER',
  memoryBandwidthBytesPerSecond: 2.039e12,
  interconnectBandwidthBytesPerSecond: 300e9,
  tdpWatts: 400,
  peakFlops: { FP32: 19.5e12, TF32: 156e12, FP16: 312e12, BF16: 312e12, INT8: 624e12, INT4: 1248e12 },
};

const RTX_4090_BASE: GpuSpec = {
  id: 'rtx-4090',
  name: 'NVIDIA GeForce RTX 4090',
  vendor: 'NVIDIA',
  generation: 'ADA',
  aliases: [],
  source:
    'reference/catalog-sources.json "RTX 4090" (waredb.com/processor/nvidia-geforce-rtx-4090, ' +
    'holynerdvana RTX 4090 specifications): 1008 GB/s, dense FP16/BF16 165.2 (FP32 accumulate), FP8 330.3, ' +
    'INT8 660.6, INT4 1321.2, FP32 82.6, 450 W, PCIe 4.0 x16, no NVLink; memory 24564 MiB as nvidia-smi reports it',
  memoryBytes: 24564 * MiB,
  memoryBytesBasis: 'DRIVER',
  memoryBandwidthBytesPerSecond: 1008e9,
  interconnectBandwidthBytesPerSecond: 32e9,
  tdpWatts: 450,
  peakFlops: {
    FP32: 82.6e12,
    TF32: 82.6e12,
    FP16: 165.2e12,
    BF16: 165.2e12,
    FP8: 330.3e12,
    INT8: 660.6e12,
    INT4: 1321.2e12,
  },
};

/** XiongjieDai llama-bench, Llama 3 70B F16 on 4x H100 PCIe 80GB with llama.cpp layer split. */
export const H100_PCIE_80GB_X4_LAYER_SPLIT = layerSplitGpu(
  H100_PCIE_80GB_BASE,
  4,
  'h100-pcie-80gb-x4-layer-split',
);
/** XiongjieDai llama-bench, Llama 3 70B F16 on 4x A100 SXM 80GB with llama.cpp layer split. */
export const A100_SXM4_80GB_X4_LAYER_SPLIT = layerSplitGpu(
  A100_SXM4_80GB_BASE,
  4,
  'a100-sxm4-80gb-x4-layer-split',
);
/** AutoAWQ multi-GPU table, Mixtral 8x7B AWQ on 2x RTX 4090 split by layers (accelerate device_map). */
export const RTX_4090_X2_LAYER_SPLIT = layerSplitGpu(RTX_4090_BASE, 2, 'rtx-4090-x2-layer-split');

export const CUSTOM_GPUS: readonly GpuSpec[] = [
  MI250X_GCD,
  RTX_3090_TI,
  H100_PCIE_80GB_X4_LAYER_SPLIT,
  A100_SXM4_80GB_X4_LAYER_SPLIT,
  RTX_4090_X2_LAYER_SPLIT,
];
