import { describe, expect, it } from 'vitest';
import { analyzeModel, estimate, GPU_PRICES, PLAN_SEARCH_LIMIT } from '../../src/core/index.js';
import { PlanDocument } from '../../src/gql/graphql.js';
import { catalogGpu, catalogModel } from '../core/helpers.js';
import { PLAN_CANDIDATE_FIELDS, PLAN_FIELDS } from './all-fields.js';
import { countingAnalyzer, numbersIn, runOperation, testApp } from './support.js';

const app = testApp();

const PLAN_QUERY = `query Plan($input: PlanInput!) {
  plan(input: $input) {
    candidates { gpu { id } gpuCount replicas weightFormat kvCacheFormat concurrencyPerReplica dollarsPerHour
      serving { timeToFirstTokenSeconds timePerOutputTokenSeconds requestsPerSecond } }
    evaluated
    rejected { reason count }
  }
}`;

interface PlanData {
  plan: {
    candidates: {
      gpu: { id: string };
      gpuCount: number;
      replicas: number;
      weightFormat: string;
      kvCacheFormat: string;
      concurrencyPerReplica: number;
      dollarsPerHour: number | null;
      serving: {
        timeToFirstTokenSeconds: number;
        timePerOutputTokenSeconds: number;
        requestsPerSecond: number;
      };
    }[];
    evaluated: number;
    rejected: { reason: string; count: number }[];
  };
}

const base = {
  model: 'llama-3.1-8b',
  inputTokens: 1000,
  outputTokens: 200,
  requestsPerSecond: 10,
  maxTimePerOutputTokenSeconds: 0.03,
  gpus: ['l4', 'a100-sxm4-80gb', 'h100'],
  maxGpus: 4,
};

async function planOf(input: Record<string, unknown>) {
  return runOperation<PlanData, { input: Record<string, unknown> }>(app, PLAN_QUERY, { input });
}

