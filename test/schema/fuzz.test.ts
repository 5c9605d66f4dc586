/**
 * Fuzzing the public API through yoga.fetch with a seeded PRNG (deterministic): malformed
 * bodies, wrong content types, random fields, out-of-range and non-numeric numbers, unknown ids,
 * deep nesting, many aliases and random strings. Whatever arrives, the answer is a 4xx or a
 * GraphQL response, it parses, it holds no non-finite number and no masked "unexpected" error,
 * and the app still answers afterwards. Set FUZZ_REPORT=1 to print the status histogram.
 */
import { type GraphQLInputObjectType, isInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GPUS, MODELS } from '../../src/core/catalog/index.js';
import { TUNING_FIELDS } from '../../src/core/index.js';
import { schema } from '../../src/schema/index.js';
import { ESTIMATE_FIELDS } from './all-fields.js';
import { numbersIn, testApp } from './support.js';

const REQUESTS = 1_500;
const SEED = 0x5eed_2024;

/** mulberry32: small, fast, good enough for fuzzing. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  const chars =
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"\\{}[]():,.$@!#\n\t é漢🙂\u0000';
  const string = (max: number) => Array.from({ length: int(0, max) }, () => pick([...chars])).join('');
  return { next, int, pick, chance, string };
}

type Rng = ReturnType<typeof prng>;

/** JSON text for a value; `raw:` strings go in verbatim (1e999, NaN, -0, 0x10 are not JSON numbers). */
function toJson(value: unknown): string {
  if (typeof value === 'string' && value.startsWith('raw:')) return value.slice(4);
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const WEIRD_NUMBERS: unknown[] = [
  -1,
  0,
  -0.5,
  0.5,
  1,
  1.5,
  5e-324,
  1e-300,
  1e-7,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 53 + 1,
  1e15,
  1e16,
  1e18,
  1e19,
  1e300,
  -1e308,
  1e308,
  'raw:1e999',
  'raw:-1e999',
  'raw:NaN',
  'raw:Infinity',
  'raw:0x10',
  'raw:-0',
  '12',
  'NaN',
  '1e3',
  '',
  true,
  null,
  [],
  {},
  [1, 2],
];

const LITERAL_NUMBERS = [
  '-1',
  '0',
  '0.5',
  '1e-324',
  '1e-300',
  '2147483648',
  '1e999',
  '-1e999',
  '1e308',
  '9e15',
  '"7"',
  'null',
  'true',
  'NaN',
  '[1]',
];

function weirdNumber(rng: Rng): unknown {
  return rng.chance(0.7) ? rng.pick(WEIRD_NUMBERS) : (rng.next() - 0.5) * 10 ** rng.int(-12, 20);
}

function anyId(rng: Rng, ids: string[]): unknown {
  return rng.pick([
    () => rng.pick(ids),
    () => rng.pick(ids).toUpperCase(),
    () => rng.string(30),
    () => 'gpt-9',
    () => '',
    () => 'x'.repeat(rng.int(100, 3000)),
    () => weirdNumber(rng),
  ])();
}

function customModel(rng: Rng): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    name: rng.chance(0.8) ? 'm' : rng.string(300),
    layers: rng.chance(0.5) ? 32 : weirdNumber(rng),
    hiddenSize: rng.chance(0.5) ? 4096 : weirdNumber(rng),
    intermediateSize: rng.chance(0.5) ? 11008 : weirdNumber(rng),
    attentionHeads: rng.chance(0.5) ? 32 : weirdNumber(rng),
    vocabSize: rng.chance(0.5) ? 32000 : weirdNumber(rng),
    contextWindow: rng.chance(0.5) ? 4096 : weirdNumber(rng),
  };
  for (const optional of ['kvHeads', 'headDim', 'slidingWindow', 'experts', 'expertsPerToken']) {
    if (rng.chance(0.3)) fields[optional] = weirdNumber(rng);
  }
  if (rng.chance(0.1)) delete fields[rng.pick(Object.keys(fields))];
  if (rng.chance(0.1)) fields[rng.string(8) || 'extra'] = 1;
  return fields;
}

