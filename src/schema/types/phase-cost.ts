import { builder } from '../builder.js';
import { BoundEnum } from './enums.js';
import { OperatorCostRef } from './operator-cost.js';

export const PhaseCostRef = builder.simpleObject('PhaseCost', {
  description:
    'Cost of one phase on one GPU. Prefill: the whole prompt of every sequence in the batch. Decode: the mean decode step over the generation (computed exactly, not by sampling).',
  fields: (t) => ({
    seconds: t.float({ description: 'Sum of the operator times plus the fixed overhead, seconds.' }),
    flops: t.float({ description: 'Sum of the operator FLOPs, FLOPs.' }),
    bytes: t.float({ description: 'Sum of the operator memory traffic, bytes.' }),
    bound: t.field({ type: BoundEnum, description: 'What most of the phase time is spent on.' }),
    overheadSeconds: t.float({
      description:
        'Fixed overhead included in seconds: per request for prefill, per step for decode, seconds.',
    }),
    operators: t.field({
      type: [OperatorCostRef],
      description: 'Every operator of the phase, in forward-pass order.',
    }),
  }),
});
