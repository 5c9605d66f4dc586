/**
 * One deployment a plan considers (a GPU type, a layout, a weight and a KV cache format), its
 * memory (checked first: it needs no timing) and its serving point at a concurrency.
 *
 * Serving point: until the continuous-batching model (serving.ts) is available, the point at
 * concurrency C is the batch-C estimate — C sequences prefilled together, then decoded together —
 * which is what a serving point is when all C requests arrive at once. Its TTFT (the whole batch's
 * prefill) and TPOT (a step of C sequences) only grow with C, which the search relies on. The
 * request rate one replica carries follows from Little's law: C sequences in flight for e2e seconds.
 */
import { Estimate } from '../estimate.js';
import type { ModelAnalysis } from '../model.js';
import type { Bound } from '../roofline.js';
import type { EstimateRequest, GpuSpec, NumberFormat, WeightFormat } from '../types.js';
import type { Layout } from './layouts.js';
import type { PlanRequest, PlanServingPoint } from './types.js';

export interface Deployment {
  gpu: GpuSpec;
  layout: Layout;
  weightFormat: WeightFormat;
  kvCacheFormat: NumberFormat;
  analysis: ModelAnalysis;
  plan: PlanRequest;
}

export interface DeploymentMemory {
  /** Sequences of inputTokens + outputTokens one replica holds at once; 0 when none fits. */
  maxConcurrency: number;
  weightsFit: boolean;
  computeFormat: NumberFormat;
  /** The compute fallback or weight unpacking the deployment relies on; null when native. */
  formatNote: string | null;
}

export function estimateRequest(d: Deployment, concurrency: number): EstimateRequest {
  const p = d.plan;
  return {
    model: p.model,
    gpu: d.gpu,
    gpuCount: d.layout.parallelism.gpuCount,
    weightFormat: d.weightFormat,
    kvCacheFormat: d.kvCacheFormat,
    inputTokens: p.inputTokens,
    outputTokens: p.outputTokens,
    batchSize: concurrency,
    engine: p.engine,
    tuning: p.tuning,
    memory: p.memory,
  };
}

function formatNote(e: Estimate): string | null {
  const r = e.request;
  if (r.computeFormat !== r.computeFormatRequested) {
    return `${r.gpu.name} has no ${r.computeFormatRequested} compute path: ${r.weightFormat} weights run in ${r.computeFormat}${r.dequantizesWeights ? ' (unpacked in the matmul, weight-only)' : ''}`;
  }
  if (r.dequantizesWeights) {
    return `${r.weightFormat} weights are unpacked to ${r.computeFormat} in the matmul (weight-only quantisation)`;
  }
  return null;
}

export function deploymentMemory(d: Deployment): DeploymentMemory {
  const e = new Estimate(estimateRequest(d, 1), d.analysis);
  const limit = e.maxBatchSize(d.plan.inputTokens + d.plan.outputTokens);
  return {
    maxConcurrency: limit.batchSize,
    weightsFit: limit.limitedBy !== 'WEIGHTS_DO_NOT_FIT',
    computeFormat: e.request.computeFormat,
    formatNote: formatNote(e),
  };
}

const LIMITED_BY: Record<Bound, PlanServingPoint['limitedBy']> = {
  COMPUTE: 'COMPUTE',
  MEMORY: 'MEMORY_BANDWIDTH',
  INTERCONNECT: 'INTERCONNECT',
  OVERHEAD: 'LATENCY',
};

export function servingPoint(d: Deployment, concurrency: number, maxConcurrency: number): PlanServingPoint {
  const t = new Estimate(estimateRequest(d, concurrency), d.analysis).timing;
  const gpus = d.layout.parallelism.gpuCount;
  return {
    concurrency,
    requestsPerSecond: concurrency / t.totalSeconds,
    timeToFirstTokenSeconds: t.timeToFirstTokenSeconds,
    timePerOutputTokenSeconds: t.timePerOutputTokenSeconds,
    e2eSeconds: t.totalSeconds,
    outputTokensPerSecond: t.outputTokensPerSecond,
    outputTokensPerSecondPerGpu: t.outputTokensPerSecond / gpus,
    outputTokensPerSecondPerUser: 1 / t.timePerOutputTokenSeconds,
    kvCacheUtilization: concurrency / maxConcurrency,
    limitedBy: concurrency >= maxConcurrency ? 'KV_CAPACITY' : LIMITED_BY[t.decode.bound],
  };
}

/** Which target a serving point misses, first TTFT then TPOT; null when it meets both. */
export function missedTarget(
  plan: PlanRequest,
  point: PlanServingPoint,
): 'TIME_TO_FIRST_TOKEN' | 'TIME_PER_OUTPUT_TOKEN' | null {
  const ttft = plan.maxTimeToFirstTokenSeconds;
  if (ttft !== undefined && point.timeToFirstTokenSeconds > ttft) return 'TIME_TO_FIRST_TOKEN';
  const tpot = plan.maxTimePerOutputTokenSeconds;
  if (tpot !== undefined && point.timePerOutputTokenSeconds > tpot) return 'TIME_PER_OUTPUT_TOKEN';
  return null;
}