function customGpu(rng: Rng): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    name: rng.chance(0.8) ? 'g' : rng.string(300),
    memoryBytes: rng.chance(0.5) ? 8e10 : weirdNumber(rng),
    memoryBandwidthBytesPerSecond: rng.chance(0.5) ? 2e12 : weirdNumber(rng),
    peakFlops: rng.chance(0.6)
      ? [
          {
            format: rng.pick(['FP16', 'FP8', 'INT4', 'TF32', 'FP64', 'fp16']),
            flopsPerSecond: weirdNumber(rng),
          },
        ]
      : rng.pick([
          [],
          null,
          [
            { format: 'FP16', flopsPerSecond: 1e15 },
            { format: 'FP16', flopsPerSecond: 1e15 },
          ],
        ]),
  };
  for (const optional of ['interconnectBandwidthBytesPerSecond', 'tdpWatts']) {
    if (rng.chance(0.3)) fields[optional] = weirdNumber(rng);
  }
  if (rng.chance(0.2)) fields.generation = rng.pick(['HOPPER', 'CUSTOM', 'PASCAL', 3]);
  return fields;
}

function workload(rng: Rng): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    inputTokens: rng.chance(0.4) ? rng.int(1, 10_000_000) : weirdNumber(rng),
    outputTokens: rng.chance(0.4) ? rng.int(1, 10_000_000) : weirdNumber(rng),
  };
  if (rng.chance(0.5)) fields.batchSize = rng.chance(0.4) ? rng.int(1, 100_000) : weirdNumber(rng);
  if (rng.chance(0.5)) fields.gpuCount = rng.chance(0.4) ? rng.int(1, 1024) : weirdNumber(rng);
  if (rng.chance(0.3)) fields.engine = rng.pick(['OPTIMIZED', 'IDEAL', 'LLAMA_CPP', 'VLLM', '', 1]);
  if (rng.chance(0.3)) fields.weightFormat = rng.pick(['FP16', 'INT4', 'TF32', 'FP64', 'int8']);
  if (rng.chance(0.3)) fields.kvCacheFormat = rng.pick(['FP16', 'FP8', 'TF32', 'BF16', 'X']);
  if (rng.chance(0.3)) {
    const tuning: Record<string, unknown> = {};
    for (const key of TUNING_KEYS) {
      if (rng.chance(0.4)) tuning[key] = weirdNumber(rng);
    }
    fields.tuning = tuning;
  }
  if (rng.chance(0.3)) {
    fields.memoryAssumptions = { runtimeOverheadBytes: weirdNumber(rng), maxBatchedTokens: weirdNumber(rng) };
  }
  return fields;
}

const MODEL_IDS = MODELS.map((m) => m.id);

/** Every TuningInput field, from the schema, so that fields added later are fuzzed too. */
const TUNING_KEYS = Object.keys((schema.getType('TuningInput') as GraphQLInputObjectType).getFields());

/** The accepted range of a tuning field, from the core's table of tuning fields. */
function tuningRange(key: string): [number, number] | undefined {
  const spec = (TUNING_FIELDS as Record<string, { limit: { min: number; max: number } }>)[key];
  return spec && [spec.limit.min, spec.limit.max];
}

/** Each tuning field at the end of its range that makes estimates slowest. */
function slowestTuning(): Record<string, number> {
  const tuning: Record<string, number> = {};
  for (const key of TUNING_KEYS) {
    const range = tuningRange(key);
    if (range) tuning[key] = key.endsWith('Efficiency') ? range[0] : range[1];
  }
  return tuning;
}
const GPU_IDS = GPUS.map((g) => g.id);
const SELECTIONS = [
  'fits',
  'fits totalSeconds outputTokensPerSecond',
  'memory { totalBytes freeBytes } maxContextLength { tokens limitedBy memoryLimitTokens }',
  'maxBatchSize { batchSize limitedBy }',
  'prefill { seconds operators { name seconds } } decode { seconds bound }',
  'attentionShare { prefillTimeRatio prefillFlopsRatio decodeTimeRatio }',
  ESTIMATE_FIELDS,
];

