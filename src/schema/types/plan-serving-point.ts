/** Until the deployments work lands its ServingPoint type, a plan answers with this one of the same fields. */
import type { PlanServingPoint } from '../../core/index.js';
import { builder } from '../builder.js';

/** The steady state of a deployment at a concurrency; backed by any object with these fields. */
export const PlanServingPointRef = builder.objectRef<PlanServingPoint>('PlanServingPoint');

export const PlanServingLimitEnum = builder.enumType('PlanServingLimit', {
  description: 'What limits a serving point.',
  values: {
    COMPUTE: { description: 'Arithmetic: the decode step is compute bound.' },
    MEMORY_BANDWIDTH: { description: 'Memory traffic: the decode step streams weights and KV cache.' },
    KV_CAPACITY: { description: 'The KV cache is full: no more sequences fit beside the weights.' },
    INTERCONNECT: { description: 'GPU-to-GPU communication dominates the decode step.' },
    LATENCY: { description: 'Fixed per-step overheads (launches, sampling, host sync) dominate.' },
  },
});

PlanServingPointRef.implement({
  description:
    'A deployment serving `concurrency` sequences of the workload at once, in steady state. Throughputs are for the whole deployment (all its GPUs) unless the name says per GPU or per user.',
  fields: (t) => ({
    concurrency: t.exposeInt('concurrency', {
      description: 'Sequences in flight at once, across the deployment.',
    }),
    requestsPerSecond: t.exposeFloat('requestsPerSecond', {
      description:
        "Requests per second the deployment completes at this concurrency (Little's law: concurrency / e2eSeconds).",
    }),
    timeToFirstTokenSeconds: t.exposeFloat('timeToFirstTokenSeconds', {
      description: 'Time to first token, seconds.',
    }),
    timePerOutputTokenSeconds: t.exposeFloat('timePerOutputTokenSeconds', {
      description: 'Mean time per output token after the first, seconds.',
    }),
    e2eSeconds: t.exposeFloat('e2eSeconds', {
      description: 'End-to-end latency of one request: first token plus the rest, seconds.',
    }),
    outputTokensPerSecond: t.exposeFloat('outputTokensPerSecond', {
      description: 'Output tokens per second of the whole deployment, tokens/s.',
    }),
    outputTokensPerSecondPerGpu: t.exposeFloat('outputTokensPerSecondPerGpu', {
      description: 'outputTokensPerSecond / GPUs of the deployment, tokens/s per GPU.',
    }),
    outputTokensPerSecondPerUser: t.exposeFloat('outputTokensPerSecondPerUser', {
      description:
        'Tokens per second one user sees while their answer streams: 1 / timePerOutputTokenSeconds.',
    }),
    kvCacheUtilization: t.exposeFloat('kvCacheUtilization', {
      description: 'Share of the KV cache capacity (maxConcurrency sequences) in use, 0 to 1.',
    }),
    limitedBy: t.field({
      type: PlanServingLimitEnum,
      description: 'What limits this point.',
      resolve: (p) => p.limitedBy,
    }),
  }),
});
