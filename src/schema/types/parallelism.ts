/** How an estimate's GPUs split the model: the resolved degrees, and the input that asks for them. */
import { LIMITS, type Parallelism } from '../../core/index.js';
import { builder } from '../builder.js';

const { parallelDegree } = LIMITS;

export const ParallelismRef = builder.objectRef<Parallelism>('Parallelism');

ParallelismRef.implement({
  description:
    'Tensor x pipeline x expert x data parallelism, as resolved. GPUs: tensor x pipeline x data; expert parallelism spreads the routed experts over the tensor x data GPUs of each pipeline stage.',
  fields: (t) => ({
    tensor: t.exposeInt('tensor', {
      description: 'Tensor-parallel GPUs: heads, MLP widths and the vocabulary split this many ways.',
    }),
    pipeline: t.exposeInt('pipeline', {
      description: 'Pipeline stages: the layers split into this many consecutive groups.',
    }),
    expert: t.exposeInt('expert', {
      description:
        'Expert-parallel ranks the routed experts are spread over (1: every expert tensor-split and copied on each data-parallel rank).',
    }),
    data: t.exposeInt('data', {
      description: 'Data-parallel copies: the sequences split evenly over them.',
    }),
    gpuCount: t.exposeInt('gpuCount', { description: 'GPUs in all: tensor x pipeline x data.' }),
  }),
});

export const ParallelismInput = builder.inputType('ParallelismInput', {
  description: `How the GPUs split the model, each degree ${parallelDegree.min} to ${parallelDegree.max}. Splits engines refuse (attention heads or KV heads that do not divide over the tensor GPUs, more stages than layers, experts that do not divide over the expert GPUs, expert GPUs that do not divide tensor x data) are BAD_USER_INPUT naming the rule.`,
  fields: (t) => ({
    tensor: t.int({ defaultValue: 1, description: 'Tensor-parallel GPUs per pipeline stage.' }),
    pipeline: t.int({ defaultValue: 1, description: 'Pipeline stages.' }),
    expert: t.int({
      defaultValue: 1,
      description:
        'Expert-parallel ranks for the routed experts; must divide tensor x data (MoE models only).',
    }),
    data: t.int({ defaultValue: 1, description: 'Data-parallel replicas.' }),
  }),
});