function estimateInput(rng: Rng): Record<string, unknown> {
  const input: Record<string, unknown> = { ...workload(rng) };
  if (rng.chance(0.75)) input.model = anyId(rng, MODEL_IDS);
  if (rng.chance(0.25)) input.customModel = customModel(rng);
  if (rng.chance(0.75)) input.gpu = anyId(rng, GPU_IDS);
  if (rng.chance(0.25)) input.customGpu = customGpu(rng);
  if (rng.chance(0.2)) input.computeFormat = rng.pick(['FP8', 'INT4', 'TF32', 'BF16', 'FP4']);
  return input;
}

function compareInput(rng: Rng): Record<string, unknown> {
  const list = (ids: string[], max: number) =>
    Array.from({ length: rng.int(0, max) }, () => (rng.chance(0.9) ? rng.pick(ids) : anyId(rng, ids)));
  const input: Record<string, unknown> = {
    ...workload(rng),
    models: list(MODEL_IDS, 40),
    gpus: list(GPU_IDS, 40),
  };
  if (rng.chance(0.3))
    input.weightFormats = rng.pick([
      [],
      ['FP16', 'INT4'],
      ['TF32'],
      ['FP16', 'FP8', 'INT8', 'INT4', 'BF16', 'FP32'],
    ]);
  if (rng.chance(0.3)) input.kvCacheFormats = rng.pick([[], ['FP16', 'FP8'], ['TF32']]);
  if (rng.chance(0.2)) input.customModels = [customModel(rng)];
  if (rng.chance(0.2)) input.customGpus = [customGpu(rng)];
  return input;
}

/** An input inside every documented range, often at a boundary: must compute, finitely. */
function acceptedInput(rng: Rng): Record<string, unknown> {
  const int = (min: number, max: number) => rng.pick([min, max, rng.int(min, max)]);
  const real = (min: number, max: number) => rng.pick([min, max, min + rng.next() * (max - min)]);
  const input: Record<string, unknown> = {
    inputTokens: int(1, 10_000_000),
    outputTokens: int(1, 10_000_000),
    batchSize: int(1, 100_000),
    // Data-parallel replicas: a split every model accepts (tensor and pipeline splits depend on its shape).
    parallelism: { data: int(1, 1024) },
    engine: rng.pick(['OPTIMIZED', 'IDEAL', 'LLAMA_CPP', 'EXLLAMA', 'HF_TRANSFORMERS']),
    weightFormat: rng.pick(['FP32', 'BF16', 'FP16', 'FP8', 'INT8', 'INT4']),
    kvCacheFormat: rng.pick(['FP32', 'BF16', 'FP16', 'FP8', 'INT8', 'INT4']),
  };
  if (rng.chance(0.3))
    input.computeFormat = rng.pick(['FP32', 'TF32', 'BF16', 'FP16', 'FP8', 'INT8', 'INT4']);
  // IDEAL takes no tuning overrides (it is the roofline bound).
  if (input.engine !== 'IDEAL' && rng.chance(0.5)) {
    const tuning: Record<string, number> = {};
    for (const key of TUNING_KEYS) {
      const range = tuningRange(key);
      if (range && rng.chance(0.6)) tuning[key] = real(...range);
    }
    input.tuning = tuning;
  }
  if (rng.chance(0.3)) {
    input.memoryAssumptions = { runtimeOverheadBytes: real(0, 1e15), maxBatchedTokens: int(1, 10_000_000) };
  }
  if (rng.chance(0.5)) input.model = rng.pick(MODEL_IDS);
  else {
    const heads = rng.pick([1, 8, 32, 10_000]);
    const contextWindow = int(1, 100_000_000);
    const experts = int(1, 10_000);
    input.customModel = {
      name: 'fuzz',
      layers: int(1, 1000),
      hiddenSize: int(1, 1_000_000),
      intermediateSize: int(1, 1_000_000),
      attentionHeads: heads,
      kvHeads: rng.pick([1, heads]),
      headDim: int(1, 1_000_000),
      vocabSize: int(1, 10_000_000),
      contextWindow,
      ...(rng.chance(0.3) ? { slidingWindow: int(1, contextWindow) } : {}),
      experts,
      expertsPerToken: int(1, experts),
      tiedEmbeddings: rng.chance(0.5),
      gatedFfn: rng.chance(0.5),
      attentionBias: rng.chance(0.5),
    };
  }
  if (rng.chance(0.5)) input.gpu = rng.pick(GPU_IDS);
  else {
    input.customGpu = {
      name: 'fuzz',
      memoryBytes: real(1, 1e15),
      memoryBandwidthBytesPerSecond: real(1, 1e15),
      peakFlops: [{ format: rng.pick(['FP16', 'FP8', 'INT4', 'FP32']), flopsPerSecond: real(1, 1e18) }],
      interconnectBandwidthBytesPerSecond: real(1, 1e15),
    };
  }
  return input;
}

