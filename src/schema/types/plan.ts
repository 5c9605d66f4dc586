/**
 * Planning: Query.plan (the cheapest configurations that meet latency targets, the frontier and
 * the rejection counts) and the inverse shortcuts on Estimate, all over the core's plan search.
 */
import {
  bestWeightFormat,
  checkInteger,
  checkRange,
  type EstimateRequest,
  LIMITS,
  type ModelAnalysis,
  maxConcurrencyWithin,
  PLAN_CONFIGURATIONS_PER_ESTIMATE,
  PLAN_OBJECTIVES,
  PLAN_SEARCH_LIMIT,
  type Plan,
  type PlanCandidate,
  type PlanObjective,
  plan,
  REJECTION_REASONS,
  type RejectionCount,
  type RejectionReason,
  SERVING_POINTS_PER_SCAN,
  smallestGpuCount,
  WEIGHT_FORMAT_CHOICES,
} from '../../core/index.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { withCoreInputErrors } from '../errors.js';
import { estimateCost } from '../estimate-cost.js';
import type { EstimateInputShape } from '../input-shapes.js';
import {
  checkPlanSize,
  DEFAULT_MAX_GPUS,
  DEFAULT_PLAN_KV_CACHE_FORMATS,
  DEFAULT_PLAN_WEIGHT_FORMATS,
  type PlanInputShape,
  planEstimateCount,
  planRequestOf,
} from '../plan-request.js';
import { estimateRequestOf } from '../resolve-input.js';
import { EngineProfileEnum, NumberFormatEnum } from './enums.js';
import { GpuRef } from './gpu.js';
import { CustomModelInput, EstimateInput } from './inputs.js';
import { ParallelismRef } from './parallelism.js';
import { ServingPointRef } from './serving-point.js';

const OBJECTIVE_DESCRIPTIONS: Record<PlanObjective, string> = {
  COST: 'Cheapest: the fleet dollars per hour when requestsPerSecond is given, else dollars per million output tokens. GPUs without a price rank last.',
  GPU_COUNT: 'Fewest GPUs in all (GPUs per replica x replicas).',
  THROUGHPUT_PER_GPU: 'Most output tokens per second per GPU.',
  LATENCY:
    'Lowest end-to-end latency: each deployment at one sequence per replica, copied to carry the rate.',
};

const REJECTION_DESCRIPTIONS: Record<RejectionReason, string> = {
  FORMAT_UNSUPPORTED:
    'No serving engine runs this weight or KV cache format on this GPU (vLLM hardware table; see the README).',
  SPLIT_NOT_ALLOWED:
    'Engines refuse this split of the model over the GPUs (heads, KV heads, experts or layers).',
  WEIGHTS_DO_NOT_FIT: 'Weights, activations and runtime overhead alone exceed the memory of a GPU.',
  KV_CAPACITY: 'The weights fit but not the KV cache of one sequence of the workload.',
  TIME_TO_FIRST_TOKEN: 'Even one sequence per replica misses maxTimeToFirstTokenSeconds.',
  TIME_PER_OUTPUT_TOKEN: 'Even one sequence per replica misses maxTimePerOutputTokenSeconds.',
};

export const PlanObjectiveEnum = builder.enumType('PlanObjective', {
  description:
    'What a plan ranks its candidates by. Ties go to lower cost, then fewer GPUs, then catalog order.',
  values: Object.fromEntries(
    PLAN_OBJECTIVES.map((o) => [o, { value: o, description: OBJECTIVE_DESCRIPTIONS[o] }]),
  ),
});

export const RejectionReasonEnum = builder.enumType('RejectionReason', {
  description:
    'Why a configuration was rejected. Each counts once, under the first reason in this order (cheapest check first).',
  values: Object.fromEntries(
    REJECTION_REASONS.map((r) => [r, { value: r, description: REJECTION_DESCRIPTIONS[r] }]),
  ),
});

export const GpuPriceInput = builder.inputType('GpuPriceInput', {
  description: "A GPU's price for this plan, replacing Gpu.listPriceDollarsPerHour.",
  fields: (t) => ({
    gpu: t.id({ required: true, description: 'Catalog GPU id or alias.' }),
    dollarsPerHour: t.float({
      required: true,
      description: `US dollars per GPU per hour, from 0 to ${LIMITS.dollarsPerHour.max}.`,
    }),
  }),
});

