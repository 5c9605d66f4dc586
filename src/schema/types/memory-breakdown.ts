import type { Estimate } from '../../core/index.js';
import { builder } from '../builder.js';
import { rangeFieldOf } from './value-range.js';

/** Backed by the estimate itself, so only the selected parts are ever computed. */
export const MemoryBreakdownRef = builder.objectRef<Estimate>('MemoryBreakdown');

MemoryBreakdownRef.implement({
  description:
    "Everything one GPU holds while serving the request (the notebook's task 2), bytes per GPU: weights + KV cache + activations + runtime overhead.",
  fields: (t) => ({
    weightsBytes: t.float({
      description: 'Weights held by one GPU (the whole model / gpuCount), bytes.',
      resolve: (e) => e.memory.weightsBytes,
    }),
    kvCacheBytes: t.float({
      description:
        "KV cache of the whole batch at the full sequence (prompt + output; each layer group's share capped by its window or chunk), one GPU, bytes.",
      resolve: (e) => e.memory.kvCacheBytes,
    }),
    activationsBytes: t.float({
      description:
        'Transient buffers of the largest forward step (a prefill chunk or the decode batch) plus FP32 logits of the last position of each sequence, bytes.',
      resolve: (e) => e.memory.activationsBytes,
    }),
    overheadBytes: t.float({
      description:
        'Fixed overhead: the runtime overhead (CUDA context, workspaces, allocator slack) plus the engine buffers (tensors the engine allocates whatever the request), both in Assumptions.memoryAssumptions, bytes.',
      resolve: (e) => e.memory.overheadBytes,
    }),
    totalBytes: t.float({
      description: 'weightsBytes + kvCacheBytes + activationsBytes + overheadBytes, bytes.',
      resolve: (e) => e.memory.totalBytes,
    }),
    totalBytesRange: t.field(rangeFieldOf('totalBytes', 'bytes', 'MEMORY')),
    capacityBytes: t.float({
      description: 'Usable memory of one GPU (Gpu.memoryBytes), bytes.',
      resolve: (e) => e.memory.capacityBytes,
    }),
    freeBytes: t.float({
      description: 'capacityBytes - totalBytes, bytes; negative when the request does not fit.',
      resolve: (e) => e.memory.freeBytes,
    }),
    kvCacheTokensPerSequence: t.float({
      description:
        'Tokens of one sequence held by the layers that hold the most: prompt + output, capped by the longest window or chunk when no layer attends globally, tokens.',
      resolve: (e) => e.memory.kvCacheTokensPerSequence,
    }),
    kvCacheBytesPerTokenPerGpu: t.float({
      description:
        "One sequence's cache on one GPU / kvCacheTokensPerSequence: the mean bytes a held token takes (KV heads split over the GPUs; MLA's latent whole on each), bytes.",
      resolve: (e) => e.memory.kvCacheBytesPerTokenPerGpu,
    }),
    largestStepTokens: t.float({
      description:
        'Tokens (all sequences together) in the largest forward step, which sets activationsBytes, tokens.',
      resolve: (e) => e.memory.largestStepTokens,
    }),
  }),
});