interface FuzzRequest {
  kind: string;
  url: string;
  init: RequestInit;
}

const ACCEPT = ['application/json', 'application/graphql-response+json', 'application/json, */*', '*/*'];

function jsonPost(rng: Rng, kind: string, body: string, contentType = 'application/json'): FuzzRequest {
  return {
    kind,
    url: 'http://localhost/graphql',
    init: { method: 'POST', headers: { 'content-type': contentType, accept: rng.pick(ACCEPT) }, body },
  };
}

function operation(rng: Rng, query: string, variables?: unknown, noise = true): string {
  const body: Record<string, unknown> = { query };
  if (variables !== undefined) body.variables = variables;
  if (noise && rng.chance(0.1)) body.operationName = rng.pick(['Nope', '', null, 5]);
  return toJson(body);
}

const GENERATORS: ((rng: Rng) => FuzzRequest)[] = [
  // Broken JSON: a valid body cut short or corrupted.
  (rng) => {
    const valid = JSON.stringify({ query: '{ models { id } }', variables: { a: 1 } });
    const cut = valid.slice(0, rng.int(0, valid.length - 1));
    const corrupt = rng.chance(0.5) ? cut : cut + rng.string(20);
    return jsonPost(rng, 'broken-json', corrupt);
  },
  // Valid JSON that is not a GraphQL request.
  (rng) =>
    jsonPost(
      rng,
      'wrong-json',
      toJson(
        rng.pick([
          null,
          1,
          'x',
          [],
          [{ query: '{ __typename }' }],
          { query: weirdNumber(rng) },
          { query: '{ __typename }', variables: rng.pick(['x', 1, [1]]) },
          { query: '{ __typename }', extensions: 3 },
          { foo: 'bar' },
        ]),
      ),
    ),
  // Wrong content types.
  (rng) =>
    jsonPost(
      rng,
      'content-type',
      rng.chance(0.5) ? '{"query":"{ __typename }"}' : rng.string(200),
      rng.pick([
        'text/plain',
        'application/xml',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
        'image/png',
        'application/json; charset=utf-16',
        'application/graphql',
        'application/x-www-form-urlencoded',
        '',
      ]),
    ),
  // Random field names and garbage documents.
  (rng) => {
    const field = rng.pick(['modle', 'estimates', '__schema', '__type', 'gpu', rng.string(12) || 'x']);
    return jsonPost(
      rng,
      'random-fields',
      operation(rng, rng.chance(0.5) ? `{ ${field} { id } }` : rng.string(400)),
    );
  },
  // estimate with out-of-range and non-numeric inputs, as variables.
  (rng) =>
    jsonPost(
      rng,
      'estimate-variables',
      operation(
        rng,
        `query Fuzz($input: EstimateInput!) { estimate(input: $input) { ${rng.pick(SELECTIONS)} } }`,
        {
          input: estimateInput(rng),
        },
      ),
    ),
  // estimate with literal numbers in the document.
  (rng) => {
    const n = () => rng.pick(LITERAL_NUMBERS);
    const query = `{ estimate(input: { model: "llama-2-7b", customGpu: { name: "g", memoryBytes: ${n()},
      memoryBandwidthBytesPerSecond: ${n()}, peakFlops: [{ format: FP16, flopsPerSecond: ${n()} }] },
      inputTokens: ${n()}, outputTokens: ${n()}, batchSize: ${n()}, tuning: { decodeBandwidthEfficiency: ${n()},
      perStepOverheadSeconds: ${n()} } }) { ${rng.pick(SELECTIONS)} maxBatchSize(contextTokens: ${n()}) { batchSize } } }`;
    return jsonPost(rng, 'estimate-literals', operation(rng, query));
  },
  // Accepted inputs at the range boundaries.
  (rng) =>
    jsonPost(
      rng,
      'accepted-extremes',
      operation(
        rng,
        `query Fuzz($input: EstimateInput!) { estimate(input: $input) { ${rng.pick(SELECTIONS)} } }`,
        { input: acceptedInput(rng) },
        false,
      ),
    ),
  // compare with random lists (often over COMPARE_LIMIT).
  (rng) =>
    jsonPost(
      rng,
      'compare',
      operation(
        rng,
        `query Fuzz($input: CompareInput!) { compare(input: $input) { ${rng.pick(SELECTIONS.slice(0, 4))} } }`,
        {
          input: compareInput(rng),
        },
      ),
    ),
  // Catalog lookups with unknown and odd ids.
  (rng) =>
    jsonPost(
      rng,
      'lookup',
      operation(
        rng,
        'query Fuzz($id: ID!) { model(id: $id) { id weightsBytes(format: INT4) } gpu(id: $id) { id } }',
        {
          id: anyId(rng, [...MODEL_IDS, ...GPU_IDS]),
        },
      ),
    ),
  // Deep nesting, through fragments or introspection.
  (rng) => {
    const depth = rng.int(5, 60);
    let query: string;
    if (rng.chance(0.5)) {
      let selection = 'name';
      for (let i = 0; i < depth; i++) selection = `ofType { ${selection} }`;
      query = `{ __type(name: "Estimate") { fields { type { ${selection} } } } }`;
    } else {
      let selection = 'id';
      for (let i = 0; i < depth; i++) selection = `... on Model { ${selection} }`;
      query = `{ models { ${selection} } }`;
    }
    return jsonPost(rng, 'deep', operation(rng, query));
  },
  // Many aliases.
  (rng) => {
    const count = rng.int(10, 500);
    const field = rng.pick(['__typename', 'models { id }', 'gpu(id: "h100") { id }', 'engines { engine }']);
    const query = `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
    return jsonPost(rng, 'aliases', operation(rng, query));
  },
  // Random strings where strings go.
  (rng) =>
    jsonPost(
      rng,
      'strings',
      operation(
        rng,
        'query Fuzz($input: EstimateInput!) { estimate(input: $input) { model { id name } gpu { id name } } }',
        {
          input: {
            customModel: { ...customModel(rng), name: rng.string(rng.chance(0.5) ? 30 : 400) },
            customGpu: { ...customGpu(rng), name: rng.string(rng.chance(0.5) ? 30 : 400) },
            inputTokens: 10,
            outputTokens: 10,
          },
        },
      ),
    ),
  // GET with random query strings, and random methods.
  (rng) => {
    const params = new URLSearchParams();
    params.set(
      'query',
      rng.pick(['{ models { id } }', 'mutation { x }', rng.string(100), 'subscription { x }']),
    );
    if (rng.chance(0.4)) params.set('variables', rng.pick(['{', '{"a":1}', '[]', rng.string(20)]));
    if (rng.chance(0.2)) params.set('extensions', rng.string(10));
    const method = rng.pick(['GET', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);
    return {
      kind: 'method',
      url: `http://localhost/graphql?${params}`,
      init: { method, headers: { accept: rng.pick(ACCEPT) } },
    };
  },
  // Bodies over the limit, declared or not.
  (rng) => {
    const body = JSON.stringify({ query: `{ __typename } # ${'x'.repeat(rng.int(100_000, 300_000))}` });
    const request = jsonPost(rng, 'oversized', body);
    if (rng.chance(0.5))
      (request.init.headers as Record<string, string>)['content-length'] = String(body.length);
    return request;
  },
];

