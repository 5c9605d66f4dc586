import { builder } from '../builder.js';
import { BatchLimitReasonEnum } from './enums.js';

export const BatchLimitRef = builder.simpleObject('BatchLimit', {
  description:
    "The most sequences of a given length that fit at once, the prompt being the request's inputTokens.",
  fields: (t) => ({
    contextTokens: t.int({ description: 'Sequence length (prompt + output) the answer is for, tokens.' }),
    batchSize: t.int({ description: 'Most sequences that fit, sequences; 0 when not even one does.' }),
    limitedBy: t.field({ type: BatchLimitReasonEnum, description: 'Which limit binds.' }),
  }),
});
