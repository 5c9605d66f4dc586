/**
 * Server benchmark: the real server (`node --import tsx src/server/main.ts`, a child process on
 * 127.0.0.1) under autocannon, everything measured in this one run so that ratios compare like
 * with like on a noisy machine:
 *
 * 1. request rate of `{ __typename }` (the floor of the stack) and of one full estimate, 10
 *    connections, measured in alternating rounds;
 * 2. round-trip latency, 1 connection, of one full estimate and of a 1,000-estimate `compare`,
 *    also alternating;
 * 3. a 30-second mixed load (floor, estimate, compare on every connection) counting errors,
 *    non-2xx answers and GraphQL errors, with the server's RSS before, during and after;
 * 4. the estimate's request rate with `WORKERS=1` and `WORKERS=2` (src/server/cluster.ts).
 *
 * Prints the figures and the targets, writes docs/performance-results.json and regenerates the
 * results section of docs/performance.md between its markers. `--quick` shortens every phase (for
 * trying changes; its figures are not for the doc, which it leaves alone).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkOperation, type LoadResult, load } from './lib/load.js';
import { describeMachine, type Machine } from './lib/machine.js';
import { COMPARE_1000, COMPARE_SIZE, type GraphQLBody, SINGLE_ESTIMATE, TYPENAME } from './lib/queries.js';
import { type ServerProcess, startServer } from './lib/server-process.js';

const quick = process.argv.includes('--quick');
/** Short alternating rounds: drift on a shared machine then hits both sides of each ratio alike. */
const ROUNDS = quick ? 4 : 8;
const THROUGHPUT_SECONDS = 1.5;
const LATENCY_SECONDS = 1.5;
const LOAD_SECONDS = quick ? 10 : 30;
const CONNECTIONS = 10;
/** The server as `npm start` runs it in production. */
const SERVER_ENV = { NODE_ENV: 'production', LOG_LEVEL: 'silent' };

const RESULTS_JSON = 'docs/performance-results.json';
const DOC = 'docs/performance.md';
const MARK_START = '<!-- bench:results:start -->';
const MARK_END = '<!-- bench:results:end -->';

export const TARGETS = {
  /** Single-estimate req/s at least this share of the `{ __typename }` rate. */
  singleOverFloor: 0.6,
  /** A 1,000-estimate compare takes at most this many single-estimate round trips. */
  compareOverSingle: 50,
};

interface Probe {
  label: string;
  server: ServerProcess;
  body: GraphQLBody;
  connections: number;
}

interface Measured {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  meanLatencyMs: number;
  errors: number;
  /** Per round, for ratios taken round by round. */
  roundRequestsPerSecond: number[];
}

function total(results: LoadResult[], connections: number): Measured {
  const requests = results.reduce((sum, r) => sum + r.requests, 0);
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  const failures = results.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0);
  return {
    requests,
    seconds,
    requestsPerSecond: requests / seconds,
    meanLatencyMs: (seconds * 1000 * connections) / requests,
    errors: failures,
    roundRequestsPerSecond: results.map((r) => r.requestsPerSecond),
  };
}

