import { builder } from '../builder.js';
import { BoundEnum, OperatorEnum } from './enums.js';

export const OperatorCostRef = builder.simpleObject('OperatorCost', {
  description:
    'One operator summed over the layers of one layer group (or, for embedding, LM head and all-reduce, the whole model), on one GPU, with its roofline time max(FLOPs / (peak x compute efficiency), bytes / (bandwidth x bandwidth efficiency)).',
  fields: (t) => ({
    name: t.field({ type: OperatorEnum, description: 'Which operator.' }),
    layerGroup: t.int({
      nullable: true,
      description:
        'Index into Model.layerGroups of the group whose layers this operator covers; null for the embedding, the LM head and the all-reduce, which belong to no group.',
    }),
    seconds: t.float({ description: 'Roofline time of the operator, seconds.' }),
    flops: t.float({ description: 'Floating-point (or integer) operations, FLOPs.' }),
    bytes: t.float({ description: 'Bytes moved to or from GPU memory (or over the interconnect), bytes.' }),
    bound: t.field({ type: BoundEnum, description: 'Which roofline term is larger.' }),
    attention: t.boolean({
      description: 'True for the attention-score operators counted by attentionShare.',
    }),
  }),
});
