import { findGpu, findModel, GPUS, MODELS } from '../../core/catalog/index.js';
import { builder } from '../builder.js';
import { compareCounts, comparePlan, compareSize } from '../compare-plan.js';
import { estimateCost } from '../estimate-cost.js';
import { buildEstimates } from '../estimates.js';
import type { CompareInputShape } from '../input-shapes.js';
import { estimateRequestOf } from '../resolve-input.js';
import { COMPARE_LIMIT, checkCompareSize } from '../validation.js';
import { EngineProfileInfoRef, engineProfiles } from './engine-profile.js';
import { EstimateRef } from './estimate.js';
import { GpuRef } from './gpu.js';
import { CompareInput, EstimateInput } from './inputs.js';
import { ModelRef } from './model.js';

builder.queryType({
  description: 'Will this model fit on this GPU, how long a context can it serve, and how fast will it run?',
  fields: (t) => ({
    models: t.field({
      type: [ModelRef],
      description: 'The built-in models, in catalog order.',
      resolve: () => MODELS,
    }),
    model: t.field({
      type: ModelRef,
      nullable: true,
      description: 'A built-in model by id or alias (case-insensitive); null if unknown.',
      args: { id: t.arg.id({ required: true, description: 'Catalog id or alias.' }) },
      resolve: (_root, { id }) => findModel(String(id)) ?? null,
    }),
    gpus: t.field({
      type: [GpuRef],
      description: 'The built-in GPUs, in catalog order.',
      resolve: () => GPUS,
    }),
    gpu: t.field({
      type: GpuRef,
      nullable: true,
      description: 'A built-in GPU by id or alias (case-insensitive); null if unknown.',
      args: { id: t.arg.id({ required: true, description: 'Catalog id or alias.' }) },
      resolve: (_root, { id }) => findGpu(String(id)) ?? null,
    }),
    engines: t.field({
      type: [EngineProfileInfoRef],
      description: 'The engine profiles EstimateInput.engine accepts, with what each stands for.',
      resolve: engineProfiles,
    }),
    estimate: t.field({
      type: EstimateRef,
      description:
        'One estimate. Unknown ids are NOT_FOUND errors; out-of-range inputs are BAD_USER_INPUT errors; a model that does not fit is fits: false.',
      args: {
        input: t.arg({ type: EstimateInput, required: true, description: 'Model, GPU and workload.' }),
      },
      extensions: estimateCost(() => 1),
      resolve: (_root, { input }, ctx) => {
        const estimates = buildEstimates('input', [estimateRequestOf('input', input)], ctx);
        return estimates instanceof Promise ? estimates.then(([estimate]) => estimate) : estimates[0];
      },
    }),
    compare: t.field({
      type: [EstimateRef],
      description: `Every combination of the input lists, in the nesting order models x GPUs x weightFormats x kvCacheFormats. More than ${COMPARE_LIMIT} combinations is a BAD_USER_INPUT error, raised before anything is computed.`,
      args: {
        input: t.arg({
          type: CompareInput,
          required: true,
          description: 'Lists to combine, and the workload.',
        }),
      },
      // One unit per estimate, and the selection counted once per estimate. The cost check runs
      // before any resolver, so an oversized comparison is refused here with the COMPARE_LIMIT
      // message rather than as an opaque cost overrun.
      complexity: (args) => {
        checkCompareSize('input', compareCounts(args.input));
        const size = compareSize(args.input);
        return { field: size, multiplier: size };
      },
      extensions: estimateCost((args: { input: CompareInputShape }) => {
        checkCompareSize('input', compareCounts(args.input));
        return compareSize(args.input);
      }),
      resolve: (_root, { input }, ctx) => buildEstimates('input', comparePlan('input', input), ctx),
    }),
  }),
});
