import { getIntrospectionQuery } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GPUS, MODELS } from '../../src/core/catalog/index.js';
import { analyzeModel, Estimate } from '../../src/core/index.js';
import { COMPARE_LIMIT } from '../../src/schema/index.js';
import { loadExampleQueries } from '../../src/server/examples.js';
import { DEFAULT_QUERY_LIMITS } from '../../src/server/limits.js';
import { ESTIMATE_FIELDS } from '../schema/all-fields.js';
import { countingAnalyzer, runOperation, testApp } from '../schema/support.js';

afterEach(() => vi.restoreAllMocks());

const app = testApp();

/** `{ __type(name: "Query") { fields { type { ofType { ... { name } } } } } }`, `depth` levels deep. */
function queryOfDepth(depth: number): string {
  let selection = 'name';
  for (let level = depth; level > 4; level--) selection = `ofType { ${selection} }`;
  return `{ __type(name: "Query") { fields { type { ${selection} } } } }`;
}

function aliases(count: number, field = 'models { id }'): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
}

const refusal = (limit: number, field: string) => ({
  code: 'BAD_USER_INPUT',
  field,
  limit,
});

describe('default operation limits', () => {
  it('let every example, the all-fields contract query and GraphiQL introspection through', async () => {
    for (const query of loadExampleQueries()) {
      const result = await runOperation(app, query);
      expect(result.errors, query.slice(0, 60)).toBeUndefined();
    }
    const allFields = await runOperation(
      app,
      `query AllFields($models: [ID!]) {
        compare(input: { models: $models, gpus: ["h100"], inputTokens: 1000, outputTokens: 200 }) { ${ESTIMATE_FIELDS} }
      }`,
      { models: MODELS.map((m) => m.id) } as never,
    );
    expect(allFields.errors).toBeUndefined();
    const introspection = await runOperation(
      app,
      getIntrospectionQuery({
        descriptions: true,
        inputValueDeprecation: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
      }),
    );
    expect(introspection.errors).toBeUndefined();
  });

  it('let a 1,000-estimate comparison with a 20-field selection through (the server benchmark)', async () => {
    const result = await runOperation<{ compare: unknown[] }, undefined>(
      app,
      `{ compare(input: {
          models: ${JSON.stringify(MODELS.slice(0, 10).map((m) => m.id))}
          gpus: ${JSON.stringify(GPUS.slice(0, 10).map((g) => g.id))}
          weightFormats: [FP16, BF16, FP8, INT8, INT4], kvCacheFormats: [FP16, FP8], inputTokens: 2048, outputTokens: 512 }) {
        model { id } gpu { id } fits
        memory { weightsBytes kvCacheBytes activationsBytes overheadBytes totalBytes capacityBytes freeBytes }
        maxContextLength { tokens limitedBy }
        timeToFirstTokenSeconds timePerOutputTokenSeconds totalSeconds outputTokensPerSecond
      } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.compare).toHaveLength(1000);
  });
});

describe('depth', () => {
  it(`allows ${DEFAULT_QUERY_LIMITS.maxDepth} levels and refuses one more, naming the limit`, async () => {
    expect((await runOperation(app, queryOfDepth(12))).errors).toBeUndefined();
    const result = await runOperation(app, queryOfDepth(13));
    expect(result.errors?.[0].message).toBe('Query depth 13 exceeds the limit of 12');
    expect(result.errors?.[0].extensions).toEqual(refusal(12, 'query.depth'));
    expect(result.data).toBeUndefined();
  });

  it('counts fragments', async () => {
    let selection = 'id';
    for (let i = 0; i < 15; i++) selection = `... on Model { ${selection} }`;
    const result = await runOperation(app, `{ models { ${selection} } }`);
    expect(result.errors?.[0].message).toMatch(/^Query depth \d+ exceeds the limit of 12$/);
  });

  it('follows MAX_DEPTH', async () => {
    expect(
      (await runOperation(testApp({ limits: { maxDepth: 2 } }), '{ models { id } }')).errors,
    ).toBeUndefined();
    const result = await runOperation(testApp({ limits: { maxDepth: 4 } }), queryOfDepth(5));
    expect(result.errors?.[0].message).toBe('Query depth 5 exceeds the limit of 4');
  });
});

describe('aliases', () => {
  it('refuses a 300-alias query before running it', async () => {
    const counter = countingAnalyzer(analyzeModel);
    const result = await runOperation(
      testApp({ analyzeModel: counter.analyzeModel }),
      `query Many($i: EstimateInput!) ${aliases(300, 'estimate(input: $i) { fits }')}`,
      { i: { model: 'llama-2-7b', gpu: 'h100', inputTokens: 10, outputTokens: 10 } } as never,
    );
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].message).toBe('Query has 300 aliases, over the limit of 30');
    expect(result.errors?.[0].extensions).toEqual(refusal(30, 'query.aliases'));
    expect(counter.calls).toEqual([]);
  });

  it('counts aliased __typename too, and allows exactly the limit', async () => {
    expect((await runOperation(app, aliases(300, '__typename'))).errors?.[0].message).toBe(
      'Query has 300 aliases, over the limit of 30',
    );
    expect((await runOperation(app, aliases(30))).errors).toBeUndefined();
    expect((await runOperation(app, aliases(31))).errors?.[0].message).toBe(
      'Query has 31 aliases, over the limit of 30',
    );
  });
});

describe('tokens', () => {
  it('refuses a 20,000-token document (well under the body limit)', async () => {
    const query = `{ ${'a '.repeat(19_998)}}`;
    expect(query.length).toBeLessThan(41_000);
    const result = await runOperation(app, query);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].message).toBe(
      'Query document has more than 5000 tokens, over the limit of 5000',
    );
    expect(result.errors?.[0].extensions).toEqual(refusal(5000, 'query.tokens'));
  });

  it('allows a document at the limit (MAX_TOKENS)', async () => {
    const query = '{ models { id } }'; // 6 tokens
    expect((await runOperation(testApp({ limits: { maxTokens: 6 } }), query)).errors).toBeUndefined();
    const refused = await runOperation(testApp({ limits: { maxTokens: 5 } }), query);
    expect(refused.errors?.[0].message).toBe('Query document has more than 5 tokens, over the limit of 5');
  });
});

describe('directives', () => {
  it('refuses more than 50', async () => {
    const fields = Array.from({ length: 51 }, (_, i) => `f${i}: __typename @include(if: true)`).join(' ');
    const result = await runOperation(testApp({ limits: { maxAliases: 100 } }), `{ ${fields} }`);
    expect(result.errors?.[0].message).toBe('Query has 51 directives, over the limit of 50');
    expect(result.errors?.[0].extensions).toEqual(refusal(50, 'query.directives'));
  });
});

describe('cost', () => {
  const compare1024 = `compare(input: { models: ${JSON.stringify(Array(32).fill('llama-2-7b'))},
    gpus: ${JSON.stringify(Array(32).fill('h100'))}, inputTokens: 10, outputTokens: 10 }) { fits }`;

  it('refuses 30 maximal comparisons in one operation before computing any', async () => {
    const parts = {
      memory: vi.spyOn(Estimate.prototype, 'memory', 'get'),
      timing: vi.spyOn(Estimate.prototype, 'timing', 'get'),
    };
    const counter = countingAnalyzer(analyzeModel);
    // The estimate budget (estimate-budget.test.ts) would refuse this first; lifted here.
    const result = await runOperation(
      testApp({ analyzeModel: counter.analyzeModel, maxEstimates: 1_000_000 }),
      aliases(30, compare1024),
    );
    // 30 x (1024 estimates + 1024 x 1 field)
    expect(result.errors?.[0].message).toBe('Query complexity 61440 exceeds the limit of 50000');
    expect(result.errors?.[0].extensions).toEqual(refusal(50_000, 'query.complexity'));
    expect(result.data).toBeNull();
    expect(counter.calls).toEqual([]);
    expect(parts.memory).not.toHaveBeenCalled();
    expect(parts.timing).not.toHaveBeenCalled();
  });

  it('follows MAX_COST, also for an operation run again (compiled by graphql-jit)', async () => {
    const limited = testApp({ limits: { maxCost: 100 } });
    for (let run = 0; run < 3; run++) {
      const result = await runOperation(limited, `query Big { ${compare1024} }`);
      expect(result.errors?.[0].message).toBe('Query complexity 2048 exceeds the limit of 100');
      const oversized = await runOperation(
        limited,
        'query Over($m: [ID!]) { compare(input: { models: $m, gpus: ["h100"], inputTokens: 1, outputTokens: 1 }) { fits } }',
        { m: Array(2000).fill('llama-2-7b') } as never,
      );
      expect(oversized.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        limit: COMPARE_LIMIT,
      });
    }
  });
});

describe(`a compare over COMPARE_LIMIT (${COMPARE_LIMIT})`, () => {
  it('is refused up front with BAD_USER_INPUT naming the limit, before any estimate is computed', async () => {
    const parts = {
      memory: vi.spyOn(Estimate.prototype, 'memory', 'get'),
      maxContext: vi.spyOn(Estimate.prototype, 'maxContext', 'get'),
      timing: vi.spyOn(Estimate.prototype, 'timing', 'get'),
    };
    const counter = countingAnalyzer(analyzeModel);
    const ids = GPUS.map((g) => g.id);
    const result = await runOperation(
      testApp({ analyzeModel: counter.analyzeModel }),
      `{ ok: estimate(input: { model: "llama-2-7b", gpu: "h100", inputTokens: 10, outputTokens: 10 }) { fits }
         big: compare(input: { models: ${JSON.stringify(MODELS.map((m) => m.id))}, gpus: ${JSON.stringify(ids)},
           weightFormats: [FP16, INT8, INT4, FP8], inputTokens: 10, outputTokens: 10 }) { ${ESTIMATE_FIELDS} } }`,
    );
    const size = MODELS.length * GPUS.length * 4;
    expect(size).toBeGreaterThan(COMPARE_LIMIT);
    const error = result.errors?.find((e) => e.path?.[0] === 'big') ?? result.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: COMPARE_LIMIT });
    expect(error?.message).toBe(
      `input: ${MODELS.length} models x ${GPUS.length} GPUs x 4 weightFormats x 1 kvCacheFormats = ${size} estimates, over the limit of 1024 estimates per request (COMPARE_LIMIT); split the comparison`,
    );
    expect(counter.calls).toEqual([]);
    expect(parts.memory).not.toHaveBeenCalled();
    expect(parts.maxContext).not.toHaveBeenCalled();
    expect(parts.timing).not.toHaveBeenCalled();
  });
});

describe('introspection and suggestions', () => {
  it('hides "Did you mean" in validation and variable errors', async () => {
    const field = await runOperation(app, '{ modle { id } }');
    expect(field.errors?.[0].message).toBe('Cannot query field "modle" on type "Query".');
    const literal = await runOperation(app, '{ model(id: "x") { weightsBytes(format: FP17) } }');
    expect(literal.errors?.[0].message).toBe('Value "FP17" does not exist in "NumberFormat" enum.');
    const variable = await runOperation(app, 'query($i: EstimateInput!) { estimate(input: $i) { fits } }', {
      i: { modle: 'x', inputTokens: 1, outputTokens: 1 },
    } as never);
    expect(variable.errors?.[0].message).toContain('Field "modle" is not defined by type');
    expect(JSON.stringify([field, literal, variable])).not.toContain('Did you mean');
  });

  it('keeps suggestions in development', async () => {
    const result = await runOperation(testApp({ fieldSuggestions: true }), '{ modle { id } }');
    expect(result.errors?.[0].message).toContain('Did you mean "model" or "models"?');
  });

  it('can turn introspection (and GraphiQL) off', async () => {
    const closed = testApp({ introspection: false });
    const result = await runOperation(closed, '{ __schema { queryType { name } } }');
    expect(result.errors?.[0].message).toBe(
      'GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
    );
    expect((await runOperation(closed, '{ models { id } }')).errors).toBeUndefined();
    const page = await closed.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('<title>LLM Inference Estimator</title>');
  });
});