describe('Query.plan', () => {
  it('the Plan example: candidates meet the targets, every configuration is counted, all numbers finite', async () => {
    const result = await runOperation(app, PlanDocument);
    expect(result.errors).toBeUndefined();
    const plan = result.data?.plan;
    if (!plan) throw new Error('no plan');
    expect(plan.candidates).toHaveLength(3);
    for (const c of plan.candidates) {
      expect(c.serving.timeToFirstTokenSeconds).toBeLessThanOrEqual(1);
      expect(c.serving.timePerOutputTokenSeconds).toBeLessThanOrEqual(0.04);
      expect(c.dollarsPerHour).toBeCloseTo((c.gpu.listPriceDollarsPerHour ?? 0) * c.gpuCount * c.replicas, 9);
    }
    // Layouts up to 64 GPUs, 8 per node, for a dense model: tensor 1..8 inside a node, then tensor 8 x pipeline
    // 2..8 across nodes = 15. 4 GPU types x 15 layouts x 4 default weight formats x 2 default KV cache formats.
    expect(plan.evaluated).toBe(4 * 15 * 4 * 2);
    const rejected = plan.rejected.reduce((sum, r) => sum + r.count, 0);
    expect(rejected).toBeLessThan(plan.evaluated);
    expect(numbersIn(result.data).every(([, n]) => Number.isFinite(n))).toBe(true);
  });

  it('every field of a plan answers, with finite numbers, and the frontier is ordered', async () => {
    const result = await runOperation<
      { plan: { paretoFrontier: { serving: { outputTokensPerSecondPerUser: number } }[] } },
      { input: Record<string, unknown> }
    >(app, `query Full($input: PlanInput!) { plan(input: $input) { ${PLAN_FIELDS} } }`, { input: base });
    expect(result.errors).toBeUndefined();
    expect(numbersIn(result.data).every(([, n]) => Number.isFinite(n))).toBe(true);
    const perUser = (result.data?.plan.paretoFrontier ?? []).map(
      (c) => c.serving.outputTokensPerSecondPerUser,
    );
    expect(perUser.length).toBeGreaterThan(1);
    expect(perUser).toEqual([...perUser].sort((a, b) => b - a));
  });

  it('a model given by its config.json plans like the catalog model it describes', async () => {
    const config = {
      model_type: 'llama',
      architectures: ['LlamaForCausalLM'],
      hidden_size: 4096,
      intermediate_size: 14336,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      vocab_size: 128256,
      max_position_embeddings: 131072,
      rms_norm_eps: 1e-5,
      rope_theta: 500000,
      tie_word_embeddings: false,
      torch_dtype: 'bfloat16',
    };
    const fromConfig = await planOf({ ...base, model: undefined, modelConfig: config });
    const fromCatalog = await planOf(base);
    expect(fromConfig.errors).toBeUndefined();
    const summary = (r: typeof fromCatalog) =>
      r.data?.plan.candidates.map((c) => [c.gpu.id, c.gpuCount, c.weightFormat, c.concurrencyPerReplica]);
    expect(summary(fromConfig)).toEqual(summary(fromCatalog));
  });

  it('gpuPrices replace the list price of that GPU', async () => {
    const listed = await planOf({ ...base, gpus: ['h100'], weightFormats: ['FP8'], kvCacheFormats: ['FP8'] });
    const cheap = await planOf({
      ...base,
      gpus: ['h100'],
      weightFormats: ['FP8'],
      kvCacheFormats: ['FP8'],
      gpuPrices: [{ gpu: 'H100', dollarsPerHour: 1 }],
    });
    const price = GPU_PRICES.find((p) => p.gpu === 'h100-sxm5-80gb')?.dollarsPerHour ?? 0;
    const a = listed.data?.plan.candidates[0];
    const b = cheap.data?.plan.candidates[0];
    expect(a?.dollarsPerHour).toBeCloseTo(price * (a?.gpuCount ?? 0) * (a?.replicas ?? 0), 9);
    expect(b?.dollarsPerHour).toBeCloseTo(1 * (b?.gpuCount ?? 0) * (b?.replicas ?? 0), 9);
  });

  it('no feasible configuration: an empty list and the counts, not an error', async () => {
    const result = await planOf({ ...base, maxTimePerOutputTokenSeconds: 0.0001 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.plan.candidates).toEqual([]);
    const counts = Object.fromEntries((result.data?.plan.rejected ?? []).map((r) => [r.reason, r.count]));
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(result.data?.plan.evaluated);
    expect(counts.TIME_PER_OUTPUT_TOKEN).toBeGreaterThan(0);
  });

  it('a search past the cap is BAD_USER_INPUT naming what to narrow, before any model is analysed', async () => {
    const counting = countingAnalyzer(analyzeModel);
    const guarded = testApp({ analyzeModel: counting.analyzeModel, shareCatalogAnalyses: false });
    const formats = ['FP32', 'BF16', 'FP16', 'FP8', 'INT8', 'INT4'];
    const gpus = Array.from({ length: 50 }, () => 'h100');
    // Layouts up to 1024 GPUs, 8 per node: tensor 1..8 (8), tensor 8 x pipeline 2..128 (127), and for an MoE
    // model an expert-parallel twin of each with tensor > 1 (134): 269, counted for any model before it is read.
    // 50 x 269 x 6 x 6 = 484,200 configurations.
    expect(50 * 269 * 36).toBeGreaterThan(PLAN_SEARCH_LIMIT);
    const result = await runOperation(guarded, PLAN_QUERY, {
      input: { ...base, gpus, weightFormats: formats, kvCacheFormats: formats, maxGpus: 1024 },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(
      /484200 configurations.*narrow gpus, maxGpus, weightFormats or kvCacheFormats/,
    );
    expect(counting.calls).toEqual([]);
  });

  it('bad inputs name their field; unknown ids are NOT_FOUND', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ gpus: ['tpu'] }, 'NOT_FOUND', 'input.gpus[0]'],
      [{ gpuPrices: [{ gpu: 'nope', dollarsPerHour: 1 }] }, 'NOT_FOUND', 'input.gpuPrices[0].gpu'],
      [
        { gpuPrices: [{ gpu: 'h100', dollarsPerHour: -1 }] },
        'BAD_USER_INPUT',
        'input.gpuPrices[0].dollarsPerHour',
      ],
      [{ maxTimePerOutputTokenSeconds: 0 }, 'BAD_USER_INPUT', 'input.maxTimePerOutputTokenSeconds'],
      [{ requestsPerSecond: -2 }, 'BAD_USER_INPUT', 'input.requestsPerSecond'],
      [{ limit: 0 }, 'BAD_USER_INPUT', 'input.limit'],
      [{ maxGpus: 0 }, 'BAD_USER_INPUT', 'input.maxGpus'],
      [{ weightFormats: [] }, 'BAD_USER_INPUT', 'input.weightFormats'],
      [{ kvCacheFormats: ['TF32'] }, 'BAD_USER_INPUT', 'input.kvCacheFormats[0]'],
      [{ inputTokens: 140_000 }, 'BAD_USER_INPUT', 'input.inputTokens'],
      [{ model: null }, 'BAD_USER_INPUT', 'input.model'],
    ];
    for (const [override, code, field] of cases) {
      const result = await planOf({ ...base, ...override });
      expect(result.errors?.[0]?.extensions?.code, field).toBe(code);
      expect(result.errors?.[0]?.extensions?.field, field).toBe(field);
    }
  });
});

