import type { RangedMetric } from './calibration/fitted-types.js';
import {
  type BatchLimit,
  type ContextLimit,
  type MemoryBreakdown,
  maxBatchSize,
  maxContextLength,
  memoryAcrossGpus,
  memoryBreakdown,
} from './memory.js';
import { analyzeModel, type ModelAnalysis } from './model.js';
import { TENSOR_CLASSES } from './model-spec.js';
import { rangeAround, type ValueRange } from './ranges.js';
import { type ResolvedRequest, resolveRequest } from './resolve.js';
import {
  maxConcurrency,
  type ServingArrivals,
  type ServingPoint,
  servingAtConcurrency,
  servingAtRate,
  servingCurve,
} from './serving.js';
import { estimateTiming, type Timing } from './timing.js';
import type { EstimateRequest } from './types.js';

/**
 * One estimate whose parts are computed on first use and remembered: a caller that reads only
 * `memory` never runs the timing model.
 */
export class Estimate {
  readonly request: ResolvedRequest;
  readonly analysis: ModelAnalysis;
  #memory: MemoryBreakdown | undefined;
  #maxContext: ContextLimit | undefined;
  #timing: Timing | undefined;
  #maxConcurrency: number | undefined;

  constructor(request: EstimateRequest, analysis?: ModelAnalysis) {
    this.request = resolveRequest(request);
    this.analysis = analysis ?? analyzeModel(request.model);
  }

  get memory(): MemoryBreakdown {
    this.#memory ??= memoryBreakdown(this.analysis, this.request);
    return this.#memory;
  }

  /** Memory of every GPU of the estimate together, bytes (what a sum over devices reports). */
  get memoryAcrossGpusBytes(): number {
    return memoryAcrossGpus(this.analysis, this.request);
  }

  get maxContext(): ContextLimit {
    this.#maxContext ??= maxContextLength(this.analysis, this.request);
    return this.#maxContext;
  }

  get timing(): Timing {
    this.#timing ??= estimateTiming(this.analysis, this.request);
    return this.#timing;
  }

  /** Prompt + output is no longer than the model's context window. */
  get withinContextWindow(): boolean {
    return this.request.inputTokens + this.request.outputTokens <= this.analysis.model.contextWindow;
  }

  /** Plain-language notes on assumptions a reader could miss. */
  get warnings(): string[] {
    const r = this.request;
    const notes: string[] = [];
    if (!this.withinContextWindow) {
      notes.push(
        `prompt + output (${r.inputTokens + r.outputTokens} tokens) exceeds ${r.model.id}'s context window of ${r.model.contextWindow} tokens`,
      );
    }
    const fallbacks = new Set<string>();
    for (const c of TENSOR_CLASSES) {
      const cls = r.classes[c];
      if (this.analysis.parametersByClass[c] > 0 && cls.computeFormat !== cls.computeFormatRequested) {
        fallbacks.add(
          `${r.gpu.name} has no ${cls.computeFormatRequested} compute path: estimated with ${cls.computeFormat}`,
        );
      }
    }
    notes.push(...fallbacks);
    const tensor = r.sharding.parallelism.tensor;
    const kvHeads = Math.min(
      ...r.model.layerGroups.map((g) =>
        g.attention.shape.kind === 'GQA' ? g.attention.shape.kvHeads : tensor,
      ),
    );
    if (kvHeads < tensor) {
      notes.push(
        `${tensor} tensor-parallel GPUs exceed the model's ${kvHeads} KV heads: each GPU keeps a replica of one head`,
      );
    }
    if (tensor > 1 && r.model.layerGroups.some((g) => g.attention.shape.kind === 'MLA')) {
      notes.push(
        `MLA caches one latent per token that every one of the ${tensor} tensor-parallel GPUs keeps whole`,
      );
    }
    if (r.sharding.parallelism.data > 1 && r.batchSize % r.sharding.parallelism.data !== 0) {
      notes.push(
        `${r.batchSize} sequences do not split evenly over ${r.sharding.parallelism.data} data-parallel ranks: the busiest rank (${Math.ceil(r.batchSize / r.sharding.parallelism.data)} sequences) sets memory and time`,
      );
    }
    if (r.prefillPool) {
      notes.push(
        `prefill runs on ${r.prefillPool.gpuCount} more GPUs (disaggregated): only serving points use the two pools; the estimate's own times run both phases on its ${r.gpuCount} GPUs`,
      );
    }
    if (r.speculative?.draft) {
      notes.push(
        `the draft model ${r.speculative.draft.model.id} is timed on one GPU; its weights are not counted in memory`,
      );
    }
    return notes;
  }

  /** Sequences of prompt + output (in whole 16-token KV blocks) the estimate's memory holds at once, across its ranks. */
  get maxConcurrency(): number {
    this.#maxConcurrency ??= maxConcurrency(this);
    return this.#maxConcurrency;
  }

  /**
   * The serving point at a concurrency (sequences in flight across the estimate) or at a request
   * rate (requests per second, through Little's law); neither: concurrency 1. See serving.ts.
   */
  serving(
    load: { concurrency?: number; requestsPerSecond?: number; arrivals?: ServingArrivals } = {},
  ): ServingPoint {
    if (load.requestsPerSecond !== undefined) {
      return servingAtRate(this, load.requestsPerSecond, this.maxConcurrency);
    }
    return servingAtConcurrency(this, load.concurrency ?? 1, this.maxConcurrency, load.arrivals);
  }

  /** Serving points from concurrency 1 to maxConcurrency, `points` of them spaced evenly in log scale. */
  servingCurve(points: number): ServingPoint[] {
    return servingCurve(this, points, this.maxConcurrency);
  }

  /** Most sequences of `contextTokens` (prompt + output) tokens that fit; the prompt is the request's. */
  maxBatchSize(contextTokens: number): BatchLimit {
    return maxBatchSize(this.analysis, this.request, contextTokens);
  }

  /**
   * Whether the request fits. By default at the upper end of the memory range (the prediction times the
   * 90th percentile of measured / predicted on held-out memory cases): "fits" means fits with the evidence
   * we have. 'POINT_ESTIMATE' compares the prediction itself. Either way against capacityBytes, which is
   * the share of the GPU the engine will use.
   */
  fits(basis: FitsBasis = 'MEMORY_RANGE_HIGH'): boolean {
    const need = basis === 'POINT_ESTIMATE' ? this.memory.totalBytes : this.range('MEMORY').high;
    return need <= this.memory.capacityBytes;
  }

  /** Calibrated low-high range around one of the ranged answers. */
  range(metric: RangedMetric): ValueRange {
    return rangeAround(this.request.engine, metric, this.value(metric));
  }

  /** One of the answers that calibration checks and ranges cover. */
  value(metric: RangedMetric): number {
    switch (metric) {
      case 'TIME_TO_FIRST_TOKEN':
        return this.timing.timeToFirstTokenSeconds;
      case 'TIME_PER_OUTPUT_TOKEN':
        return this.timing.timePerOutputTokenSeconds;
      case 'TOTAL':
        return this.timing.totalSeconds;
      case 'OUTPUT_TOKENS_PER_SECOND':
        return this.timing.outputTokensPerSecond;
      case 'MEMORY':
        return this.memory.totalBytes;
    }
  }
}

/** What `fits` compares with the capacity: the upper end of the memory range, or the point estimate. */
export type FitsBasis = 'MEMORY_RANGE_HIGH' | 'POINT_ESTIMATE';

export function estimate(request: EstimateRequest, analysis?: ModelAnalysis): Estimate {
  return new Estimate(request, analysis);
}
