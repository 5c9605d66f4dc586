/**
 * Core benchmark: full estimates (memory, max context, timing with every operator) per second
 * over a sweep of the whole catalog, and the same sweep through the single-group core of an
 * earlier commit (loaded from git in this run) to compare the layer-group path against it.
 * Prints figures measured in this run; no thresholds fail the run.
 */
import { GPUS, MODELS } from '../src/core/catalog/index.js';
import { analyzeModel, type EstimateRequest, estimate, type NumberFormat } from '../src/core/index.js';
import { type BaselineCore, loadCore, SINGLE_GROUP_COMMIT } from './lib/baseline.js';

const WEIGHT_FORMATS: NumberFormat[] = ['FP16', 'FP8', 'INT8', 'INT4'];
const BATCHES = [1, 8, 64];
const PROMPTS = [128, 2048];

interface Core {
  estimate: (request: never, analysis?: never) => ReturnType<BaselineCore['estimate']>;
  analyzeModel: (model: never) => unknown;
}

function sweep<M, G>(models: readonly M[], gpus: readonly G[]) {
  const requests = [];
  for (const model of models) {
    for (const gpu of gpus) {
      for (const weightFormat of WEIGHT_FORMATS) {
        for (const batchSize of BATCHES) {
          for (const inputTokens of PROMPTS) {
            requests.push({
              model,
              gpu,
              gpuCount: 1,
              weightFormat,
              kvCacheFormat: 'FP16' as const,
              inputTokens,
              outputTokens: 256,
              batchSize,
            });
          }
        }
      }
    }
  }
  return requests;
}

function run(core: Core, requests: readonly { model: unknown }[], shareAnalysis: boolean): number {
  const analyses = new Map<unknown, unknown>();
  for (const r of requests)
    if (!analyses.has(r.model)) analyses.set(r.model, core.analyzeModel(r.model as never));
  const start = performance.now();
  let checksum = 0;
  for (const request of requests) {
    const e = core.estimate(
      request as never,
      (shareAnalysis ? analyses.get(request.model) : undefined) as never,
    );
    checksum += e.memory.totalBytes * 1e-12 + e.maxContext.tokens * 1e-6 + e.timing.totalSeconds;
    checksum += e.timing.prefill.operators.length + e.timing.decode.operators.length;
  }
  if (!Number.isFinite(checksum)) throw new Error('benchmark produced a non-finite checksum');
  return performance.now() - start;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');
const current: Core = {
  estimate: estimate as Core['estimate'],
  analyzeModel: analyzeModel as Core['analyzeModel'],
};

const requests: EstimateRequest[] = sweep(MODELS, GPUS);
const n = requests.length;
// Warm the JIT the way a long-running server is warm, then take the median of several runs.
for (let i = 0; i < 5; i++) run(current, requests, true);
const shared = median(Array.from({ length: 9 }, () => run(current, requests, true)));
const fresh = median(Array.from({ length: 9 }, () => run(current, requests, false)));
const per10k = (ms: number) => (ms * 10_000) / n;

console.log(
  `core benchmark: ${n} full estimates (${MODELS.length} models x ${GPUS.length} GPUs x ${WEIGHT_FORMATS.length} formats x ${BATCHES.length} batches x ${PROMPTS.length} prompts)`,
);
console.log(
  `  model analysis shared : ${shared.toFixed(1)} ms, ${rate(n, shared)} estimates/s, ${per10k(shared).toFixed(1)} ms per 10,000`,
);
console.log(
  `  model analysed each   : ${fresh.toFixed(1)} ms, ${rate(n, fresh)} estimates/s, ${per10k(fresh).toFixed(1)} ms per 10,000`,
);
console.log(`  target: 10,000 full estimates in under 100 ms -> ${per10k(shared) < 100 ? 'met' : 'NOT met'}`);

// Layer groups against the single-group core, on the models and GPUs both catalogs have.
const baseline = await loadCore(SINGLE_GROUP_COMMIT);
if (typeof baseline === 'string') {
  console.log(`  single-group comparison skipped: commit ${SINGLE_GROUP_COMMIT} unavailable (${baseline})`);
} else {
  const ids = new Set(baseline.models.map((m) => m.id));
  const gpuIds = new Set(baseline.gpus.map((g) => g.id));
  const newer = sweep(
    MODELS.filter((m) => ids.has(m.id)),
    GPUS.filter((g) => gpuIds.has(g.id)),
  );
  const older = sweep(
    baseline.models.filter((m) => MODELS.some((x) => x.id === m.id)),
    baseline.gpus.filter((g) => GPUS.some((x) => x.id === g.id)),
  );
  for (let i = 0; i < 5; i++) {
    run(baseline, older, true);
    run(current, newer, true);
  }
  // Interleaved, so both paths see the same machine load.
  const timesNew: number[] = [];
  const timesOld: number[] = [];
  for (let i = 0; i < 9; i++) {
    timesOld.push(run(baseline, older, true));
    timesNew.push(run(current, newer, true));
  }
  const msNew = median(timesNew);
  const msOld = median(timesOld);
  const ratio = newer.length / msNew / (older.length / msOld);
  console.log(
    `  layer groups vs single-group core (${SINGLE_GROUP_COMMIT}), same ${newer.length} estimates: ${rate(newer.length, msNew)} vs ${rate(older.length, msOld)} estimates/s = ${(ratio * 100).toFixed(0)}% of the old rate (may not fall below 75%) -> ${ratio >= 0.75 ? 'met' : 'NOT met'}`,
  );
  baseline.dispose();
}