/** Median over rounds of a's rate / b's rate, each pair measured back to back. */
function ratioByRound(a: Measured, b: Measured): number {
  const ratios = a.roundRequestsPerSecond.map((rate, i) => rate / b.roundRequestsPerSecond[i]);
  const sorted = ratios.sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs the probes in turn, `rounds` times over, so drift on the machine hits all of them alike. */
async function alternate(probes: Probe[], rounds: number, seconds: number): Promise<Map<string, Measured>> {
  const runs = new Map<string, LoadResult[]>(probes.map((p) => [p.label, []]));
  for (let round = 0; round < rounds; round++) {
    for (const probe of probes) {
      const result = await load(probe.server.origin, probe.body, { connections: probe.connections, seconds });
      runs.get(probe.label)?.push(result);
    }
  }
  return new Map(probes.map((p) => [p.label, total(runs.get(p.label) ?? [], p.connections)]));
}

function mib(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function warmUp(server: ServerProcess): Promise<void> {
  await load(server.origin, TYPENAME, { connections: CONNECTIONS, seconds: 2 });
  await load(server.origin, SINGLE_ESTIMATE, { connections: CONNECTIONS, seconds: 2 });
  await load(server.origin, COMPARE_1000, { connections: 1, seconds: 2 });
}

async function checkAnswers(server: ServerProcess): Promise<void> {
  await checkOperation(server.origin, TYPENAME);
  const single = (await checkOperation(server.origin, SINGLE_ESTIMATE)) as {
    estimate: { timeToFirstTokenSeconds: number; timePerOutputTokenSeconds: number };
  };
  if (!(single.estimate.timeToFirstTokenSeconds > 0 && single.estimate.timePerOutputTokenSeconds > 0)) {
    throw new Error(`unexpected estimate: ${JSON.stringify(single)}`);
  }
  const compare = (await checkOperation(server.origin, COMPARE_1000)) as { compare: unknown[] };
  if (compare.compare.length !== COMPARE_SIZE) {
    throw new Error(`compare answered ${compare.compare.length} estimates, not ${COMPARE_SIZE}`);
  }
}

interface LoadReport {
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  graphqlErrors: number;
  rssIdleMiB: number;
  rssBeforeMiB: number;
  rssPeakMiB: number;
  rssAfterMiB: number;
  rssSamplesMiB: number[];
}

async function sustainedLoad(server: ServerProcess, rssIdle: number): Promise<LoadReport> {
  const before = server.rssBytes();
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(server.rssBytes()), 1000);
  const result = await load(server.origin, TYPENAME, {
    connections: CONNECTIONS,
    seconds: LOAD_SECONDS,
    bodies: [TYPENAME, SINGLE_ESTIMATE, COMPARE_1000],
    checkBodies: true,
  });
  clearInterval(timer);
  const after = server.rssBytes();
  return {
    seconds: result.seconds,
    connections: CONNECTIONS,
    requests: result.requests,
    requestsPerSecond: result.requestsPerSecond,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors: result.graphqlErrors,
    rssIdleMiB: mib(rssIdle),
    rssBeforeMiB: mib(before),
    rssPeakMiB: mib(Math.max(before, after, ...samples)),
    rssAfterMiB: mib(after),
    rssSamplesMiB: samples.map(mib),
  };
}

interface Results {
  date: string;
  machine: Machine;
  settings: {
    rounds: number;
    throughputSecondsPerRound: number;
    latencySecondsPerRound: number;
    connections: number;
    serverEnv: Record<string, string>;
  };
  floor: Measured;
  single: Measured;
  singleOverFloor: number;
  singleLatency: Measured;
  compareLatency: Measured;
  compareOverSingle: number;
  load: LoadReport;
  serverExitCode: number | null;
  cluster: { workers1: Measured; workers2: Measured; speedup: number; loadGeneratorCpus: number };
  targets: typeof TARGETS & {
    singleOverFloorMet: boolean;
    compareOverSingleMet: boolean;
    noErrorsMet: boolean;
  };
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function markdown(r: Results): string {
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const l = r.load;
  return [
    `Measured ${r.date} on ${r.machine.nproc} CPUs (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ${r.machine.platform}; server env ${Object.entries(
      r.settings.serverEnv,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(
        ' ',
      )}. Rates: ${r.settings.connections} connections, ${r.settings.rounds} alternating rounds of ${r.settings.throughputSecondsPerRound} s each. Latencies: 1 connection, ${r.settings.rounds} alternating rounds of ${r.settings.latencySecondsPerRound} s each (mean round trip = time / requests). Rates and latencies are over all rounds; ratios are the median of the per-round ratios.`,
    '',
    '| measurement | result | target |',
    '|---|---:|---|',
    `| \`{ __typename }\` (floor) | ${fmt(r.floor.requestsPerSecond)} req/s | |`,
    `| single full estimate | ${fmt(r.single.requestsPerSecond)} req/s | |`,
    `| single ÷ floor | ${fmt(r.singleOverFloor, 2)} | >= ${r.targets.singleOverFloor}: ${met(r.targets.singleOverFloorMet)} |`,
    `| single estimate round trip | ${fmt(r.singleLatency.meanLatencyMs, 2)} ms | |`,
    `| 1,000-estimate compare round trip | ${fmt(r.compareLatency.meanLatencyMs, 1)} ms | |`,
    `| compare ÷ single | ${fmt(r.compareOverSingle, 1)} | <= ${r.targets.compareOverSingle}: ${met(r.targets.compareOverSingleMet)} |`,
    `| ${fmt(l.seconds)} s mixed load (${l.connections} connections) | ${fmt(l.requests)} requests, ${fmt(l.requestsPerSecond)} req/s | |`,
    `| errors / timeouts / non-2xx / GraphQL errors | ${l.errors} / ${l.timeouts} / ${l.non2xx} / ${l.graphqlErrors} | all 0: ${met(r.targets.noErrorsMet)} |`,
    `| server RSS idle → before load → peak → after load | ${l.rssIdleMiB} → ${l.rssBeforeMiB} → ${l.rssPeakMiB} → ${l.rssAfterMiB} MiB | flat |`,
    `| single estimate, \`WORKERS=1\` | ${fmt(r.cluster.workers1.requestsPerSecond)} req/s | |`,
    `| single estimate, \`WORKERS=2\` | ${fmt(r.cluster.workers2.requestsPerSecond)} req/s | |`,
    `| cluster speed-up (2 workers ÷ 1) | ${fmt(r.cluster.speedup, 2)}x (the load generator took ${fmt(r.cluster.loadGeneratorCpus, 2)} of ${r.machine.nproc} CPUs) | |`,
    `| server exit code after SIGTERM | ${r.serverExitCode} | 0 |`,
  ].join('\n');
}

function updateDoc(r: Results): void {
  let doc: string;
  try {
    doc = readFileSync(DOC, 'utf8');
  } catch {
    log(`(${DOC} not found: results only in ${RESULTS_JSON})`);
    return;
  }
  const start = doc.indexOf(MARK_START);
  const end = doc.indexOf(MARK_END);
  if (start === -1 || end < start) {
    log(`(${DOC} has no ${MARK_START} ... ${MARK_END} markers: left alone)`);
    return;
  }
  writeFileSync(DOC, `${doc.slice(0, start + MARK_START.length)}\n${markdown(r)}\n${doc.slice(end)}`);
  log(`updated ${DOC}`);
}

async function main(): Promise<void> {
  const machine = describeMachine();
  log(`server benchmark on ${machine.nproc} CPUs (${machine.cpuModel}), Node ${machine.node}`);

  const server = await startServer({ env: SERVER_ENV });
  let serverExitCode: number | null = null;
  let results: Omit<Results, 'cluster' | 'targets' | 'serverExitCode'>;
  try {
    const rssIdle = server.rssBytes();
    await checkAnswers(server);
    await warmUp(server);

    const rates = await alternate(
      [
        { label: 'floor', server, body: TYPENAME, connections: CONNECTIONS },
        { label: 'single', server, body: SINGLE_ESTIMATE, connections: CONNECTIONS },
      ],
      ROUNDS,
      THROUGHPUT_SECONDS,
    );
    const floor = rates.get('floor') as Measured;
    const single = rates.get('single') as Measured;
    log(`  { __typename }      ${fmt(floor.requestsPerSecond)} req/s`);
    log(`  single estimate     ${fmt(single.requestsPerSecond)} req/s`);
    const singleOverFloor = ratioByRound(single, floor);
    log(`  single / floor      ${fmt(singleOverFloor, 2)} (median of ${ROUNDS} rounds)`);

    const latencies = await alternate(
      [
        { label: 'single', server, body: SINGLE_ESTIMATE, connections: 1 },
        { label: 'compare', server, body: COMPARE_1000, connections: 1 },
      ],
      ROUNDS,
      LATENCY_SECONDS,
    );
    const singleLatency = latencies.get('single') as Measured;
    const compareLatency = latencies.get('compare') as Measured;
    log(`  single round trip   ${fmt(singleLatency.meanLatencyMs, 2)} ms`);
    log(`  compare round trip  ${fmt(compareLatency.meanLatencyMs, 1)} ms (${COMPARE_SIZE} estimates)`);
    // Latency ratio = inverse rate ratio at one connection.
    const compareOverSingle = ratioByRound(singleLatency, compareLatency);
    log(`  compare / single    ${fmt(compareOverSingle, 1)} (median of ${ROUNDS} rounds)`);

    log(`  ${LOAD_SECONDS} s mixed load ...`);
    const loadReport = await sustainedLoad(server, rssIdle);
    log(
      `  load: ${fmt(loadReport.requests)} requests, errors ${loadReport.errors}, timeouts ${loadReport.timeouts}, non-2xx ${loadReport.non2xx}, GraphQL errors ${loadReport.graphqlErrors}`,
    );
    log(
      `  RSS idle ${loadReport.rssIdleMiB} MiB, before load ${loadReport.rssBeforeMiB} MiB, peak ${loadReport.rssPeakMiB} MiB, after ${loadReport.rssAfterMiB} MiB`,
    );
    results = {
      date: new Date().toISOString().slice(0, 10),
      machine,
      settings: {
        rounds: ROUNDS,
        throughputSecondsPerRound: THROUGHPUT_SECONDS,
        latencySecondsPerRound: LATENCY_SECONDS,
        connections: CONNECTIONS,
        serverEnv: SERVER_ENV,
      },
      floor,
      single,
      singleOverFloor,
      singleLatency,
      compareLatency,
      compareOverSingle,
      load: loadReport,
    };
  } finally {
    serverExitCode = await server.stop();
  }

  log('  cluster: WORKERS=1 and WORKERS=2 ...');
  const one = await startServer({ entry: 'src/server/cluster.ts', env: { ...SERVER_ENV, WORKERS: '1' } });
  const two = await startServer({ entry: 'src/server/cluster.ts', env: { ...SERVER_ENV, WORKERS: '2' } });
  let cluster: Results['cluster'];
  try {
    for (const s of [one, two]) {
      // Every worker warm: enough connections that the primary hands some to each.
      await load(s.origin, SINGLE_ESTIMATE, { connections: CONNECTIONS, seconds: 2 });
    }
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const rates = await alternate(
      [
        { label: '1', server: one, body: SINGLE_ESTIMATE, connections: CONNECTIONS },
        { label: '2', server: two, body: SINGLE_ESTIMATE, connections: CONNECTIONS },
      ],
      ROUNDS,
      THROUGHPUT_SECONDS,
    );
    const workers1 = rates.get('1') as Measured;
    const workers2 = rates.get('2') as Measured;
    const cpu = process.cpuUsage(cpuBefore);
    // autocannon runs in this process: its share of the machine is not the server's.
    const loadGeneratorCpus = (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore);
    cluster = { workers1, workers2, speedup: ratioByRound(workers2, workers1), loadGeneratorCpus };
    log(`  WORKERS=1           ${fmt(workers1.requestsPerSecond)} req/s`);
    log(`  WORKERS=2           ${fmt(workers2.requestsPerSecond)} req/s (${fmt(cluster.speedup, 2)}x)`);
    log(`  load generator used ${fmt(loadGeneratorCpus, 2)} of the ${machine.nproc} CPUs meanwhile`);
  } finally {
    await Promise.all([one.stop(), two.stop()]);
  }

  const l = results.load;
  const full: Results = {
    ...results,
    serverExitCode,
    cluster,
    targets: {
      ...TARGETS,
      singleOverFloorMet: results.singleOverFloor >= TARGETS.singleOverFloor,
      compareOverSingleMet: results.compareOverSingle <= TARGETS.compareOverSingle,
      noErrorsMet:
        l.errors + l.timeouts + l.non2xx + l.graphqlErrors === 0 &&
        results.floor.errors + results.single.errors === 0,
    },
  };
  log('');
  log(markdown(full));
  if (quick) {
    log('(--quick: docs left alone)');
    return;
  }
  writeFileSync(RESULTS_JSON, `${JSON.stringify(full, null, 2)}\n`);
  log(`wrote ${RESULTS_JSON}`);
  updateDoc(full);
}

await main();
