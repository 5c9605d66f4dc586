import { builder } from '../builder.js';
import { ContextLimitReasonEnum } from './enums.js';

export const ContextLimitRef = builder.simpleObject('ContextLimit', {
  description:
    "The notebook's task 1: the longest sequence (prompt + output tokens) each sequence of the batch can have, solved in closed form.",
  fields: (t) => ({
    tokens: t.int({
      description:
        'Longest prompt + output per sequence at this batch size, tokens; 0 when the weights do not fit.',
    }),
    limitedBy: t.field({ type: ContextLimitReasonEnum, description: 'Which limit binds.' }),
    memoryLimitTokens: t.float({
      nullable: true,
      description:
        'What memory alone allows before the context window cap, tokens (a whole number; Float because it can exceed 2^31); null when a sliding window keeps the cache from ever outgrowing memory.',
    }),
  }),
});