export const PlanInput = builder.inputType('PlanInput', {
  description: `A model, a workload and latency targets: which deployments meet them, and at what cost. The search looks at gpus x layouts (tensor 1 to 8 inside a node, then tensor 8 x pipeline across nodes up to maxGpus, each with an expert-parallel twin for MoE models) x weightFormats x kvCacheFormats configurations, at most ${PLAN_SEARCH_LIMIT}; a larger search is a BAD_USER_INPUT error raised before any work.`,
  fields: (t) => ({
    model: t.id({ description: 'Catalog model id or alias (or give customModel or modelConfig).' }),
    customModel: t.field({
      type: CustomModelInput,
      description: 'A model not in the catalog (or give model or modelConfig).',
    }),
    modelConfig: t.field({
      type: 'JSONObject',
      description:
        'A HuggingFace config.json, as published (or give model or customModel); see Query.modelFromConfig.',
    }),
    inputTokens: t.int({
      required: true,
      description: `Prompt tokens per request, ${LIMITS.tokens.min} to ${LIMITS.tokens.max}.`,
    }),
    outputTokens: t.int({
      required: true,
      description: `Output tokens per request, ${LIMITS.tokens.min} to ${LIMITS.tokens.max}.`,
    }),
    requestsPerSecond: t.float({
      description: `Requests per second the fleet must carry (at most ${LIMITS.planRequestsPerSecond.max}); sets each candidate's replicas. Absent: one replica.`,
    }),
    maxTimeToFirstTokenSeconds: t.float({
      description: 'Latency target: time to first token, seconds. Absent: no limit.',
    }),
    maxTimePerOutputTokenSeconds: t.float({
      description: 'Latency target: time per output token after the first, seconds. Absent: no limit.',
    }),
    gpus: t.idList({
      description: 'GPU types to consider (catalog ids or aliases). Absent: the whole catalog.',
    }),
    maxGpus: t.int({
      defaultValue: DEFAULT_MAX_GPUS,
      description:
        'Most GPUs in one deployment (one replica): tensor parallelism over 1 to 8 GPUs inside a node, then a node-wide tensor group per pipeline stage over as many nodes as fit.',
    }),
    weightFormats: t.field({
      type: [NumberFormatEnum],
      description: `Weight formats to consider. Absent: ${DEFAULT_PLAN_WEIGHT_FORMATS.join(', ')}.`,
    }),
    kvCacheFormats: t.field({
      type: [NumberFormatEnum],
      description: `KV cache formats to consider. Absent: ${DEFAULT_PLAN_KV_CACHE_FORMATS.join(', ')}.`,
    }),
    gpuPrices: t.field({
      type: [GpuPriceInput],
      description: 'Prices for this plan, replacing the list prices of those GPUs.',
    }),
    objective: t.field({ type: PlanObjectiveEnum, defaultValue: 'COST', description: 'What to rank by.' }),
    limit: t.int({
      defaultValue: 10,
      description: `Candidates to return, ${LIMITS.planCandidates.min} to ${LIMITS.planCandidates.max}.`,
    }),
    engine: t.field({
      type: EngineProfileEnum,
      description: 'Engine profile of the timing model (default OPTIMIZED).',
    }),
  }),
});

export const PlanCandidateRef = builder.objectRef<PlanCandidate>('PlanCandidate');

PlanCandidateRef.implement({
  description:
    'One deployment (gpuCount GPUs split as parallelism) serving concurrencyPerReplica sequences, copied replicas times to carry the request rate. Re-estimated through estimate at its own settings, it meets every target.',
  fields: (t) => ({
    gpu: t.field({ type: GpuRef, description: 'The GPU type.', resolve: (c) => c.gpu }),
    gpuCount: t.exposeInt('gpuCount', { description: 'GPUs of one replica: tensor x pipeline x data.' }),
    replicas: t.exposeInt('replicas', {
      description: 'Copies of the deployment needed for requestsPerSecond (1 when no rate is given).',
    }),
    totalGpus: t.exposeInt('totalGpus', { description: 'gpuCount x replicas.' }),
    parallelism: t.field({
      type: ParallelismRef,
      description: 'How one replica splits the model.',
      resolve: (c) => c.parallelism,
    }),
    weightFormat: t.field({
      type: NumberFormatEnum,
      description: 'Weight format.',
      resolve: (c) => c.weightFormat,
    }),
    kvCacheFormat: t.field({
      type: NumberFormatEnum,
      description: 'KV cache format.',
      resolve: (c) => c.kvCacheFormat,
    }),
    computeFormat: t.field({
      type: NumberFormatEnum,
      description: 'The format the matrix multiplications run in on this GPU, after any fallback.',
      resolve: (c) => c.computeFormat,
    }),
    formatNote: t.string({
      nullable: true,
      description:
        'The fallback this candidate relies on when the GPU cannot compute its weight format (or unpacks weight-only formats); null when native.',
      resolve: (c) => c.formatNote,
    }),
    concurrencyPerReplica: t.exposeInt('concurrencyPerReplica', {
      description: 'Sequences each replica serves at once (its serving concurrency).',
    }),
    maxConcurrencyPerReplica: t.exposeInt('maxConcurrencyPerReplica', {
      description: "Sequences of the workload one replica's KV cache holds.",
    }),
    serving: t.field({
      type: ServingPointRef,
      description: 'One replica at concurrencyPerReplica.',
      resolve: (c) => c.serving,
    }),
    dollarsPerHour: t.float({
      nullable: true,
      description: 'The fleet (all replicas), US dollars per hour; null when the GPU has no price.',
      resolve: (c) => c.dollarsPerHour,
    }),
    dollarsPerMillionOutputTokens: t.float({
      nullable: true,
      description:
        'US dollars per million output tokens of a replica running at concurrencyPerReplica; null when the GPU has no price.',
      resolve: (c) => c.dollarsPerMillionOutputTokens,
    }),
    joulesPerOutputTokenAtTdp: t.float({
      nullable: true,
      description:
        "Energy per output token at the GPUs' TDP, joules: an upper bound (GPUs rarely draw full TDP while serving); null without a TDP.",
      resolve: (c) => c.joulesPerOutputTokenAtTdp,
    }),
    bindingConstraint: t.exposeString('bindingConstraint', {
      description:
        'What stops a replica from carrying more, starting with its code: KV_CAPACITY, TIME_TO_FIRST_TOKEN or TIME_PER_OUTPUT_TOKEN, then the numbers.',
    }),
  }),
});

