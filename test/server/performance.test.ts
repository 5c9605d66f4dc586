/**
 * The speed-ups of src/server/performance.ts change how operations run, never what they answer:
 * compiled (graphql-jit) operations give graphql-js's data and graphql-js's errors, keep the
 * limits and the laziness, and only hot documents get compiled.
 */
import { getIntrospectionQuery } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GPUS, MODELS } from '../../src/core/catalog/index.js';
import { Estimate } from '../../src/core/index.js';
import { loadExampleQueries } from '../../src/server/examples.js';
import { JIT_AFTER_EXECUTIONS, type JitStats, jitPlugin } from '../../src/server/performance.js';
import { type AppOptions, createApp } from '../../src/server/yoga.js';
import { ESTIMATE_FIELDS, GPU_FIELDS, MODEL_FIELDS } from '../schema/all-fields.js';

afterEach(() => vi.restoreAllMocks());

interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

interface Answer {
  status: number;
  body: unknown;
}

async function send(app: ReturnType<typeof createApp>, operation: Operation): Promise<Answer> {
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(operation),
  });
  return { status: response.status, body: await response.json() };
}

/** graphql-js only, and graphql-jit from the first execution on (with its counters). */
function apps(options: AppOptions = {}) {
  const stats: JitStats = { compiled: 0, jitExecutions: 0, fallbacks: 0 };
  return {
    stats,
    graphqlJs: createApp({ logging: false, ...options, jit: false }),
    jit: createApp({
      logging: false,
      ...options,
      jit: false,
      plugins: [jitPlugin({ afterExecutions: 0, stats })],
    }),
  };
}

const customModel =
  '{ name: "tiny", layers: 2, hiddenSize: 64, intermediateSize: 128, attentionHeads: 4, vocabSize: 100, contextWindow: 512 }';

const ANSWERS: Operation[] = [
  ...loadExampleQueries().map((query) => ({ query })),
  { query: '{ __typename }' },
  { query: `{ models { ${MODEL_FIELDS} } gpus { ${GPU_FIELDS} } engines { engine description isDefault } }` },
  {
    query: `query Full($input: EstimateInput!) { estimate(input: $input) { ${ESTIMATE_FIELDS} } }`,
    variables: {
      input: {
        model: 'mixtral',
        gpu: 'h100',
        gpuCount: 2,
        inputTokens: 3000,
        outputTokens: 300,
        batchSize: 4,
      },
    },
  },
  {
    query: `query Compare($input: CompareInput!) { compare(input: $input) { ${ESTIMATE_FIELDS} } }`,
    variables: {
      input: {
        models: ['llama-3.1-8b', 'phi-3-mini'],
        gpus: ['l4', 'mi300x'],
        weightFormats: ['FP16', 'INT4'],
        kvCacheFormats: ['FP8'],
        inputTokens: 500,
        outputTokens: 50,
      },
    },
  },
  {
    query: `{ estimate(input: { customModel: ${customModel}, gpu: "a10g", inputTokens: 100, outputTokens: 10 }) { fits totalSeconds model { parameterCount } } }`,
  },
  { query: '{ model(id: "nope") { id } gpu(id: "H100") { id name } }' },
  { query: getIntrospectionQuery() },
];

const ERRORS: Operation[] = [
  { query: '{ estimate(input: { model: "nope", gpu: "h100", inputTokens: 10, outputTokens: 1 }) { fits } }' },
  {
    query:
      '{ estimate(input: { model: "llama-2-7b", gpu: "h100", inputTokens: 0, outputTokens: 1 }) { fits } }',
  },
  {
    query: 'query($i: EstimateInput!) { estimate(input: $i) { fits } }',
    variables: { i: { modle: 'x', inputTokens: 1, outputTokens: 1 } },
  },
  {
    query:
      'query($n: Int!) { estimate(input: { model: "llama-2-7b", gpu: "h100", inputTokens: $n, outputTokens: 1 }) { fits } }',
    variables: { n: 2 ** 31 },
  },
  {
    query: '{ model(id: "llama-2-7b") { weightsBytes(format: TF32) } }',
  },
  {
    // Within COMPARE_LIMIT, over the cost limit: the complexity check must see the variables.
    query:
      'query($input: CompareInput!) { compare(input: $input) { fits totalSeconds memory { totalBytes } } }',
    variables: {
      input: {
        models: MODELS.map((m) => m.id),
        gpus: GPUS.map((g) => g.id).slice(0, 10),
        inputTokens: 10,
        outputTokens: 1,
      },
    },
  },
];

