import { builder } from '../builder.js';

export const AttentionShareRef = builder.simpleObject('AttentionShare', {
  description:
    "The notebook's third output: the attention-score operators (Q x K^T and softmax x V, whose cost grows with the context) against all other operators, per phase. Ratios, not fractions: 0.5 means attention takes half as long as everything else.",
  fields: (t) => ({
    prefillTimeRatio: t.float({
      description: 'Prefill: attention-score operators time / all other operators time (dimensionless).',
    }),
    prefillFlopsRatio: t.float({
      description: 'Prefill: attention-score FLOPs / all other FLOPs (dimensionless).',
    }),
    decodeTimeRatio: t.float({
      description:
        'Decode (mean step): attention-score operators time / all other operators time (dimensionless).',
    }),
  }),
});