const RejectionCountRef = builder.objectRef<RejectionCount>('RejectionCount');

RejectionCountRef.implement({
  description: 'How many configurations were rejected for one reason.',
  fields: (t) => ({
    reason: t.field({ type: RejectionReasonEnum, description: 'The reason.', resolve: (r) => r.reason }),
    count: t.exposeInt('count', { description: 'Configurations rejected for it.' }),
  }),
});

const PlanRef = builder.objectRef<Plan>('Plan');

PlanRef.implement({
  description:
    'The answer to a PlanInput. No feasible configuration is an empty candidates list with the counts, not an error.',
  fields: (t) => ({
    candidates: t.field({
      type: [PlanCandidateRef],
      description:
        'The best `limit` deployments by the objective, each at the concurrency the objective prefers.',
      resolve: (p) => p.candidates,
    }),
    paretoFrontier: t.field({
      type: [PlanCandidateRef],
      description:
        'Serving points (every feasible deployment at concurrencies 1, 2, 4, ... and its most) that no other beats on both outputTokensPerSecondPerGpu and outputTokensPerSecondPerUser; from the fastest per user to the most per GPU.',
      resolve: (p) => p.paretoFrontier,
    }),
    evaluated: t.exposeInt('evaluated', {
      description: 'Configurations looked at: GPU types x layouts x weight formats x KV cache formats.',
    }),
    rejected: t.field({
      type: [RejectionCountRef],
      description: 'Rejected configurations by reason, every reason listed (zero counts too).',
      resolve: (p) => p.rejected,
    }),
  }),
});

builder.queryField('plan', (t) =>
  t.field({
    type: PlanRef,
    description:
      'Deployments that meet latency targets for a workload, cheapest (or by another objective) first, with the Pareto frontier and why the others were rejected.',
    args: {
      input: t.arg({
        type: PlanInput,
        required: true,
        description: 'Model, workload, targets and search space.',
      }),
    },
    // The size is checked before any resolver runs, and counted one per ten configurations both in
    // the query cost and in the estimate budget.
    complexity: (args) => {
      checkPlanSize('input', args.input);
      return { field: planEstimateCount(args.input), multiplier: 1 };
    },
    extensions: estimateCost((args: { input: PlanInputShape }) => {
      checkPlanSize('input', args.input);
      return planEstimateCount(args.input);
    }),
    resolve: (_root, { input }, ctx) => {
      const request = planRequestOf('input', input);
      const run = (analysis: Parameters<typeof plan>[1]) =>
        withCoreInputErrors('input', () => plan(request, analysis));
      const analysis = ctx.analysisOf(request.model);
      return analysis instanceof Promise ? analysis.then(run) : run(analysis);
    },
  }),
);

function target(field: string, value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const { min, max } = LIMITS.targetSeconds;
  withCoreInputErrors('', () => checkRange(field, value, min, max, 'seconds'));
  return value;
}

/** Runs a shortcut on the request an EstimateInput describes, with the request's shared model analysis. */
function onEstimateInput<T>(
  input: EstimateInputShape,
  ctx: Context,
  answer: (request: EstimateRequest, analysis: ModelAnalysis) => T,
): T | Promise<T> {
  const request = estimateRequestOf('input', input);
  const run = (analysis: ModelAnalysis) => withCoreInputErrors('input', () => answer(request, analysis));
  const analysis = ctx.analysisOf(request.model);
  return analysis instanceof Promise ? analysis.then(run) : run(analysis);
}

