/** Plan candidates from scanned deployments: replicas, cost, energy, the binding constraint, ranking and the frontier. */
import type { Deployment, DeploymentMemory } from './deployment.js';
import type { ScanResult } from './scan.js';
import type { PlanCandidate, PlanObjective, PlanRequest, ServingPoint } from './types.js';

const SECONDS_PER_HOUR = 3600;

/** A feasible deployment with its scan, in the plan's enumeration order (the last tie-break). */
export interface Feasible {
  deployment: Deployment;
  memory: DeploymentMemory;
  scan: ScanResult;
  order: number;
}

export interface RankedCandidate {
  candidate: PlanCandidate;
  order: number;
}

/** Seconds for people: 1.02 s, 40.3 ms. */
function time(seconds: number): string {
  return seconds >= 1 ? `${seconds.toPrecision(3)} s` : `${(seconds * 1000).toPrecision(3)} ms`;
}

function bindingConstraint(plan: PlanRequest, f: Feasible, concurrency: number): string {
  const { best, missed, next } = f.scan;
  const max = f.memory.maxConcurrency;
  let limit: string;
  if (best === max) {
    limit = `KV_CAPACITY: one replica's KV cache holds ${max} sequences of ${plan.inputTokens + plan.outputTokens} tokens`;
  } else if (missed === 'TIME_TO_FIRST_TOKEN' && next !== null) {
    limit = `TIME_TO_FIRST_TOKEN: ${best + 1} sequences per replica would take ${time(next.timeToFirstTokenSeconds)} to the first token, over the ${time(plan.maxTimeToFirstTokenSeconds ?? 0)} limit`;
  } else if (next !== null) {
    limit = `TIME_PER_OUTPUT_TOKEN: ${best + 1} sequences per replica would take ${time(next.timePerOutputTokenSeconds)} per output token, over the ${time(plan.maxTimePerOutputTokenSeconds ?? 0)} limit`;
  } else {
    limit = `at most ${best} sequences per replica`;
  }
  return concurrency === best ? limit : `${concurrency} of at most ${best} sequences per replica (${limit})`;
}

export function candidateAt(plan: PlanRequest, f: Feasible, point: ServingPoint): PlanCandidate {
  const { deployment: d, memory } = f;
  const gpuCount = d.layout.parallelism.gpuCount;
  const rps = plan.requestsPerSecond;
  const replicas = rps === undefined ? 1 : Math.max(1, Math.ceil(rps / point.requestsPerSecond));
  const price = plan.dollarsPerGpuHour.get(d.gpu.id) ?? null;
  const tokensPerHour = point.outputTokensPerSecond * SECONDS_PER_HOUR;
  return {
    gpu: d.gpu,
    gpuCount,
    replicas,
    totalGpus: gpuCount * replicas,
    parallelism: d.layout.parallelism,
    weightFormat: d.weightFormat,
    kvCacheFormat: d.kvCacheFormat,
    computeFormat: memory.computeFormat,
    formatNote: memory.formatNote,
    concurrencyPerReplica: point.concurrency,
    maxConcurrencyPerReplica: memory.maxConcurrency,
    serving: point,
    dollarsPerHour: price === null ? null : price * gpuCount * replicas,
    dollarsPerMillionOutputTokens: price === null ? null : (price * gpuCount * 1e6) / tokensPerHour,
    joulesPerOutputTokenAtTdp:
      d.gpu.tdpWatts === null ? null : (d.gpu.tdpWatts * gpuCount) / point.outputTokensPerSecond,
    bindingConstraint: bindingConstraint(plan, f, point.concurrency),
  };
}

/** The point a deployment is proposed at: one sequence per replica for LATENCY, else the most it carries. */
export function objectivePoint(objective: PlanObjective, f: Feasible): ServingPoint {
  return objective === 'LATENCY' ? f.scan.points[0] : f.scan.points[f.scan.points.length - 1];
}

function orNever(value: number | null): number {
  return value ?? Number.POSITIVE_INFINITY;
}

/** Cost key: the fleet's dollars per hour when a request rate is given, else dollars per million tokens. */
function cost(plan: PlanRequest, c: PlanCandidate): number {
  return orNever(plan.requestsPerSecond === undefined ? c.dollarsPerMillionOutputTokens : c.dollarsPerHour);
}

function keys(plan: PlanRequest, c: PlanCandidate): number[] {
  switch (plan.objective) {
    case 'COST':
      return [cost(plan, c), c.totalGpus, c.serving.e2eSeconds];
    case 'GPU_COUNT':
      return [c.totalGpus, cost(plan, c), c.serving.e2eSeconds];
    case 'THROUGHPUT_PER_GPU':
      return [-c.serving.outputTokensPerSecondPerGpu, cost(plan, c), c.totalGpus];
    case 'LATENCY':
      return [c.serving.e2eSeconds, c.serving.timeToFirstTokenSeconds, cost(plan, c)];
  }
}

/**
 * A bound on the first ranking key of a deployment that is not scanned yet, from its point at full
 * KV capacity (most throughput per replica, so fewest replicas, lowest cost, most tokens per GPU)
 * or, for LATENCY, its exact point at one sequence. No concurrency it could be proposed at ranks
 * better on the first key.
 */
export function firstKeyBound(plan: PlanRequest, f: Omit<Feasible, 'scan'>, point: ServingPoint): number {
  const scan: ScanResult = {
    best: point.concurrency,
    points: [point],
    missed: null,
    next: null,
    servingPointsComputed: 0,
  };
  return keys(plan, candidateAt(plan, { ...f, scan }, point))[0];
}

/** The first ranking key of a proposed candidate. */
export function firstKey(plan: PlanRequest, c: PlanCandidate): number {
  return keys(plan, c)[0];
}

export function compareRanked(plan: PlanRequest): (a: RankedCandidate, b: RankedCandidate) => number {
  return (a, b) => {
    const ka = keys(plan, a.candidate);
    const kb = keys(plan, b.candidate);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    }
    return a.order - b.order;
  };
}

/** The `limit` best deployments, each at its objective's point. */
export function bestCandidates(plan: PlanRequest, feasible: Feasible[]): PlanCandidate[] {
  const ranked = feasible.map((f) => ({
    candidate: candidateAt(plan, f, objectivePoint(plan.objective, f)),
    order: f.order,
  }));
  return ranked
    .sort(compareRanked(plan))
    .slice(0, plan.limit)
    .map((r) => r.candidate);
}

/**
 * Serving points no other beats on both output tokens per second per GPU and per user, over every
 * feasible deployment's reported points; ordered from the fastest per user to the most per GPU.
 */
export function paretoFrontier(plan: PlanRequest, feasible: Feasible[]): PlanCandidate[] {
  const points: { f: Feasible; point: ServingPoint; order: number }[] = [];
  for (const f of feasible) {
    for (const point of f.scan.points) points.push({ f, point, order: f.order });
  }
  points.sort(
    (a, b) =>
      b.point.outputTokensPerSecondPerUser - a.point.outputTokensPerSecondPerUser ||
      b.point.outputTokensPerSecondPerGpu - a.point.outputTokensPerSecondPerGpu ||
      a.order - b.order ||
      a.point.concurrency - b.point.concurrency,
  );
  const frontier: PlanCandidate[] = [];
  let bestPerGpu = Number.NEGATIVE_INFINITY;
  for (const { f, point } of points) {
    if (point.outputTokensPerSecondPerGpu > bestPerGpu) {
      bestPerGpu = point.outputTokensPerSecondPerGpu;
      frontier.push(candidateAt(plan, f, point));
    }
  }
  return frontier;
}
