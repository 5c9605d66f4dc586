/**
 * Inverse search: the deployments that meet a workload's latency targets, ranked by an objective,
 * with the Pareto frontier of throughput per GPU against throughput per user.
 *
 * A configuration is a GPU type x a parallelism layout x a weight format x a KV cache format.
 * Each is checked in the order of the rejection reasons (cheapest first): the engine must serve the
 * formats on that GPU, the split must be one engines accept, the weights must fit and at least
 * one sequence's KV cache beside them (memory needs no timing), and one sequence must meet the
 * targets. A configuration that passes is scanned over concurrency per replica (see plan/scan.ts),
 * proposed at its objective's point, and copied into replicas to carry the request rate.
 */

import { checkInteger, checkRange } from './checks.js';
import { unsupportedKvCacheFormat, unsupportedWeightFormat } from './format-support.js';
import { EstimateInputError, LIMITS } from './limits.js';
import { analyzeModel, type ModelAnalysis } from './model.js';
import {
  bestCandidates,
  candidateAt,
  type Feasible,
  firstKey,
  firstKeyBound,
  objectivePoint,
  paretoFrontier,
} from './plan/candidates.js';
import { type Deployment, type DeploymentMemory, deploymentMemory } from './plan/deployment.js';
import { layoutCount, layoutsUpTo } from './plan/layouts.js';
import { exhaustiveScan, type Probe, probe, searchScan } from './plan/scan.js';
import {
  type Plan,
  type PlanRequest,
  REJECTION_REASONS,
  type RejectionReason,
  type ServingPoint,
} from './plan/types.js';

export * from './plan/types.js';

/** Most configurations (GPU types x layouts x weight formats x KV cache formats) one plan may look at. */
export const PLAN_SEARCH_LIMIT = LIMITS.planConfigurations.max;

/**
 * A plan's count in the server's estimate budget (MAX_ESTIMATES): one per ten configurations. Most
 * configurations of a broad plan cost next to nothing (refused splits and formats, memory checks);
 * the feasible ones cost a few serving points each. A default plan over the whole catalog (19 GPUs
 * x 64 layouts x 4 x 2 formats = 9,728 configurations) counts 973 and passes the default budget
 * on its own; `npm run bench` measures what such plans take.
 */
export const PLAN_CONFIGURATIONS_PER_ESTIMATE = 10;

/**
 * Serving points a shortcut's scan of one configuration may compute: doubling and bisection up to
 * a KV cache of about a thousand sequences (2 log2(1,000) ~ 20).
 */
export const SERVING_POINTS_PER_SCAN = 20;

/** The numbers of a plan besides its lists, checked with the core's checks (field names relative to the input). */
export interface PlanNumbers {
  requestsPerSecond?: number;
  maxTimeToFirstTokenSeconds?: number;
  maxTimePerOutputTokenSeconds?: number;
  maxGpus: number;
  limit: number;
}

export function checkPlanNumbers(n: PlanNumbers): void {
  const { planRequestsPerSecond: rps, targetSeconds: s, gpuCount, planCandidates } = LIMITS;
  const rate = n.requestsPerSecond;
  if (rate !== undefined && !(Number.isFinite(rate) && rate > 0 && rate <= rps.max)) {
    throw new EstimateInputError(
      'requestsPerSecond',
      rate,
      `a positive number of requests per second, at most ${rps.max}`,
    );
  }
  if (n.maxTimeToFirstTokenSeconds !== undefined) {
    checkRange('maxTimeToFirstTokenSeconds', n.maxTimeToFirstTokenSeconds, s.min, s.max, 'seconds');
  }
  if (n.maxTimePerOutputTokenSeconds !== undefined) {
    checkRange('maxTimePerOutputTokenSeconds', n.maxTimePerOutputTokenSeconds, s.min, s.max, 'seconds');
  }
  checkInteger('maxGpus', n.maxGpus, gpuCount.min, gpuCount.max);
  checkInteger('limit', n.limit, planCandidates.min, planCandidates.max);
}

export interface PlanSize {
  gpus: number;
  layouts: number;
  weightFormats: number;
  kvCacheFormats: number;
}

export function planSizeOf(counts: {
  gpus: number;
  maxGpus: number;
  weightFormats: number;
  kvCacheFormats: number;
}): PlanSize {
  return {
    gpus: counts.gpus,
    layouts: layoutCount(counts.maxGpus),
    weightFormats: counts.weightFormats,
    kvCacheFormats: counts.kvCacheFormats,
  };
}