const TARGET_ARGS = {
  maxTimePerOutputTokenSeconds: 'TPOT limit, seconds',
  maxTimeToFirstTokenSeconds: 'TTFT limit, seconds',
} as const;

builder.queryFields((t) => ({
  smallestGpuCount: t.int({
    nullable: true,
    description:
      "Inverse question: the fewest GPUs of the input's type (the plan's layouts, up to maxGpus) that hold its batch of sequences in its formats; null when none does or no engine serves the formats on that GPU. The plan search's memory stage (no timing).",
    args: {
      input: t.arg({ type: EstimateInput, required: true, description: 'Model, GPU, formats and workload.' }),
      maxGpus: t.arg.int({ defaultValue: DEFAULT_MAX_GPUS, description: 'Most GPUs to try.' }),
    },
    // Memory checks only: one per ten GPU counts tried.
    extensions: estimateCost((args: { maxGpus?: number | null }) =>
      Math.ceil((args.maxGpus ?? DEFAULT_MAX_GPUS) / PLAN_CONFIGURATIONS_PER_ESTIMATE),
    ),
    resolve: (_root, args, ctx) => {
      const maxGpus = args.maxGpus ?? DEFAULT_MAX_GPUS;
      const { min, max } = LIMITS.gpuCount;
      withCoreInputErrors('', () => checkInteger('maxGpus', maxGpus, min, max));
      return onEstimateInput(args.input, ctx, (r, a) => smallestGpuCount(r, maxGpus, a));
    },
  }),
  maxConcurrencyWithin: t.int({
    description:
      "Inverse question: the most sequences the input's deployment (GPU, gpuCount, formats, workload) serves at once while meeting the targets, i.e. the largest batch under a TPOT limit; 0 when not even one does, or no engine serves its formats on that GPU. The plan search over one configuration.",
    args: {
      input: t.arg({ type: EstimateInput, required: true, description: 'Model, GPU, formats and workload.' }),
      maxTimePerOutputTokenSeconds: t.arg.float({
        required: true,
        description: `${TARGET_ARGS.maxTimePerOutputTokenSeconds}.`,
      }),
      maxTimeToFirstTokenSeconds: t.arg.float({
        description: `${TARGET_ARGS.maxTimeToFirstTokenSeconds} (optional).`,
      }),
    },
    extensions: estimateCost(() => SERVING_POINTS_PER_SCAN),
    resolve: (_root, args, ctx) => {
      const targets = targetsOf(args);
      return onEstimateInput(args.input, ctx, (r, a) => maxConcurrencyWithin(r, targets, a));
    },
  }),
  bestWeightFormat: t.field({
    type: PlanCandidateRef,
    nullable: true,
    description: `Inverse question: the weight format (of ${WEIGHT_FORMAT_CHOICES.join(', ')}) that serves the input's workload best on its GPU and gpuCount, as a plan candidate with any fallback stated; null when none meets the targets. The plan search over those formats.`,
    args: {
      input: t.arg({
        type: EstimateInput,
        required: true,
        description: 'Model, GPU, KV cache format and workload (weightFormat is ignored).',
      }),
      objective: t.arg({
        type: PlanObjectiveEnum,
        defaultValue: 'THROUGHPUT_PER_GPU',
        description: 'What best means.',
      }),
      maxTimePerOutputTokenSeconds: t.arg.float({
        description: `${TARGET_ARGS.maxTimePerOutputTokenSeconds} (optional).`,
      }),
      maxTimeToFirstTokenSeconds: t.arg.float({
        description: `${TARGET_ARGS.maxTimeToFirstTokenSeconds} (optional).`,
      }),
    },
    extensions: estimateCost(() => WEIGHT_FORMAT_CHOICES.length * SERVING_POINTS_PER_SCAN),
    resolve: (_root, args, ctx) => {
      const targets = targetsOf(args);
      const objective = args.objective ?? 'THROUGHPUT_PER_GPU';
      return onEstimateInput(args.input, ctx, (r, a) => bestWeightFormat(r, objective, targets, a));
    },
  }),
}));

function targetsOf(args: {
  maxTimePerOutputTokenSeconds?: number | null;
  maxTimeToFirstTokenSeconds?: number | null;
}) {
  return {
    maxTimePerOutputTokenSeconds: target('maxTimePerOutputTokenSeconds', args.maxTimePerOutputTokenSeconds),
    maxTimeToFirstTokenSeconds: target('maxTimeToFirstTokenSeconds', args.maxTimeToFirstTokenSeconds),
  };
}
