/**
 * `npm run bench:levers`: each performance lever against the shipped configuration, measured in
 * alternating rounds in one run (docs/performance.md quotes the figures).
 *
 * - In process, through yoga's fetch (no HTTP, so the difference is not drowned by it): graphql-jit,
 *   shared catalog analyses, the parse/validate cache, a result cache, graphql-jit's
 *   fast-json-stringify, and the object spread the compare plan used to build its requests with.
 * - As real servers over HTTP: NODE_ENV=production and V8's young-generation size.
 *
 * Figures: mean time per single-estimate request and per 1,000-estimate compare (in process, the
 * best of 7 alternating rounds), or single-estimate req/s at 10 connections, compare round trip at
 * 1 connection, and req/s of the benchmark's mixed load (10 connections each cycling through
 * `{ __typename }`, the estimate and the compare) over HTTP, the median of 5 alternating rounds.
 */
import { findGpu, findModel } from '../src/core/catalog/index.js';
import type { GpuSpec, ModelSpec, NumberFormat } from '../src/core/index.js';
import { withWorkload, workloadOf } from '../src/schema/resolve-input.js';
import { type AppOptions, createApp } from '../src/server/yoga.js';
import { jitStringifyPlugin, resultCachePlugin } from './lib/experiments.js';
import { load } from './lib/load.js';
import {
  COMPARE_1000,
  COMPARE_GPUS,
  COMPARE_KV_FORMATS,
  COMPARE_MODELS,
  COMPARE_WEIGHT_FORMATS,
  type GraphQLBody,
  SINGLE_ESTIMATE,
  TYPENAME,
} from './lib/queries.js';
import { type ServerProcess, startServer } from './lib/server-process.js';

const ROUNDS = 7;
const SINGLE_REQUESTS = 800;
const COMPARE_REQUESTS = 8;

type App = ReturnType<typeof createApp>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** In process, the fastest round: what other processes on the machine took away least. */
function best(values: number[]): number {
  return Math.min(...values);
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function pct(base: number, value: number): string {
  const change = (value / base - 1) * 100;
  return `${change >= 0 ? '+' : ''}${change.toFixed(0)}%`;
}

/** Mean ms per request over `n` sequential requests through yoga's fetch. */
async function perRequestMs(app: App, body: GraphQLBody, n: number): Promise<number> {
  const text = JSON.stringify(body);
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: text };
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const response = await app.fetch('http://localhost/graphql', init);
    const answer = await response.text();
    if (i === 0 && (response.status !== 200 || answer.includes('"errors"'))) {
      throw new Error(`lever variant failed: ${answer.slice(0, 300)}`);
    }
  }
  return (performance.now() - start) / n;
}

interface InProcessLever {
  name: string;
  shipped: string;
  other: string;
  shippedOptions: AppOptions;
  otherOptions: AppOptions;
}

async function inProcess(lever: InProcessLever): Promise<void> {
  const variants = [
    { label: lever.shipped, app: createApp({ logging: false, ...lever.shippedOptions }) },
    { label: lever.other, app: createApp({ logging: false, ...lever.otherOptions }) },
  ];
  const single = variants.map(() => [] as number[]);
  const compare = variants.map(() => [] as number[]);
  for (const { app } of variants) {
    await perRequestMs(app, SINGLE_ESTIMATE, 300);
    await perRequestMs(app, COMPARE_1000, 4);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, { app }] of variants.entries()) {
      single[i].push(await perRequestMs(app, SINGLE_ESTIMATE, SINGLE_REQUESTS));
      compare[i].push(await perRequestMs(app, COMPARE_1000, COMPARE_REQUESTS));
    }
  }
  const [s0, s1] = single.map(best);
  const [c0, c1] = compare.map(best);
  log(`${lever.name}`);
  log(
    `  ${lever.shipped.padEnd(34)} single ${(s0 * 1000).toFixed(0).padStart(4)} us   compare ${c0.toFixed(1)} ms`,
  );
  log(
    `  ${lever.other.padEnd(34)} single ${(s1 * 1000).toFixed(0).padStart(4)} us (${pct(s0, s1)})   compare ${c1.toFixed(1)} ms (${pct(c0, c1)})`,
  );
}

/** The compare plan's 1,000 requests built with an object spread, and spelled out (shipped). */
function spreadMicro(): void {
  const workload = workloadOf('input', { inputTokens: 2048, outputTokens: 512 });
  const models = COMPARE_MODELS.map((id) => findModel(id) as ModelSpec);
  const gpus = COMPARE_GPUS.map((id) => findGpu(id) as GpuSpec);
  const formats = COMPARE_WEIGHT_FORMATS as NumberFormat[];
  const kvFormats = COMPARE_KV_FORMATS as NumberFormat[];
  const plan = (spread: boolean) => {
    const out: unknown[] = [];
    for (const model of models)
      for (const gpu of gpus)
        for (const weightFormat of formats)
          for (const kvCacheFormat of kvFormats)
            out.push(
              spread
                ? { ...workload, model, gpu, weightFormat, kvCacheFormat }
                : withWorkload(workload, model, gpu, weightFormat, kvCacheFormat),
            );
    return out;
  };
  const time = (spread: boolean) => {
    const runs: number[] = [];
    for (let round = 0; round < 15; round++) {
      const start = performance.now();
      plan(spread);
      runs.push(performance.now() - start);
    }
    return median(runs.slice(5));
  };
  const spelled = time(false);
  const spread = time(true);
  log('compare plan: 1,000 EstimateRequests');
  log(`  spelled out (shipped)              ${spelled.toFixed(2)} ms`);
  log(`  { ...workload, model, gpu, ... }   ${spread.toFixed(2)} ms`);
}

