/** A steady state of continuous batching (src/core/serving.ts): what estimates and plans answer about load. */
import type { ServingPoint } from '../../core/index.js';
import { builder } from '../builder.js';

export const ServingPointRef = builder.objectRef<ServingPoint>('ServingPoint');

export const ServingLimitEnum = builder.enumType('ServingLimit', {
  description: 'What limits a serving point.',
  values: {
    COMPUTE: {
      description:
        'Arithmetic: the steps are compute bound, or the prefill token budget (maxBatchedTokens) is full and new requests wait for it.',
    },
    MEMORY_BANDWIDTH: { description: 'Memory traffic: the steps stream weights and KV cache.' },
    KV_CAPACITY: { description: 'The KV cache is full: no more sequences fit beside the weights.' },
    INTERCONNECT: { description: 'GPU-to-GPU communication (all-reduce, all-to-all) dominates the steps.' },
    LATENCY: {
      description: 'Fixed per-step overheads (launches, sampling, host sync) or pipeline waits dominate.',
    },
  },
});

export const ServingArrivalsEnum = builder.enumType('ServingArrivals', {
  description: 'How the requests of a serving point arrive.',
  values: {
    STAGGERED: {
      description:
        'Spread out, one replacing each that finishes (the steady state of continuous batching): each step decodes the running sequences and admits prefill chunks of new ones.',
    },
    SIMULTANEOUS: {
      description:
        'All at once: prefilled together, then decoded together (the batch estimate at batchSize = concurrency).',
    },
  },
});

ServingPointRef.implement({
  description:
    "Steady state of continuous batching with a paged KV cache (16-token blocks) and chunked prefill (maxBatchedTokens per step), every request with the estimate's prompt and output lengths. Throughputs are for the whole estimate (all its GPUs) unless the name says per GPU or per user.",
  fields: (t) => ({
    concurrency: t.exposeFloat('concurrency', {
      description:
        "Sequences in flight at once across the estimate (all data-parallel ranks); the mean (requestsPerSecond x e2eSeconds, Little's law) when the point was asked for by request rate.",
    }),
    requestsPerSecond: t.exposeFloat('requestsPerSecond', {
      description:
        "Requests per second completed at this concurrency (Little's law: concurrency / e2eSeconds), requests/s.",
    }),
    timeToFirstTokenSeconds: t.exposeFloat('timeToFirstTokenSeconds', {
      description:
        "Time to first token, seconds: the wait for the step in progress when the request arrives (steps are not preempted; none for a request alone), the per-request overhead, the prompt's prefill chunks (sharing their steps with the running decodes) and, when the token budget is full, the wait for it.",
    }),
    timePerOutputTokenSeconds: t.exposeFloat('timePerOutputTokenSeconds', {
      description:
        "Mean time per output token after the first, seconds: decode steps, including their share of the steps that also carry other requests' prefill.",
    }),
    e2eSeconds: t.exposeFloat('e2eSeconds', {
      description: 'End-to-end latency of one request: first token plus the rest, seconds.',
    }),
    outputTokensPerSecond: t.exposeFloat('outputTokensPerSecond', {
      description: 'Output tokens per second of the whole estimate (all GPUs), tokens/s.',
    }),
    outputTokensPerSecondPerGpu: t.exposeFloat('outputTokensPerSecondPerGpu', {
      description: 'outputTokensPerSecond / GPUs, tokens/s per GPU.',
    }),
    outputTokensPerSecondPerUser: t.exposeFloat('outputTokensPerSecondPerUser', {
      description:
        'Tokens per second one user sees while their answer streams: 1 / timePerOutputTokenSeconds.',
    }),
    kvCacheUtilization: t.exposeFloat('kvCacheUtilization', {
      description:
        'concurrency / maxConcurrency: share of the KV cache capacity in use (above 1: more than fits).',
    }),
    limitedBy: t.field({
      type: ServingLimitEnum,
      description: 'What limits this point.',
      resolve: (p) => p.limitedBy,
    }),
    sustainable: t.exposeBoolean('sustainable', {
      description:
        'False when more is asked than the estimate carries: a request rate above what maxConcurrency sequences complete (the point shown is at maxConcurrency), or a concurrency above maxConcurrency (engines would preempt or queue).',
    }),
  }),
});
