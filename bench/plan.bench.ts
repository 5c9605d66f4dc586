/**
 * Plan benchmark: a plan over the whole catalog (every GPU, 1 to 64 GPUs, every layout, every
 * storage format for weights and KV cache), timed for the pruned search; and, on four GPU types
 * (the exhaustive reference scans every concurrency of every configuration: minutes over the whole
 * catalog), the search against the exhaustive reference: both times, the speed-up and whether the
 * answers are identical. Figures are measured in this run.
 */
import { GPUS, MODELS } from '../src/core/catalog/index.js';
import {
  analyzeModel,
  GPU_PRICES,
  type NumberFormat,
  type Plan,
  type PlanRequest,
  plan,
  planExhaustive,
} from '../src/core/index.js';
import { layoutsUpTo } from '../src/core/plan/layouts.js';
import { catalogModel } from '../test/core/helpers.js';

const FORMATS: NumberFormat[] = ['FP32', 'BF16', 'FP16', 'FP8', 'INT8', 'INT4'];
const TARGET_MS = 300;

const SIDE_BY_SIDE_GPUS = ['a100-sxm4-80gb', 'h100-sxm5-80gb', 'h200-sxm-141gb', 'mi300x'];

function fullCatalog(model = catalogModel('llama-3.1-70b')): PlanRequest {
  return {
    model,
    inputTokens: 2000,
    outputTokens: 300,
    requestsPerSecond: 20,
    maxTimeToFirstTokenSeconds: 1,
    maxTimePerOutputTokenSeconds: 0.04,
    gpus: GPUS,
    maxGpus: 64,
    weightFormats: FORMATS,
    kvCacheFormats: FORMATS,
    dollarsPerGpuHour: new Map(GPU_PRICES.map((p) => [p.gpu, p.dollarsPerHour])),
    objective: 'COST',
    limit: 10,
  };
}

function timed<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median ms of `runs` searches after warming the JIT as a running server is warm. */
function searchMs(request: PlanRequest, runs: number): { ms: number; plan: Plan } {
  const analysis = analyzeModel(request.model);
  for (let i = 0; i < 3; i++) plan(request, analysis);
  const times: number[] = [];
  let last: Plan | undefined;
  for (let i = 0; i < runs; i++) {
    const t = timed(() => plan(request, analysis));
    times.push(t.ms);
    last = t.value;
  }
  return { ms: median(times), plan: last as Plan };
}

const same = (a: Plan, b: Plan) =>
  JSON.stringify([a.candidates, a.paretoFrontier, a.rejected, a.evaluated]) ===
  JSON.stringify([b.candidates, b.paretoFrontier, b.rejected, b.evaluated]);

const request = fullCatalog();
const searched = searchMs(request, 9);
const few = { ...request, gpus: GPUS.filter((g) => SIDE_BY_SIDE_GPUS.includes(g.id)) };
const fewSearched = searchMs(few, 9);
const exhaustive = timed(() => planExhaustive(few, analyzeModel(few.model)));
const p = searched.plan;
const feasible = p.evaluated - p.rejected.reduce((sum, r) => sum + r.count, 0);

console.log(
  `plan benchmark: ${request.model.id}, ${request.inputTokens} in / ${request.outputTokens} out, ${request.requestsPerSecond} req/s, TTFT <= ${request.maxTimeToFirstTokenSeconds} s, TPOT <= ${request.maxTimePerOutputTokenSeconds} s`,
);
console.log(
  `  search space: ${GPUS.length} GPUs x ${layoutsUpTo(request.model, 64).length} layouts (1-64 GPUs) x ${FORMATS.length} weight x ${FORMATS.length} KV cache formats = ${p.evaluated.toLocaleString('en-US')} configurations, ${feasible.toLocaleString('en-US')} feasible`,
);
console.log(`  rejected: ${p.rejected.map((r) => `${r.reason} ${r.count}`).join(', ')}`);
console.log(
  `  search     : ${searched.ms.toFixed(1)} ms (median of 9), ${p.servingPointsComputed.toLocaleString('en-US')} serving points`,
);
console.log(`  target: full catalog under ${TARGET_MS} ms -> ${searched.ms < TARGET_MS ? 'met' : 'NOT met'}`);
console.log(
  `  side by side on ${SIDE_BY_SIDE_GPUS.join(', ')} (${fewSearched.plan.evaluated.toLocaleString('en-US')} configurations):`,
);
console.log(
  `    search     : ${fewSearched.ms.toFixed(1)} ms (median of 9), ${fewSearched.plan.servingPointsComputed.toLocaleString('en-US')} serving points`,
);
console.log(
  `    exhaustive : ${exhaustive.ms.toFixed(0)} ms (one run), ${exhaustive.value.servingPointsComputed.toLocaleString('en-US')} serving points`,
);
console.log(
  `    speed-up ${(exhaustive.ms / fewSearched.ms).toFixed(0)}x, identical answers: ${same(fewSearched.plan, exhaustive.value) ? 'yes' : 'NO'}`,
);

// The same full-catalog search for every catalog model (no exhaustive run: minutes in all).
const perModel = MODELS.filter((m) => m.contextWindow >= 2300).map((m) => ({
  id: m.id,
  ms: searchMs(fullCatalog(m), 3).ms,
}));
const slowest = perModel.reduce((a, b) => (b.ms > a.ms ? b : a));
console.log(
  `  every catalog model (${perModel.length} with a context of 2,300 tokens or more): median ${median(perModel.map((m) => m.ms)).toFixed(1)} ms, slowest ${slowest.id} ${slowest.ms.toFixed(1)} ms`,
);
