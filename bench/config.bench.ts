/**
 * Config benchmark: for each catalog model kept as config.json, reading the config (adapter ->
 * layer groups) and answering one full estimate (model analysis, memory, max context, timing with
 * every operator), as a request with `modelConfig` does. Prints the median microseconds per
 * config + estimate, and per estimate of the already-read catalog model, measured in this run.
 */
import { modelFromConfig } from '../src/core/architecture/index.js';
import { CONFIG_MODEL_ENTRIES } from '../src/core/catalog/configs/index.js';
import { findGpu, findModel } from '../src/core/catalog/index.js';
import { type EstimateRequest, estimate, type ModelSpec } from '../src/core/index.js';

const GPU = findGpu('h200-sxm-141gb');
if (!GPU) throw new Error('h200-sxm-141gb is not in the catalog');
const gpu = GPU;
const REPEATS = 500;
const ROUNDS = 11;

function requestFor(model: ModelSpec): EstimateRequest {
  return {
    model,
    gpu,
    gpuCount: 1,
    weightFormat: 'FP8',
    kvCacheFormat: 'FP8',
    inputTokens: 2048,
    outputTokens: 256,
    batchSize: 8,
  };
}

/** Memory, max context and timing: every lazy part of the estimate. */
function answer(model: ModelSpec): number {
  const e = estimate(requestFor(model));
  return e.memory.totalBytes * 1e-12 + e.maxContext.tokens * 1e-6 + e.timing.totalSeconds;
}

/** Median over rounds of the mean microseconds per call of `body`. */
function medianMicroseconds(body: () => number): { us: number; checksum: number } {
  let checksum = 0;
  for (let i = 0; i < REPEATS; i++) checksum += body(); // warm the JIT
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    for (let i = 0; i < REPEATS; i++) checksum += body();
    rounds.push(((performance.now() - start) * 1000) / REPEATS);
  }
  rounds.sort((a, b) => a - b);
  return { us: rounds[Math.floor(ROUNDS / 2)] as number, checksum };
}

console.log(
  `config benchmark: read config.json + one full estimate (${gpu.id}, FP8, 2048 + 256 tokens, batch 8), median of ${ROUNDS} rounds x ${REPEATS}`,
);
console.log(
  `  ${'model'.padEnd(18)} ${'groups'.padStart(6)} ${'config + estimate'.padStart(18)} ${'estimate only'.padStart(14)}`,
);
let checksum = 0;
const all: number[] = [];
for (const entry of CONFIG_MODEL_ENTRIES) {
  const catalogModel = findModel(entry.id);
  if (!catalogModel) throw new Error(`${entry.id} is not in the catalog`);
  const withConfig = medianMicroseconds(() => answer(modelFromConfig(entry.config, entry)));
  const estimateOnly = medianMicroseconds(() => answer(catalogModel));
  checksum += withConfig.checksum + estimateOnly.checksum;
  all.push(withConfig.us);
  console.log(
    `  ${entry.id.padEnd(18)} ${String(catalogModel.layerGroups.length).padStart(6)} ${`${withConfig.us.toFixed(1)} us`.padStart(18)} ${`${estimateOnly.us.toFixed(1)} us`.padStart(14)}`,
  );
}
all.sort((a, b) => a - b);
console.log(
  `  median over the ${all.length} models: ${(all[Math.floor(all.length / 2)] as number).toFixed(1)} us per config + estimate (checksum ${checksum.toExponential(3)})`,
);
