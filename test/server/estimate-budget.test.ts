import { GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeModel, Estimate } from '../../src/core/index.js';
import { COMPARE_LIMIT, estimateCost } from '../../src/schema/index.js';
import { loadConfig } from '../../src/server/config.js';
import { DEFAULT_MAX_ESTIMATES, estimatesAsked } from '../../src/server/estimate-budget.js';
import { countingAnalyzer, runOperation, testApp } from '../schema/support.js';

afterEach(() => vi.restoreAllMocks());

/** A comparison of `models` x `gpus` estimates, repeating one model and one GPU (no catalog sizes). */
function compareOf(models: number, gpus: number, selection = 'fits'): string {
  return `compare(input: { models: ${JSON.stringify(Array(models).fill('llama-2-7b'))}, gpus: ${JSON.stringify(Array(gpus).fill('h100'))}, inputTokens: 10, outputTokens: 10 }) { ${selection} }`;
}

const ESTIMATE =
  'estimate(input: { model: "llama-2-7b", gpu: "h100", inputTokens: 10, outputTokens: 10 }) { fits }';

function spies() {
  return {
    memory: vi.spyOn(Estimate.prototype, 'memory', 'get'),
    timing: vi.spyOn(Estimate.prototype, 'timing', 'get'),
  };
}

describe('the estimate budget (MAX_ESTIMATES)', () => {
  it('defaults to one full-size comparison, and the environment sets it', () => {
    expect(DEFAULT_MAX_ESTIMATES).toBe(COMPARE_LIMIT);
    expect(loadConfig({}).maxEstimates).toBe(COMPARE_LIMIT);
    expect(loadConfig({ MAX_ESTIMATES: '50' }).maxEstimates).toBe(50);
  });

  it('refuses estimates spread over aliases before computing any, naming the budget', async () => {
    const parts = spies();
    const counter = countingAnalyzer(analyzeModel);
    // 2 aliases x (32 x 32 = 1024) = 2048 estimates, each alias within COMPARE_LIMIT on its own.
    const result = await runOperation(
      testApp({ analyzeModel: counter.analyzeModel }),
      `{ a: ${compareOf(32, 32)} b: ${compareOf(32, 32)} }`,
    );
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].message).toBe(
      'Request asks for 2048 estimates, over the budget of 1024 estimates per request (MAX_ESTIMATES), counted over all its fields and aliases; split it into several requests',
    );
    expect(result.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'request.estimates',
      limit: 1024,
    });
    expect(result.data).toBeNull();
    expect(counter.calls).toEqual([]);
    expect(parts.memory).not.toHaveBeenCalled();
    expect(parts.timing).not.toHaveBeenCalled();
  });

  it('lets exactly the budget through: one full comparison, or estimates up to the limit', async () => {
    const full = await runOperation<{ compare: unknown[] }, undefined>(testApp(), `{ ${compareOf(32, 32)} }`);
    expect(full.errors).toBeUndefined();
    expect(full.data?.compare).toHaveLength(1024);

    const small = testApp({ maxEstimates: 3 });
    const three = await runOperation(small, `{ a: ${ESTIMATE} b: ${ESTIMATE} c: ${ESTIMATE} }`);
    expect(three.errors).toBeUndefined();
    const four = await runOperation(small, `{ a: ${ESTIMATE} b: ${ESTIMATE} c: ${ESTIMATE} d: ${ESTIMATE} }`);
    expect(four.errors?.[0].message).toMatch(/^Request asks for 4 estimates, over the budget of 3 /);
  });

  it('counts fragments, inline fragments and variables: 2 x 3 + 1 + 1 = 8', async () => {
    const query = `query Spread($models: [ID!]!) {
        ...Pair
        ... on Query { one: ${ESTIMATE} }
        again: ${ESTIMATE}
      }
      fragment Pair on Query {
        pair: compare(input: { models: $models, gpus: ["h100", "a100"], inputTokens: 10, outputTokens: 10 }) { fits }
      }`;
    const variables = { models: ['llama-2-7b', 'mistral-7b', 'qwen2-7b'] } as never;
    const over = await runOperation(testApp({ maxEstimates: 7 }), query, variables);
    expect(over.errors?.[0].message).toMatch(/^Request asks for 8 estimates, over the budget of 7 /);
    const within = await runOperation(testApp({ maxEstimates: 8 }), query, variables);
    expect(within.errors).toBeUndefined();
  });

  it('keeps the comparison size message for a single compare over COMPARE_LIMIT', async () => {
    const result = await runOperation(testApp(), `{ ${compareOf(33, 32)} }`);
    expect(result.errors?.[0].message).toBe(
      'input: 33 models x 32 GPUs x 1 weightFormats x 1 kvCacheFormats = 1056 estimates, over the limit of 1024 estimates per request (COMPARE_LIMIT); split the comparison',
    );
  });

  it('counts a field below a counted one once per estimate above it (any schema declaring counts)', () => {
    const item: GraphQLObjectType = new GraphQLObjectType({
      name: 'Item',
      fields: () => ({
        id: { type: GraphQLString },
        variants: {
          type: new GraphQLList(item),
          args: { k: { type: GraphQLInt } },
          extensions: estimateCost((args: { k: number }) => args.k),
        },
      }),
    });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          batch: {
            type: new GraphQLList(item),
            args: { n: { type: GraphQLInt } },
            extensions: estimateCost((args: { n: number }) => args.n),
          },
          plain: { type: item },
        },
      }),
    });
    const asked = (query: string, variableValues?: Record<string, unknown>) =>
      estimatesAsked({ schema, document: parse(query), variableValues });
    // batch 3, then 2 variants of each: 3 + 3 x 2 = 9; an uncounted parent multiplies by 1.
    expect(asked('{ batch(n: 3) { id variants(k: 2) { id } } plain { variants(k: 5) { id } } }')).toBe(14);
    expect(asked('query($n: Int) { batch(n: $n) { variants(k: 4) { id } } }', { n: 2 })).toBe(10);
    // Variables that do not coerce: left to execution, which refuses them before running anything.
    expect(asked('query($n: Int) { batch(n: $n) { id } }', { n: 'many' })).toBeUndefined();
  });
});
