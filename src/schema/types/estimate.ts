import { type Estimate, LIMITS, RATE_BISECTIONS } from '../../core/index.js';
import { builder } from '../builder.js';
import { estimateCost } from '../estimate-cost.js';
import { curvePoints, servingLoad } from '../serving-args.js';
import { checkTokens } from '../validation.js';
import { AssumptionsRef } from './assumptions.js';
import { AttentionShareRef } from './attention-share.js';
import { BatchLimitRef } from './batch-limit.js';
import { ContextLimitRef } from './context-limit.js';
import { FitsBasisEnum } from './enums.js';
import { GpuRef } from './gpu.js';
import { MemoryBreakdownRef } from './memory-breakdown.js';
import { ModelRef } from './model.js';
import { ParallelismRef } from './parallelism.js';
import { PhaseCostRef } from './phase-cost.js';
import { ServingArrivalsEnum, ServingPointRef } from './serving-point.js';
import { rangeFieldOf } from './value-range.js';

const { batchSize } = LIMITS;

/** Backed by the core's lazy Estimate: memory, max context and timing run only when selected. */
export const EstimateRef = builder.objectRef<Estimate>('Estimate');

EstimateRef.implement({
  description:
    'One model on one GPU or a group of them (tensor x pipeline x expert x data parallel) for one workload. Memory figures are per GPU (the most loaded one); times are for the whole batch. Parts are computed only when selected.',
  fields: (t) => ({
    model: t.field({ type: ModelRef, description: 'The model estimated.', resolve: (e) => e.request.model }),
    gpu: t.field({
      type: GpuRef,
      description: 'The GPU estimated (one of gpuCount).',
      resolve: (e) => e.request.gpu,
    }),
    gpuCount: t.int({
      description: 'GPUs in all: tensor x pipeline x data.',
      resolve: (e) => e.request.gpuCount,
    }),
    parallelism: t.field({
      type: ParallelismRef,
      description: 'How the GPUs split the model, as resolved.',
      resolve: (e) => e.request.sharding.parallelism,
    }),
    maxConcurrency: t.int({
      description:
        'Sequences of inputTokens + outputTokens (reserved in whole 16-token KV blocks) the KV cache holds at once, across all data-parallel replicas: what continuous batching can run together. 0 when not even one fits.',
      resolve: (e) => e.maxConcurrency,
    }),
    serving: t.field({
      type: ServingPointRef,
      description:
        "The steady state of continuous batching under load (see ServingPoint): at a concurrency (sequences in flight), or at a request rate (Little's law finds the concurrency that carries it). Give at most one; neither: concurrency 1, which is this estimate at batchSize 1.",
      args: {
        concurrency: t.arg.int({
          description: `Sequences in flight across the estimate, ${batchSize.min} to ${batchSize.max} (above maxConcurrency the point is not sustainable).`,
        }),
        requestsPerSecond: t.arg.float({
          description: `Requests per second across the estimate, above 0 and at most ${LIMITS.planRequestsPerSecond.max}.`,
        }),
        arrivals: t.arg({
          type: ServingArrivalsEnum,
          defaultValue: 'STAGGERED',
          description: 'How the requests arrive (with concurrency).',
        }),
      },
      extensions: estimateCost((args: { requestsPerSecond?: number | null }) =>
        args.requestsPerSecond == null ? 1 : RATE_BISECTIONS,
      ),
      resolve: (e, args) => e.serving(servingLoad(args)),
    }),
    servingCurve: t.field({
      type: [ServingPointRef],
      description:
        'Serving points (staggered arrivals) at `points` concurrencies from 1 to maxConcurrency, spaced evenly in log scale (fewer when maxConcurrency is small; empty when nothing fits): the curve of throughput per GPU against throughput per user.',
      args: {
        points: t.arg.int({
          defaultValue: 16,
          description: `Concurrencies to sample, ${LIMITS.servingCurvePoints.min} to ${LIMITS.servingCurvePoints.max}.`,
        }),
      },
      extensions: estimateCost((args: { points?: number | null }) => args.points ?? 16),
      resolve: (e, args) => e.servingCurve(curvePoints(args.points)),
    }),
    fits: t.boolean({
      description:
        'Whether the request fits in memory.capacityBytes (the share of the GPU the engine will use). By default the upper end of memory.totalBytesRange is compared, so "fits" means fits with the evidence we have; basis: POINT_ESTIMATE compares memory.totalBytes. Not fitting is an answer, not an error.',
      args: {
        basis: t.arg({
          type: FitsBasisEnum,
          defaultValue: 'MEMORY_RANGE_HIGH',
          description: 'What is compared with the capacity.',
        }),
      },
      resolve: (e, args) => e.fits(args.basis ?? 'MEMORY_RANGE_HIGH'),
    }),
    withinContextWindow: t.boolean({
      description:
        "Whether inputTokens + outputTokens is at most the model's context window (max_position_embeddings).",
      resolve: (e) => e.withinContextWindow,
    }),
    warnings: t.stringList({
      description:
        'Plain-language notes on assumptions a reader could miss: a request longer than the context window, a compute format the GPU lacks (and what was used instead), KV heads replicated across GPUs.',
      resolve: (e) => e.warnings,
    }),
    memory: t.field({
      type: MemoryBreakdownRef,
      description: 'Memory one GPU needs for the request, bytes.',
      resolve: (e) => e,
    }),
    maxContextLength: t.field({
      type: ContextLimitRef,
      description:
        "Longest sequence (prompt + output) that fits at this batch size, capped by the model's context window.",
      resolve: (e) => e.maxContext,
    }),
    maxBatchSize: t.field({
      type: BatchLimitRef,
      description: 'Most sequences of contextTokens tokens that fit at once, the prompt being inputTokens.',
      args: {
        contextTokens: t.arg.int({
          description: 'Sequence length (prompt + output), tokens; default inputTokens + outputTokens.',
        }),
      },
      resolve: (e, { contextTokens }) => {
        // Only a given length is checked: the default, the sum of two checked token counts, may
        // reach twice the per-field limit and is still a valid question.
        if (contextTokens !== null && contextTokens !== undefined)
          checkTokens('contextTokens', contextTokens);
        const tokens = contextTokens ?? e.request.inputTokens + e.request.outputTokens;
        return { contextTokens: tokens, ...e.maxBatchSize(tokens) };
      },
    }),
    prefill: t.field({
      type: PhaseCostRef,
      description: 'Processing the prompts of the whole batch (with the per-request overhead).',
      resolve: (e) => e.timing.prefill,
    }),
    decode: t.field({
      type: PhaseCostRef,
      description: 'The mean decode step over the generation (with the per-step overhead).',
      resolve: (e) => e.timing.decode,
    }),
    timeToFirstTokenSeconds: t.float({
      description: 'Time to first token: the prefill phase, seconds.',
      resolve: (e) => e.timing.timeToFirstTokenSeconds,
    }),
    timeToFirstTokenSecondsRange: t.field(
      rangeFieldOf('timeToFirstTokenSeconds', 'seconds', 'TIME_TO_FIRST_TOKEN'),
    ),
    timePerOutputTokenSeconds: t.float({
      description: 'Mean time per output token after the first (the mean decode step), seconds.',
      resolve: (e) => e.timing.timePerOutputTokenSeconds,
    }),
    timePerOutputTokenSecondsRange: t.field(
      rangeFieldOf('timePerOutputTokenSeconds', 'seconds', 'TIME_PER_OUTPUT_TOKEN'),
    ),
    totalSeconds: t.float({
      description: 'timeToFirstTokenSeconds + (outputTokens - 1) x timePerOutputTokenSeconds, seconds.',
      resolve: (e) => e.timing.totalSeconds,
    }),
    totalSecondsRange: t.field(rangeFieldOf('totalSeconds', 'seconds', 'TOTAL')),
    outputTokensPerSecond: t.float({
      description: 'batchSize x outputTokens / totalSeconds, all GPUs together, tokens/s.',
      resolve: (e) => e.timing.outputTokensPerSecond,
    }),
    outputTokensPerSecondRange: t.field(
      rangeFieldOf('outputTokensPerSecond', 'tokens/s', 'OUTPUT_TOKENS_PER_SECOND'),
    ),
    attentionShare: t.field({
      type: AttentionShareRef,
      description: 'Attention-score operators against everything else, per phase.',
      resolve: (e) => e.timing.attentionShare,
    }),
    assumptions: t.field({
      type: AssumptionsRef,
      description: 'Every assumption behind the numbers, after defaults and fallbacks.',
      resolve: (e) => e.request,
    }),
  }),
});
