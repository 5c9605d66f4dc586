import {
  DEFAULT_MAX_BATCHED_TOKENS,
  DEFAULT_RUNTIME_OVERHEAD_BYTES,
  type MemoryAssumptions,
} from '../../core/index.js';
import { builder } from '../builder.js';

/** Shared by the MemoryAssumptions output type and MemoryAssumptionsInput. */
export const MEMORY_ASSUMPTION_DESCRIPTIONS: Record<keyof MemoryAssumptions, string> = {
  runtimeOverheadBytes: `CUDA context, library workspaces and allocator slack per GPU, bytes (default ${DEFAULT_RUNTIME_OVERHEAD_BYTES} = 1 GiB).`,
  engineBuffersBytes:
    "Tensors the engine allocates whatever the request (kernel workspaces, unpacking scratch, rotary tables, sampler buffers) per GPU, bytes (default: the engine profile's, fitted on the calibration memory cases; 0 in IDEAL mode). Part of overheadBytes.",
  maxBatchedTokens: `Most prompt tokens (all sequences together) one prefill step processes; longer prompts are chunked, tokens (default ${DEFAULT_MAX_BATCHED_TOKENS}; LLAMA_CPP 512, llama.cpp's n_ubatch). It sets the activation memory of prefill.`,
  reservesFullStep:
    "Whether the engine reserves the activations of a full maxBatchedTokens step whatever the request (default: the engine profile's; OPTIMIZED true, as vLLM sizes its KV pool after a profiling forward of max_num_batched_tokens and TensorRT-LLM sizes activations for max_num_tokens at build; LLAMA_CPP true, its compute buffer is reserved for n_ubatch; others false: the request's own largest step).",
  usableMemoryFraction:
    "Share of each GPU's memory the engine will use, 0.01 to 1 (default: the engine profile's; OPTIMIZED 0.9 as vLLM's gpu_memory_utilization and TensorRT-LLM's free_gpu_memory_fraction, others 1). capacityBytes is memory x this fraction.",
  attentionScoreBytes:
    'Bytes per attention-score element an unfused engine materialises for one layer in prefill (sequences x heads x n x n), 0 to 16 (default 0: fused/flash attention keeps no n x n matrix; eager attention 2-6).',
  prefillLogitsBytes:
    'Bytes per logit an engine keeps for every prompt position in prefill, 0 to 16 (default 0: logits of the last position only; an HF-style forward that returns all logits and upcasts them: 2 + 4 = 6).',
};

export const MemoryAssumptionsRef = builder.simpleObject('MemoryAssumptions', {
  description: 'Memory assumptions that belong to neither the model nor the GPU.',
  fields: (t) => ({
    runtimeOverheadBytes: t.float({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.runtimeOverheadBytes }),
    engineBuffersBytes: t.float({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.engineBuffersBytes }),
    maxBatchedTokens: t.int({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.maxBatchedTokens }),
    reservesFullStep: t.boolean({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.reservesFullStep }),
    usableMemoryFraction: t.float({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.usableMemoryFraction }),
    attentionScoreBytes: t.float({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.attentionScoreBytes }),
    prefillLogitsBytes: t.float({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.prefillLogitsBytes }),
  }),
});
