/** Until the deployments work lands its Parallelism type, a plan answers with this one of the same fields. */
import type { LayoutDegrees } from '../../core/index.js';
import { builder } from '../builder.js';

/** How a deployment's GPUs are split; backed by any object with these fields. */
export const PlanParallelismRef = builder.objectRef<LayoutDegrees>('PlanParallelism');

PlanParallelismRef.implement({
  description: 'Tensor x pipeline x expert x data parallelism of one deployment, as resolved.',
  fields: (t) => ({
    tensor: t.exposeInt('tensor', { description: 'Tensor-parallel GPUs: each layer split this many ways.' }),
    pipeline: t.exposeInt('pipeline', {
      description: 'Pipeline stages: the layers split into this many consecutive groups.',
    }),
    expert: t.exposeInt('expert', {
      description: 'Expert-parallel GPUs the routed experts are spread over (1: experts tensor-split).',
    }),
    data: t.exposeInt('data', { description: 'Data-parallel copies inside the deployment.' }),
    gpuCount: t.exposeInt('gpuCount', { description: 'GPUs of the deployment: tensor x pipeline x data.' }),
  }),
});