describe('fuzzing the API', () => {
  it(`answers ${REQUESTS} random bad requests with 4xx or GraphQL errors, never 5xx, and keeps serving`, async () => {
    const app = testApp();
    const rng = prng(SEED);
    const statuses = new Map<number, number>();
    const kinds = new Map<string, number>();
    const failures: string[] = [];
    let computed = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const request = rng.pick(GENERATORS)(rng);
      kinds.set(request.kind, (kinds.get(request.kind) ?? 0) + 1);
      const response = await app.fetch(request.url, request.init);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const text = await response.text();
      const where = `#${i} ${request.kind} ${request.init.method} -> ${response.status}: ${text.slice(0, 200)}`;
      if (response.status >= 500) failures.push(`5xx ${where}`);
      if (text === '') {
        // Only OPTIONS (CORS preflight) answers without a body.
        if (request.init.method !== 'OPTIONS') failures.push(`empty body ${where}`);
        continue;
      }
      let body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
      try {
        body = JSON.parse(text);
      } catch {
        failures.push(`unparsable ${where}`);
        continue;
      }
      const numbers = numbersIn(body.data);
      if (numbers.length > 0) computed++;
      for (const [path, value] of numbers) {
        if (!Number.isFinite(value)) failures.push(`non-finite ${path} = ${value} ${where}`);
      }
      if (request.kind === 'accepted-extremes' && body.errors) {
        failures.push(`refused an accepted input ${where} ${String(request.init.body).slice(0, 800)}`);
      }
      for (const error of body.errors ?? []) {
        if (error.message === 'Unexpected error.' || error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
          failures.push(`unexpected error ${where}`);
        }
        if (error.message.includes('Did you mean')) failures.push(`suggestion leaked ${where}`);
      }
    }
    if (process.env.FUZZ_REPORT) {
      console.log('statuses', Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
      console.log('kinds', Object.fromEntries(kinds), 'answers with numbers', computed);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS);
    expect(kinds.size).toBe(GENERATORS.length);
    // The mix reaches refusals of every kind, not only one.
    for (const status of [200, 400, 405, 413, 415]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
    expect(computed).toBeGreaterThan(0);

    const normal = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ estimate(input: { model: "llama-2-7b", gpu: "h100", inputTokens: 1000, outputTokens: 200 }) { fits totalSeconds } }',
      }),
    });
    expect(normal.status).toBe(200);
    const answer = (await normal.json()) as { data: { estimate: { fits: boolean; totalSeconds: number } } };
    expect(answer.data.estimate.fits).toBe(true);
    expect(answer.data.estimate.totalSeconds).toBeGreaterThan(0);
  });
});