describe('Gpu list prices', () => {
  it('come from the table with their source; a custom GPU has none', async () => {
    const result = await runOperation<
      { gpu: { listPriceDollarsPerHour: number | null; listPriceSource: string | null } },
      undefined
    >(app, '{ gpu(id: "h100") { listPriceDollarsPerHour listPriceSource } }');
    const entry = GPU_PRICES.find((p) => p.gpu === 'h100-sxm5-80gb');
    expect(result.data?.gpu.listPriceDollarsPerHour).toBe(entry?.dollarsPerHour);
    expect(result.data?.gpu.listPriceSource).toContain(entry?.source ?? 'missing');
  });
});

describe('inverse shortcuts', () => {
  const query = `query Shortcuts($input: EstimateInput!, $tpot: Float!) {
    smallestGpuCount(input: $input)
    maxConcurrencyWithin(input: $input, maxTimePerOutputTokenSeconds: $tpot)
    bestWeightFormat(input: $input, maxTimePerOutputTokenSeconds: $tpot) { ${PLAN_CANDIDATE_FIELDS} }
  }`;
  interface Data {
    smallestGpuCount: number | null;
    maxConcurrencyWithin: number;
    bestWeightFormat: {
      weightFormat: 'FP16' | 'FP8' | 'INT8' | 'INT4' | 'BF16' | 'FP32';
      computeFormat: string;
      formatNote: string | null;
      concurrencyPerReplica: number;
      serving: { outputTokensPerSecondPerGpu: number };
    } | null;
  }

  it('Llama-3.1-70B in FP16 needs 2 H100s: 141 GB of weights do not fit 85.5 GB, half of them do', async () => {
    const result = await runOperation<Data, { input: Record<string, unknown>; tpot: number }>(app, query, {
      input: { model: 'llama-3.1-70b', gpu: 'h100', inputTokens: 2000, outputTokens: 300 },
      tpot: 0.05,
    });
    expect(result.errors).toBeUndefined();
    // 70.55e9 parameters x 2 bytes = 141.1e9 bytes; one GPU has 81,559 MiB = 85.5e9 bytes; two hold 70.6e9 each.
    expect(result.data?.smallestGpuCount).toBe(2);
    // One H100 cannot hold it, so nothing runs within any TPOT limit at gpuCount 1.
    expect(result.data?.maxConcurrencyWithin).toBe(0);
  });

  it('the largest concurrency under a TPOT limit agrees with a scan of serving points', async () => {
    const tpot = 0.02;
    const input = { model: 'llama-3.1-8b', gpu: 'a100-sxm4-80gb', inputTokens: 1000, outputTokens: 200 };
    const result = await runOperation<Data, { input: Record<string, unknown>; tpot: number }>(app, query, {
      input,
      tpot,
    });
    const answer = result.data?.maxConcurrencyWithin ?? -1;
    const request = (batchSize: number) => ({
      model: catalogModel('llama-3.1-8b'),
      gpu: catalogGpu('a100-sxm4-80gb'),
      gpuCount: 1,
      weightFormat: 'FP16' as const,
      kvCacheFormat: 'FP16' as const,
      inputTokens: 1000,
      outputTokens: 200,
      batchSize,
    });
    const served = estimate(request(1));
    const tpotAt = (concurrency: number) => served.serving({ concurrency }).timePerOutputTokenSeconds;
    expect(answer).toBeGreaterThan(1);
    expect(tpotAt(answer)).toBeLessThanOrEqual(tpot);
    expect(estimate(request(answer)).memory.fits).toBe(true);
    expect(tpotAt(answer + 1) > tpot || answer + 1 > served.maxConcurrency).toBe(true);
  });

  it('the best weight format beats every other format at its own best concurrency, and states its fallback', async () => {
    const tpot = 0.03;
    const input = { model: 'llama-3.1-8b', gpu: 'a100-sxm4-80gb', inputTokens: 1000, outputTokens: 200 };
    const best = (
      await runOperation<Data, { input: Record<string, unknown>; tpot: number }>(app, query, { input, tpot })
    ).data?.bestWeightFormat;
    if (!best) throw new Error('no best format');
    for (const weightFormat of ['FP32', 'BF16', 'FP16', 'FP8', 'INT8', 'INT4']) {
      const other = await runOperation<Data, { input: Record<string, unknown>; tpot: number }>(app, query, {
        input: { ...input, weightFormat },
        tpot,
      });
      const c = other.data?.maxConcurrencyWithin ?? 0;
      if (c === 0) continue;
      const t = estimate({
        model: catalogModel('llama-3.1-8b'),
        gpu: catalogGpu('a100-sxm4-80gb'),
        gpuCount: 1,
        weightFormat: weightFormat as 'FP16',
        kvCacheFormat: 'FP16',
        inputTokens: 1000,
        outputTokens: 200,
        batchSize: c,
      }).timing;
      expect(best.serving.outputTokensPerSecondPerGpu, weightFormat).toBeGreaterThanOrEqual(
        t.outputTokensPerSecond * (1 - 1e-9),
      );
    }
    if (best.computeFormat !== best.weightFormat) expect(best.formatNote).toContain(best.weightFormat);
  });
});