/** Configurations a plan of this size looks at. */
export function configurationsIn(size: PlanSize): number {
  return size.gpus * size.layouts * size.weightFormats * size.kvCacheFormats;
}

/** The sentence that refuses an oversized plan, naming the inputs to narrow. */
export function planSizeProblem(size: PlanSize): string | null {
  const total = configurationsIn(size);
  if (total <= PLAN_SEARCH_LIMIT) return null;
  return `${size.gpus} gpus x ${size.layouts} layouts (maxGpus) x ${size.weightFormats} weightFormats x ${size.kvCacheFormats} kvCacheFormats = ${total} configurations, over the limit of ${PLAN_SEARCH_LIMIT} per plan; narrow gpus, maxGpus, weightFormats or kvCacheFormats`;
}

/** A configuration that passed the checks that need no timing. */
interface Fitting {
  deployment: Deployment;
  memory: DeploymentMemory;
  order: number;
}

interface Tally {
  evaluated: number;
  rejected: Map<RejectionReason, number>;
  servingPointsComputed: number;
}

function reject(tally: Tally, reason: RejectionReason): void {
  tally.rejected.set(reason, (tally.rejected.get(reason) ?? 0) + 1);
}

/**
 * Every configuration, in a fixed order (GPU, weight format, KV cache format, layout), through the
 * checks that need no timing; the rejected ones are counted, the rest returned.
 */
function fittingConfigurations(request: PlanRequest, analysis: ModelAnalysis, tally: Tally): Fitting[] {
  const layouts = layoutsUpTo(request.model, request.maxGpus, {
    gpuCounts: request.gpuCounts,
    parallelism: request.parallelism,
  });
  const fitting: Fitting[] = [];
  for (const gpu of request.gpus) {
    for (const weightFormat of request.weightFormats) {
      const weightsUnsupported = unsupportedWeightFormat(gpu, weightFormat) !== null;
      for (const kvCacheFormat of request.kvCacheFormats) {
        const formatUnsupported = weightsUnsupported || unsupportedKvCacheFormat(gpu, kvCacheFormat) !== null;
        for (const layout of layouts) {
          const order = tally.evaluated++;
          if (formatUnsupported) {
            reject(tally, 'FORMAT_UNSUPPORTED');
            continue;
          }
          if (layout.refusal !== null) {
            reject(tally, 'SPLIT_NOT_ALLOWED');
            continue;
          }
          const deployment: Deployment = {
            gpu,
            layout,
            weightFormat,
            kvCacheFormat,
            analysis,
            plan: request,
          };
          const memory = deploymentMemory(deployment);
          if (!memory.weightsFit) reject(tally, 'WEIGHTS_DO_NOT_FIT');
          else if (memory.maxConcurrency === 0) reject(tally, 'KV_CAPACITY');
          else fitting.push({ deployment, memory, order });
        }
      }
    }
  }
  return fitting;
}

/** Scans every fitting configuration over every concurrency: no bound, no bisection. */
function exhaustive(fitting: Fitting[], tally: Tally): Feasible[] {
  const feasible: Feasible[] = [];
  for (const f of fitting) {
    const scan = exhaustiveScan(f.deployment, f.memory.maxConcurrency);
    tally.servingPointsComputed += scan.servingPointsComputed;
    if (scan.best === 0) reject(tally, scan.missed ?? 'TIME_PER_OUTPUT_TOKEN');
    else feasible.push({ ...f, scan });
  }
  return feasible;
}

/**
 * The pruned search. Each fitting configuration is probed at one sequence (is it feasible at all,
 * and how fast per user can it be) and at full KV capacity (the most it could carry per replica and
 * per GPU, by monotonicity). Then, best bound first, a configuration is scanned unless both (a) its
 * bound on the ranking's first key is strictly worse than the limit-th best candidate found so far,
 * and (b) a serving point found so far beats its best per-GPU and best per-user figures strictly:
 * then none of its points can be a candidate or on the frontier, and skipping it changes nothing.
 */