describe('extreme accepted inputs', () => {
  const app = testApp();
  const HUGE_MODEL = {
    name: 'huge',
    layers: 1000,
    hiddenSize: 1_000_000,
    intermediateSize: 1_000_000,
    attentionHeads: 10_000,
    vocabSize: 10_000_000,
    contextWindow: 100_000_000,
    experts: 10_000,
    expertsPerToken: 10_000,
  };
  const SLOWEST_GPU = {
    name: 'slowest',
    memoryBytes: 1,
    memoryBandwidthBytesPerSecond: 1,
    peakFlops: [{ format: 'FP16', flopsPerSecond: 1 }],
    interconnectBandwidthBytesPerSecond: 1,
  };
  const LARGEST_WORKLOAD = {
    inputTokens: 10_000_000,
    outputTokens: 10_000_000,
    batchSize: 100_000,
    parallelism: { data: 1024 },
    tuning: slowestTuning(),
    memoryAssumptions: { runtimeOverheadBytes: 1e15, maxBatchedTokens: 10_000_000 },
  };

  async function estimate(input: Record<string, unknown>, selection = ESTIMATE_FIELDS) {
    const response = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query($input: EstimateInput!) { estimate(input: $input) { ${selection} } }`,
        variables: { input },
      }),
    });
    return (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
  }

  it.each([
    ['a huge custom model', { customModel: HUGE_MODEL }],
    [
      'a huge sliding-window model',
      { customModel: { ...HUGE_MODEL, slidingWindow: 1, kvHeads: 1, headDim: 1 } },
    ],
    ['Llama 3.1 405B', { model: 'llama-3.1-405b' }],
  ])(
    'stay finite and non-negative in time: %s on the slowest GPU with the largest workload',
    async (_name, model) => {
      for (const engine of ['OPTIMIZED', 'IDEAL', 'HF_TRANSFORMERS']) {
        for (const weightFormat of ['FP32', 'INT4']) {
          const result = await estimate({
            ...model,
            customGpu: SLOWEST_GPU,
            ...LARGEST_WORKLOAD,
            // IDEAL takes no tuning overrides: it is the roofline bound.
            tuning: engine === 'IDEAL' ? undefined : LARGEST_WORKLOAD.tuning,
            engine,
            weightFormat,
            kvCacheFormat: 'FP32',
          });
          expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
          for (const [path, value] of numbersIn(result.data)) {
            expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
            if (/Seconds|PerSecond|seconds/.test(path)) expect(value, path).toBeGreaterThanOrEqual(0);
          }
        }
      }
    },
  );

  it('10M tokens x 100k batch on a tiny GPU answers, with the default context as maxBatchSize length', async () => {
    const result = await estimate(
      {
        model: 'llama-2-7b',
        customGpu: SLOWEST_GPU,
        inputTokens: 10_000_000,
        outputTokens: 10_000_000,
        batchSize: 100_000,
      },
      'fits totalSeconds maxBatchSize { contextTokens batchSize limitedBy }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      estimate: { fits: false, maxBatchSize: { contextTokens: 20_000_000, batchSize: 0 } },
    });
  });

  it.each([
    [
      'customGpu.memoryBandwidthBytesPerSecond',
      { memoryBandwidthBytesPerSecond: 5e-324 },
      'from 1 to 1000000000000000 bytes/s',
    ],
    [
      'customGpu.peakFlops[0].flopsPerSecond',
      { peakFlops: [{ format: 'FP16', flopsPerSecond: 0.5 }] },
      'from 1 to 1000000000000000000 FLOP/s',
    ],
    ['customGpu.memoryBytes', { memoryBytes: 1e-300 }, 'from 1 to 1000000000000000 bytes'],
    [
      'customGpu.interconnectBandwidthBytesPerSecond',
      { interconnectBandwidthBytesPerSecond: 1e-9 },
      'from 1 to 1000000000000000 bytes/s',
    ],
  ])('refuses sub-unit hardware rates that would overflow times: %s', async (field, override, limit) => {
    const result = await estimate(
      { model: 'llama-2-7b', customGpu: { ...SLOWEST_GPU, ...override }, inputTokens: 1, outputTokens: 1 },
      'fits',
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: `input.${field}`,
      limit,
    });
  });

  it('knows the accepted range of every tuning field (update tuningRange for a new kind)', () => {
    expect(isInputObjectType(schema.getType('TuningInput'))).toBe(true);
    expect(TUNING_KEYS.filter((key) => tuningRange(key) === undefined)).toEqual([]);
  });

  it.each(TUNING_KEYS.filter((key) => key.endsWith('Efficiency')))(
    'refuses %s below 1e-6 (5e-324 overflowed times to Infinity)',
    async (key) => {
      const result = await estimate(
        {
          model: 'llama-3.1-405b',
          gpu: 'h100',
          weightFormat: 'INT4',
          inputTokens: 10_000_000,
          outputTokens: 10_000_000,
          tuning: { [key]: 5e-324 },
        },
        'totalSeconds',
      );
      expect(result.errors?.[0].message).toBe(
        `input.tuning.${key} = 5e-324 is out of range: a fraction from 0.000001 to 1`,
      );
    },
  );
});
