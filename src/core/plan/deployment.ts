/**
 * One deployment a plan considers (a GPU type, a layout, a weight and a KV cache format), its
 * memory (checked first: it needs no timing) and its serving point at a concurrency: the
 * continuous-batching steady state of serving.ts, whose TTFT and TPOT never fall as concurrency
 * rises (the search relies on it).
 */
import { Estimate } from '../estimate.js';
import type { ModelAnalysis } from '../model.js';
import { reservedTokens, servingAtConcurrency } from '../serving.js';
import type { EstimateRequest, GpuSpec, NumberFormat, WeightFormat } from '../types.js';
import type { Layout } from './layouts.js';
import type { PlanRequest, ServingPoint } from './types.js';

export interface Deployment {
  /** The deployment at batch 1, made on first use; its serving points share its per-workload quantities. */
  estimate?: Estimate;
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
    parallelism: d.layout.parallelism,
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

function estimateOf(d: Deployment): Estimate {
  d.estimate ??= new Estimate(estimateRequest(d, 1), d.analysis);
  return d.estimate;
}

export function deploymentMemory(d: Deployment): DeploymentMemory {
  const e = estimateOf(d);
  const reserved = reservedTokens(d.plan.inputTokens, d.plan.outputTokens);
  const limit = e.maxBatchSize(Math.min(reserved, d.analysis.model.contextWindow));
  return {
    maxConcurrency: limit.batchSize,
    weightsFit: limit.limitedBy !== 'WEIGHTS_DO_NOT_FIT',
    computeFormat: e.request.computeFormat,
    formatNote: formatNote(e),
  };
}

export function servingPoint(d: Deployment, concurrency: number, maxConcurrency: number): ServingPoint {
  return servingAtConcurrency(estimateOf(d), concurrency, maxConcurrency);
}

/** Which target a serving point misses, first TTFT then TPOT; null when it meets both. */
export function missedTarget(
  plan: PlanRequest,
  point: ServingPoint,
): 'TIME_TO_FIRST_TOKEN' | 'TIME_PER_OUTPUT_TOKEN' | null {
  const ttft = plan.maxTimeToFirstTokenSeconds;
  if (ttft !== undefined && point.timeToFirstTokenSeconds > ttft) return 'TIME_TO_FIRST_TOKEN';
  const tpot = plan.maxTimePerOutputTokenSeconds;
  if (tpot !== undefined && point.timePerOutputTokenSeconds > tpot) return 'TIME_PER_OUTPUT_TOKEN';
  return null;
}
