import { FITTED } from './calibration/fitted.js';
import type { RangedMetric, RatioSpread } from './calibration/fitted-types.js';
import { IDEAL_TUNING } from './tuning.js';
import type { EngineProfile, GpuGeneration, Tuning } from './types.js';

export const DEFAULT_ENGINE: EngineProfile = 'OPTIMIZED';

export const ENGINE_DESCRIPTIONS: Record<EngineProfile, string> = {
  OPTIMIZED:
    'Optimised serving engines: TensorRT-LLM, vLLM, lmdeploy TurboMind, FasterTransformer, MLC LLM, gpt-fast (torch.compile).',
  LLAMA_CPP: 'llama.cpp with CUDA offload of all layers (GGUF models).',
  EXLLAMA: 'ExLlama / ExLlamaV2 and AutoAWQ: single-user 4-bit engines with custom kernels.',
  HF_TRANSFORMERS:
    'Hugging Face transformers generate() in eager mode: tens of milliseconds of Python per token.',
  IDEAL: 'The roofline bound: 100% of peak FLOP/s and bandwidth, no fixed overheads.',
};

/** Efficiency factors and overheads of an engine profile on a GPU generation. */
export function tuningFor(engine: EngineProfile, generation: GpuGeneration): Tuning {
  if (engine === 'IDEAL') return IDEAL_TUNING;
  const fitted = FITTED[engine];
  const specific = fitted.byGeneration[generation];
  return specific ? { ...fitted.tuning, ...specific } : fitted.tuning;
}

/** Spread of measured / predicted for a metric, or null when the profile has too few cases. */
export function ratioSpread(engine: EngineProfile, metric: RangedMetric): RatioSpread | null {
  if (engine === 'IDEAL') return null;
  return FITTED[engine].ranges[metric] ?? null;
}

/**
 * Bytes of tensors the engine allocates whatever the request (kernel workspaces, unpacking scratch,
 * rotary tables, sampler buffers), per GPU: fitted on the memory cases (see fitMemory), 0 in IDEAL mode.
 */
export function engineBuffersBytes(engine: EngineProfile): number {
  if (engine === 'IDEAL') return 0;
  return FITTED[engine].memory.engineBuffersBytes;
}

/** How much of the GPU each engine lets itself use, and how it sizes its activations (see engine-memory.ts). */
export interface EngineMemoryDefaults {
  /** Share of the GPU's memory the engine will use, 0..1 (the rest it leaves to other processes and fragmentation). */
  usableMemoryFraction: number;
  /** Whether the engine reserves the activations of a full maxBatchedTokens step whatever the request. */
  reservesFullStep: boolean;
  /** The engine's own prefill step, tokens, where it differs from DEFAULT_MAX_BATCHED_TOKENS. */
  maxBatchedTokens?: number;
  source: string;
}

export const ENGINE_MEMORY: Record<EngineProfile, EngineMemoryDefaults> = {
  OPTIMIZED: {
    usableMemoryFraction: 0.9,
    reservesFullStep: true,
    source:
      "vLLM's gpu_memory_utilization defaults to 0.9 (the engine sizes its KV pool so that it uses 90% of the " +
      "GPU); TensorRT-LLM's KvCacheConfig.free_gpu_memory_fraction defaults to 0.9 of what is free after the " +
      'weights; SGLang sizes its pool with mem_fraction_static (0.8-0.9 by GPU size). Activations are reserved ' +
      "for the largest step the engine is configured for, not the request's: vLLM sizes its KV pool after a " +
      'profiling forward of max_num_batched_tokens (Worker.determine_num_available_blocks), and TensorRT ' +
      'pre-computes the activation memory at build time from the largest shapes, max_num_tokens, default 8192 ' +
      '(TensorRT-LLM docs, reference/memory.html "Activation size"; trtllm-serve --max_num_tokens).',
  },
  LLAMA_CPP: {
    usableMemoryFraction: 1,
    reservesFullStep: true,
    maxBatchedTokens: 512,
    source:
      'llama.cpp allocates what -c (context) and -b/-ub (batch) need, no pool fraction; prompts run in physical ' +
      'batches of n_ubatch = 512 tokens (common/common.h default) and the compute buffer is reserved at context ' +
      'creation for a worst-case batch of that size.',
  },
  EXLLAMA: {
    usableMemoryFraction: 1,
    reservesFullStep: false,
    source: 'ExLlama/ExLlamaV2/AutoAWQ allocate a cache for max_seq_len, no pool fraction.',
  },
  HF_TRANSFORMERS: {
    usableMemoryFraction: 1,
    reservesFullStep: false,
    source: 'Hugging Face transformers allocates through the PyTorch caching allocator as it goes.',
  },
  IDEAL: { usableMemoryFraction: 1, reservesFullStep: false, source: 'The bound: every byte of the GPU.' },
};