function search(request: PlanRequest, fitting: Fitting[], tally: Tally): Feasible[] {
  const probed: { f: Fitting; first: Probe; last: Probe; bound: number }[] = [];
  for (const f of fitting) {
    const max = f.memory.maxConcurrency;
    const first = probe(f.deployment, 1, max);
    tally.servingPointsComputed++;
    if (first.missed !== null) {
      reject(tally, first.missed);
      continue;
    }
    const last = max === 1 ? first : probe(f.deployment, max, max);
    if (max > 1) tally.servingPointsComputed++;
    const boundPoint = request.objective === 'LATENCY' ? first.point : last.point;
    probed.push({ f, first, last, bound: firstKeyBound(request, f, boundPoint) });
  }
  probed.sort((a, b) => a.bound - b.bound || a.f.order - b.f.order);

  const feasible: Feasible[] = [];
  const bestKeys: number[] = []; // first keys of the proposed candidates so far, ascending, at most limit
  const seen: ServingPoint[] = []; // serving points found so far that no other found beats on both
  for (const { f, first, last, bound } of probed) {
    const perUser = first.point.outputTokensPerSecondPerUser;
    const perGpu = last.point.outputTokensPerSecondPerGpu;
    const outranked = bestKeys.length === request.limit && bound > bestKeys[bestKeys.length - 1];
    if (
      outranked &&
      seen.some((q) => q.outputTokensPerSecondPerUser > perUser && q.outputTokensPerSecondPerGpu > perGpu)
    ) {
      continue;
    }
    const scan = searchScan(f.deployment, f.memory.maxConcurrency, [first, last]);
    tally.servingPointsComputed += scan.servingPointsComputed;
    const result: Feasible = { ...f, scan };
    feasible.push(result);
    const key = firstKey(request, candidateAt(request, result, objectivePoint(request.objective, result)));
    bestKeys.splice(sortedIndex(bestKeys, key), 0, key);
    if (bestKeys.length > request.limit) bestKeys.pop();
    for (const point of scan.points) addUnbeaten(seen, point);
  }
  return feasible;
}

function sortedIndex(sorted: number[], value: number): number {
  let i = 0;
  while (i < sorted.length && sorted[i] <= value) i++;
  return i;
}

/** Keeps `points` to those no other beats strictly on both axes (enough to test strict domination). */
function addUnbeaten(points: ServingPoint[], p: ServingPoint): void {
  const beats = (a: ServingPoint, b: ServingPoint) =>
    a.outputTokensPerSecondPerUser > b.outputTokensPerSecondPerUser &&
    a.outputTokensPerSecondPerGpu > b.outputTokensPerSecondPerGpu;
  if (points.some((q) => beats(q, p))) return;
  for (let i = points.length - 1; i >= 0; i--) if (beats(p, points[i])) points.splice(i, 1);
  points.push(p);
}

function run(request: PlanRequest, pruned: boolean, analysis?: ModelAnalysis): Plan {
  const size = planSizeOf({
    gpus: request.gpus.length,
    maxGpus: request.maxGpus,
    weightFormats: request.weightFormats.length,
    kvCacheFormats: request.kvCacheFormats.length,
  });
  const problem = planSizeProblem(size);
  if (problem !== null) throw new EstimateInputError('input', configurationsIn(size), problem);

  const tally: Tally = {
    evaluated: 0,
    rejected: new Map(REJECTION_REASONS.map((r) => [r, 0])),
    servingPointsComputed: 0,
  };
  const fitting = fittingConfigurations(request, analysis ?? analyzeModel(request.model), tally);
  const feasible = pruned ? search(request, fitting, tally) : exhaustive(fitting, tally);
  feasible.sort((a, b) => a.order - b.order);
  return {
    candidates: bestCandidates(request, feasible),
    paretoFrontier: paretoFrontier(request, feasible),
    evaluated: tally.evaluated,
    rejected: REJECTION_REASONS.map((reason) => ({ reason, count: tally.rejected.get(reason) ?? 0 })),
    servingPointsComputed: tally.servingPointsComputed,
  };
}

/** The search's memory stage alone (no timing): each configuration that holds a sequence, with how many it holds. */
export function planMemory(
  request: PlanRequest,
  analysis?: ModelAnalysis,
): { gpuCount: number; weightFormat: string; kvCacheFormat: string; maxConcurrency: number }[] {
  const tally: Tally = { evaluated: 0, rejected: new Map(), servingPointsComputed: 0 };
  return fittingConfigurations(request, analysis ?? analyzeModel(request.model), tally).map((f) => ({
    gpuCount: f.deployment.layout.parallelism.gpuCount,
    weightFormat: f.deployment.weightFormat,
    kvCacheFormat: f.deployment.kvCacheFormat,
    maxConcurrency: f.memory.maxConcurrency,
  }));
}

/** The plan, found by the pruned search (memory first, bounds, doubling and bisection over concurrency). */
export function plan(request: PlanRequest, analysis?: ModelAnalysis): Plan {
  return run(request, true, analysis);
}

/** The same plan by scanning every concurrency of every configuration: the reference for tests and the benchmark. */
export function planExhaustive(request: PlanRequest, analysis?: ModelAnalysis): Plan {
  return run(request, false, analysis);
}
