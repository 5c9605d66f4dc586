/**
 * Serving benchmark: a 16-point serving curve (concurrency 1 to maxConcurrency, each point the
 * continuous-batching steady state) for every model x GPU pair of the catalog that fits, FP8
 * weights and cache, 2,000-token prompts and 300-token answers. Prints the median and 90th
 * percentile microseconds per curve (maxConcurrency included) measured in this run, against the
 * target of 200 us per curve; no threshold fails the run. A discrete-event simulator needs seconds
 * for one point.
 */
import { GPUS, MODELS } from '../src/core/catalog/index.js';
import { analyzeModel, estimate } from '../src/core/index.js';

const POINTS = 16;
const ROUNDS = 5;

function curves(): number[] {
  const micros: number[] = [];
  for (const model of MODELS) {
    const analysis = analyzeModel(model);
    for (const gpu of GPUS) {
      const start = performance.now();
      const e = estimate(
        {
          model,
          gpu,
          gpuCount: 1,
          weightFormat: 'FP8',
          kvCacheFormat: 'FP8',
          inputTokens: 2000,
          outputTokens: 300,
          batchSize: 1,
        },
        analysis,
      );
      const curve = e.servingCurve(POINTS);
      const elapsed = performance.now() - start;
      if (curve.length === 0) continue;
      if (!curve.every((p) => Number.isFinite(p.timePerOutputTokenSeconds)))
        throw new Error('non-finite point');
      micros.push(elapsed * 1000);
    }
  }
  return micros;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

curves(); // warm-up
const all: number[] = [];
for (let round = 0; round < ROUNDS; round++) all.push(...curves());
all.sort((a, b) => a - b);
const median = quantile(all, 0.5);
console.log(
  `serving curves: ${all.length / ROUNDS} model x GPU pairs that fit, ${POINTS} points each, ${ROUNDS} rounds`,
);
console.log(
  `  median ${median.toFixed(1)} us per curve, p90 ${quantile(all, 0.9).toFixed(1)} us (target: under 200 us)`,
);
console.log(`  ${(median / POINTS).toFixed(2)} us per serving point`);
