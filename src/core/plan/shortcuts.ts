/**
 * Inverse questions about one estimate, answered by the plan's own search restricted to that
 * estimate's GPU, formats and workload: the fewest GPUs that hold it, the most sequences that
 * meet a TPOT (and TTFT) limit, and the weight format a GPU serves best.
 */

import { isStorageFormat } from '../formats.js';
import type { ModelAnalysis } from '../model.js';
import { NUMBER_FORMATS } from '../number-format.js';
import { plan, planMemory } from '../plan.js';
import { parallelismOf } from '../sharding.js';
import type { EstimateRequest, WeightFormat } from '../types.js';
import type { PlanCandidate, PlanObjective, PlanRequest } from './types.js';

/** Every storage format an engine might keep weights in (TF32 is a compute mode only). */
export const WEIGHT_FORMAT_CHOICES: readonly WeightFormat[] = NUMBER_FORMATS.filter(isStorageFormat);

export interface Targets {
  maxTimeToFirstTokenSeconds?: number;
  maxTimePerOutputTokenSeconds?: number;
}

/** A plan over the estimate's own GPU, formats and workload (no prices: these answers are not about cost). */
export function planRequestFor(
  r: EstimateRequest,
  overrides: Partial<PlanRequest> & Pick<PlanRequest, 'objective' | 'maxGpus'>,
): PlanRequest {
  return {
    model: r.model,
    inputTokens: r.inputTokens,
    outputTokens: r.outputTokens,
    gpus: [r.gpu],
    weightFormats: [r.weightFormat],
    kvCacheFormats: [r.kvCacheFormat],
    dollarsPerGpuHour: new Map(),
    limit: Number.MAX_SAFE_INTEGER,
    engine: r.engine,
    // An estimate's resolved tuning is its profile's plus overrides; IDEAL's admits no overrides.
    tuning: r.engine === 'IDEAL' ? undefined : r.tuning,
    memory: r.memory,
    ...overrides,
  };
}

/**
 * Fewest GPUs (up to maxGpus) whose deployment holds the estimate's batch of sequences; null when
 * none does, or when no engine serves its formats on that GPU.
 */
export function smallestGpuCount(
  r: EstimateRequest,
  maxGpus: number,
  analysis?: ModelAnalysis,
): number | null {
  // The search's memory stage answers it: no timing is needed to know what fits.
  const holding = planMemory(planRequestFor(r, { objective: 'GPU_COUNT', maxGpus }), analysis).filter(
    (c) => c.maxConcurrency >= r.batchSize,
  );
  return holding.length === 0 ? null : Math.min(...holding.map((c) => c.gpuCount));
}

/** Most sequences the estimate's deployment serves at once within the targets; 0 when not even one. */
export function maxConcurrencyWithin(r: EstimateRequest, targets: Targets, analysis?: ModelAnalysis): number {
  const found = plan(
    planRequestFor(r, {
      objective: 'THROUGHPUT_PER_GPU',
      maxGpus: r.gpuCount,
      gpuCounts: [r.gpuCount],
      parallelism: parallelismOf(r.gpuCount, r.parallelism),
      ...targets,
    }),
    analysis,
  ).candidates[0];
  return found?.concurrencyPerReplica ?? 0;
}

/** The weight format that serves the estimate's workload best on its GPU and GPU count, by the objective. */
export function bestWeightFormat(
  r: EstimateRequest,
  objective: PlanObjective,
  targets: Targets,
  analysis?: ModelAnalysis,
): PlanCandidate | null {
  return (
    plan(
      planRequestFor(r, {
        objective,
        maxGpus: r.gpuCount,
        gpuCounts: [r.gpuCount],
        parallelism: parallelismOf(r.gpuCount, r.parallelism),
        weightFormats: WEIGHT_FORMAT_CHOICES,
        limit: 1,
        ...targets,
      }),
      analysis,
    ).candidates[0] ?? null
  );
}
