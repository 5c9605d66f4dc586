import {
  DEFAULT_MAX_BATCHED_TOKENS,
  DEFAULT_RUNTIME_OVERHEAD_BYTES,
  type MemoryAssumptions,
} from '../../core/index.js';
import { builder } from '../builder.js';

/** Shared by the MemoryAssumptions output type and MemoryAssumptionsInput. */
export const MEMORY_ASSUMPTION_DESCRIPTIONS: Record<keyof MemoryAssumptions, string> = {
  runtimeOverheadBytes: `CUDA context, library workspaces and allocator slack per GPU, bytes (default ${DEFAULT_RUNTIME_OVERHEAD_BYTES} = 1 GiB).`,
  maxBatchedTokens: `Most prompt tokens (all sequences together) one prefill step processes; longer prompts are chunked, tokens (default ${DEFAULT_MAX_BATCHED_TOKENS}). It sets the activation memory of prefill.`,
};

export const MemoryAssumptionsRef = builder.simpleObject('MemoryAssumptions', {
  description: 'Memory assumptions that belong to neither the model nor the GPU.',
  fields: (t) => ({
    runtimeOverheadBytes: t.float({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.runtimeOverheadBytes }),
    maxBatchedTokens: t.int({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.maxBatchedTokens }),
  }),
});