interface ServerVariant {
  label: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
}

/** Real servers, alternating: single-estimate req/s (10 connections) and compare round trip (1). */
async function overHttp(name: string, variants: ServerVariant[]): Promise<void> {
  const servers: ServerProcess[] = [];
  try {
    for (const v of variants) {
      servers.push(await startServer({ env: { LOG_LEVEL: 'silent', ...v.env }, nodeArgs: v.nodeArgs }));
    }
    for (const s of servers) {
      await load(s.origin, SINGLE_ESTIMATE, { connections: 10, seconds: 2 });
      await load(s.origin, COMPARE_1000, { connections: 1, seconds: 2 });
    }
    const rps = variants.map(() => [] as number[]);
    const compareMs = variants.map(() => [] as number[]);
    const mixedRps = variants.map(() => [] as number[]);
    const mixed = { connections: 10, seconds: 2, bodies: [TYPENAME, SINGLE_ESTIMATE, COMPARE_1000] };
    for (let round = 0; round < 5; round++) {
      for (const [i, s] of servers.entries()) {
        rps[i].push(
          (await load(s.origin, SINGLE_ESTIMATE, { connections: 10, seconds: 2 })).requestsPerSecond,
        );
        compareMs[i].push((await load(s.origin, COMPARE_1000, { connections: 1, seconds: 2 })).meanLatencyMs);
        mixedRps[i].push((await load(s.origin, TYPENAME, mixed)).requestsPerSecond);
      }
    }
    const r0 = median(rps[0]);
    const c0 = median(compareMs[0]);
    const m0 = median(mixedRps[0]);
    log(name);
    for (const [i, v] of variants.entries()) {
      const r = median(rps[i]);
      const c = median(compareMs[i]);
      const m = median(mixedRps[i]);
      const vs = (base: number, value: number) => (i === 0 ? '' : ` (${pct(base, value)})`);
      log(
        `  ${v.label.padEnd(34)} single ${r.toFixed(0).padStart(5)} req/s${vs(r0, r)}   compare ${c.toFixed(1)} ms${vs(c0, c)}   mixed ${m.toFixed(0)} req/s${vs(m0, m)}`,
      );
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

async function main(): Promise<void> {
  log(`levers (Node ${process.version}, NODE_ENV=${process.env.NODE_ENV ?? '(unset)'})`);
  spreadMicro();
  await inProcess({
    name: 'graphql-jit for operations seen before',
    shipped: 'jit (shipped)',
    other: 'graphql-js executor',
    shippedOptions: {},
    otherOptions: { jit: false },
  });
  await inProcess({
    name: 'catalog analyses shared across requests',
    shipped: 'shared, synchronous (shipped)',
    other: 'per request, DataLoader',
    shippedOptions: {},
    otherOptions: { shareCatalogAnalyses: false },
  });
  await inProcess({
    name: "yoga's parse/validate cache (graphql-js executor in both)",
    shipped: 'cache on (shipped, yoga default)',
    other: 'cache off',
    shippedOptions: { jit: false },
    otherOptions: { jit: false, parserAndValidationCache: false },
  });
  await inProcess({
    name: 'result cache for identical operations (not shipped)',
    shipped: 'no result cache (shipped)',
    other: 'result cache, every request a hit',
    shippedOptions: {},
    otherOptions: { plugins: [resultCachePlugin()] },
  });
  await inProcess({
    name: "graphql-jit's fast-json-stringify serialiser (not shipped)",
    shipped: 'JSON.stringify (shipped)',
    other: 'fast-json-stringify',
    shippedOptions: {},
    otherOptions: { jit: false, plugins: [jitStringifyPlugin()] },
  });
  await overHttp('NODE_ENV (graphql-js checks instanceof across realms outside production)', [
    { label: 'NODE_ENV=production (bench)', env: { NODE_ENV: 'production' } },
    { label: 'NODE_ENV=development', env: { NODE_ENV: 'development' } },
  ]);
  await overHttp("V8's young generation (--max-semi-space-size, MiB)", [
    { label: 'default (16)', env: { NODE_ENV: 'production' }, nodeArgs: [] },
    {
      label: '--max-semi-space-size=32 (shipped)',
      env: { NODE_ENV: 'production' },
      nodeArgs: ['--max-semi-space-size=32'],
    },
    {
      label: '--max-semi-space-size=64',
      env: { NODE_ENV: 'production' },
      nodeArgs: ['--max-semi-space-size=64'],
    },
  ]);
}

await main();