describe('graphql-jit', () => {
  it('answers every operation exactly as graphql-js does', async () => {
    const { graphqlJs, jit, stats } = apps();
    for (const operation of ANSWERS) {
      const expected = await send(graphqlJs, operation);
      expect(expected.status).toBe(200);
      expect((expected.body as { errors?: unknown }).errors).toBeUndefined();
      for (let i = 0; i < 2; i++) expect(await send(jit, operation)).toEqual(expected);
    }
    expect(stats.compiled).toBe(ANSWERS.length);
    expect(stats.jitExecutions).toBe(2 * ANSWERS.length);
    expect(stats.fallbacks).toBe(0);
  });

  it("gives graphql-js's errors, status codes included, and keeps the cost limit", async () => {
    const { graphqlJs, jit, stats } = apps({ limits: { maxCost: 500 } });
    for (const operation of ERRORS) {
      const expected = await send(graphqlJs, operation);
      expect((expected.body as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
      for (let i = 0; i < 2; i++) expect(await send(jit, operation)).toEqual(expected);
    }
    expect(stats.fallbacks).toBeGreaterThan(0);
    const overCost = await send(jit, ERRORS[ERRORS.length - 1]);
    // Every catalog model x 10 GPUs, each estimate costing 5 (itself, fits, totalSeconds, memory, totalBytes).
    const cost = MODELS.length * 10 * 5;
    expect(JSON.stringify(overCost.body)).toContain(`Query complexity ${cost} exceeds the limit of 500`);
  });

  it('still computes only the selected parts of an estimate', async () => {
    const { jit, stats } = apps();
    const operation = {
      query:
        '{ estimate(input: { model: "llama-3-8b", gpu: "l40s", inputTokens: 500, outputTokens: 50 }) { fits memory { totalBytes } } }',
    };
    await send(jit, operation);
    const timing = vi.spyOn(Estimate.prototype, 'timing', 'get');
    const maxContext = vi.spyOn(Estimate.prototype, 'maxContext', 'get');
    const memory = vi.spyOn(Estimate.prototype, 'memory', 'get');
    expect(await send(jit, operation)).toMatchObject({ status: 200 });
    expect(stats.jitExecutions).toBe(2);
    expect(memory).toHaveBeenCalled();
    expect(timing).not.toHaveBeenCalled();
    expect(maxContext).not.toHaveBeenCalled();
  });

  it(`compiles a document only after ${JIT_AFTER_EXECUTIONS} execution(s) on graphql-js`, async () => {
    const stats: JitStats = { compiled: 0, jitExecutions: 0, fallbacks: 0 };
    const app = createApp({ logging: false, jit: false, plugins: [jitPlugin({ stats })] });
    const operation = { query: '{ gpu(id: "l4") { id } }' };
    for (let i = 0; i < JIT_AFTER_EXECUTIONS; i++) await send(app, operation);
    expect(stats.compiled).toBe(0);
    await send(app, operation);
    await send(app, operation);
    expect(stats).toEqual({ compiled: 1, jitExecutions: 2, fallbacks: 0 });
  });

  it('is on by default', async () => {
    const app = createApp({ logging: false });
    const operation = { query: '{ gpu(id: "l4") { id } }' };
    for (let i = 0; i <= JIT_AFTER_EXECUTIONS; i++) {
      expect(await send(app, operation)).toEqual({ status: 200, body: { data: { gpu: { id: 'l4' } } } });
    }
  });
});

describe('x-worker-pid', () => {
  it('names the answering process when asked, and is absent outside a cluster worker by default', async () => {
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    };
    const withHeader = await createApp({ logging: false, workerPidHeader: true }).fetch(
      'http://localhost/graphql',
      init,
    );
    expect(withHeader.headers.get('x-worker-pid')).toBe(String(process.pid));
    const plain = await createApp({ logging: false }).fetch('http://localhost/graphql', init);
    expect(plain.headers.get('x-worker-pid')).toBeNull();
  });
});
