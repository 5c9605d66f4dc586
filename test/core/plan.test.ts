import { describe, expect, it } from 'vitest';
import { findGpu, GPUS } from '../../src/core/catalog/index.js';
import {
  EstimateInputError,
  estimate,
  GPU_PRICES,
  PLAN_SEARCH_LIMIT,
  type Plan,
  type PlanCandidate,
  type PlanRequest,
  plan,
  planExhaustive,
  planSizeProblem,
} from '../../src/core/index.js';
import { layoutsUpTo } from '../../src/core/plan/layouts.js';
import { catalogGpu, catalogModel } from './helpers.js';

const PRICES = new Map(GPU_PRICES.map((p) => [p.gpu, p.dollarsPerHour]));

function planRequest(overrides: Partial<PlanRequest> = {}): PlanRequest {
  return {
    model: catalogModel('llama-3.1-70b'),
    inputTokens: 2000,
    outputTokens: 300,
    requestsPerSecond: 20,
    maxTimeToFirstTokenSeconds: 1,
    maxTimePerOutputTokenSeconds: 0.04,
    gpus: GPUS,
    maxGpus: 8,
    weightFormats: ['FP16', 'FP8', 'INT4'],
    kvCacheFormats: ['FP16', 'FP8'],
    dollarsPerGpuHour: PRICES,
    objective: 'COST',
    limit: 10_000,
    ...overrides,
  };
}

/** The deployment a candidate stands for, as a key. */
function key(c: PlanCandidate): string {
  return `${c.gpu.id} x${c.gpuCount} ${c.weightFormat}/${c.kvCacheFormat}`;
}

/** Re-estimates a candidate through the public estimate at its own settings and checks every target. */
function expectMeetsTargets(request: PlanRequest, c: PlanCandidate): void {
  const deployment = {
    model: request.model,
    gpu: c.gpu,
    gpuCount: c.gpuCount,
    parallelism: c.parallelism,
    weightFormat: c.weightFormat,
    kvCacheFormat: c.kvCacheFormat,
    inputTokens: request.inputTokens,
    outputTokens: request.outputTokens,
  };
  // Memory: the concurrency's sequences fit at once; latency: the serving point at that concurrency.
  expect(estimate({ ...deployment, batchSize: c.concurrencyPerReplica }).memory.fits, key(c)).toBe(true);
  const point = estimate({ ...deployment, batchSize: 1 }).serving({ concurrency: c.concurrencyPerReplica });
  if (request.maxTimeToFirstTokenSeconds !== undefined) {
    expect(point.timeToFirstTokenSeconds, key(c)).toBeLessThanOrEqual(request.maxTimeToFirstTokenSeconds);
  }
  if (request.maxTimePerOutputTokenSeconds !== undefined) {
    expect(point.timePerOutputTokenSeconds, key(c)).toBeLessThanOrEqual(request.maxTimePerOutputTokenSeconds);
  }
  // Little's law: each replica carries concurrency / e2e requests per second; the replicas carry the rate, one fewer would not.
  const perReplica = c.concurrencyPerReplica / point.e2eSeconds;
  const rps = request.requestsPerSecond ?? perReplica;
  expect(c.replicas * perReplica).toBeGreaterThanOrEqual(rps * (1 - 1e-12));
  expect((c.replicas - 1) * perReplica).toBeLessThan(rps);
}

function feasibleCount(p: Plan): number {
  return p.evaluated - p.rejected.reduce((sum, r) => sum + r.count, 0);
}

function rejectedFor(p: Plan, reason: string): number {
  return p.rejected.find((r) => r.reason === reason)?.count ?? 0;
}

const PLANS: [string, PlanRequest][] = [
  ['Llama-3.1-70B, 20 req/s, TTFT 1 s, TPOT 40 ms, by cost', planRequest()],
  [
    'Mixtral-8x7B, TPOT 25 ms only, by throughput per GPU',
    planRequest({
      model: catalogModel('mixtral-8x7b'),
      inputTokens: 1000,
      outputTokens: 500,
      maxTimeToFirstTokenSeconds: undefined,
      maxTimePerOutputTokenSeconds: 0.025,
      objective: 'THROUGHPUT_PER_GPU',
    }),
  ],
  [
    'Llama-3.1-8B, 100 req/s, TTFT 200 ms only, by GPU count',
    planRequest({
      model: catalogModel('llama-3.1-8b'),
      inputTokens: 512,
      outputTokens: 256,
      requestsPerSecond: 100,
      maxTimeToFirstTokenSeconds: 0.2,
      maxTimePerOutputTokenSeconds: undefined,
      objective: 'GPU_COUNT',
      maxGpus: 4,
    }),
  ],
  [
    'Mistral-7B, no rate, by latency',
    planRequest({
      model: catalogModel('mistral-7b'),
      inputTokens: 4000,
      outputTokens: 200,
      requestsPerSecond: undefined,
      maxTimeToFirstTokenSeconds: 2,
      maxTimePerOutputTokenSeconds: 0.05,
      objective: 'LATENCY',
      maxGpus: 2,
    }),
  ],
];

describe('plan: every candidate meets every target', () => {
  for (const [name, request] of PLANS) {
    it(name, () => {
      const p = plan(request);
      expect(p.candidates.length).toBeGreaterThan(0);
      for (const c of [...p.candidates, ...p.paretoFrontier]) expectMeetsTargets(request, c);
      // With no limit on the list, every configuration is either a candidate or counted once as rejected.
      expect(p.candidates).toHaveLength(feasibleCount(p));
    });
  }
});

describe('plan: the search', () => {
  it('finds exactly what scanning every concurrency of every configuration finds, with far fewer serving points', () => {
    const request = planRequest({
      model: catalogModel('mistral-7b'),
      inputTokens: 1000,
      outputTokens: 200,
      maxTimeToFirstTokenSeconds: 0.5,
      maxTimePerOutputTokenSeconds: 0.03,
      gpus: ['l4', 'a100-sxm4-80gb', 'h100-sxm5-80gb'].map(catalogGpu),
      maxGpus: 4,
    });
    // Every objective, with a short list (bounds prune) and a list as long as the answer (they cannot).
    const runs = [
      ['COST', 10_000],
      ['COST', 3],
      ['GPU_COUNT', 3],
      ['THROUGHPUT_PER_GPU', 3],
      ['LATENCY', 3],
    ] as const;
    for (const [objective, limit] of runs) {
      {
        const searched = plan({ ...request, objective, limit });
        const exhaustive = planExhaustive({ ...request, objective, limit });
        expect(searched.candidates, `${objective} ${limit}`).toEqual(exhaustive.candidates);
        expect(searched.paretoFrontier, `${objective} ${limit}`).toEqual(exhaustive.paretoFrontier);
        expect(searched.rejected).toEqual(exhaustive.rejected);
        expect(searched.evaluated).toBe(exhaustive.evaluated);
        expect(searched.servingPointsComputed * 10).toBeLessThan(exhaustive.servingPointsComputed);
      }
    }
    // The bounds did prune: a short list needs fewer serving points than the whole answer.
    const short = plan({ ...request, limit: 3 }).servingPointsComputed;
    expect(short).toBeLessThan(plan({ ...request, limit: 10_000 }).servingPointsComputed);
  });

  it('relies on TTFT and TPOT never falling as concurrency rises', () => {
    for (const [gpu, format] of [
      ['h100-sxm5-80gb', 'FP8'],
      ['l40s', 'INT4'],
    ] as const) {
      let previous = { ttft: 0, tpot: 0 };
      for (let c = 1; c <= 64; c++) {
        const t = estimate({
          model: catalogModel('llama-3.1-8b'),
          gpu: catalogGpu(gpu),
          gpuCount: 1,
          weightFormat: format,
          kvCacheFormat: 'FP16',
          inputTokens: 1500,
          outputTokens: 300,
          batchSize: c,
        }).timing;
        expect(t.timeToFirstTokenSeconds).toBeGreaterThanOrEqual(previous.ttft);
        expect(t.timePerOutputTokenSeconds).toBeGreaterThanOrEqual(previous.tpot);
        previous = { ttft: t.timeToFirstTokenSeconds, tpot: t.timePerOutputTokenSeconds };
      }
    }
  });

  it('raising a limit never removes a candidate that met the lower one, nor lowers its concurrency', () => {
    const pairs: [Partial<PlanRequest>, Partial<PlanRequest>][] = [
      [{ maxTimePerOutputTokenSeconds: 0.03 }, { maxTimePerOutputTokenSeconds: 0.05 }],
      [{ maxTimeToFirstTokenSeconds: 0.5 }, { maxTimeToFirstTokenSeconds: 2 }],
      [{ maxGpus: 4 }, { maxGpus: 8 }],
    ];
    for (const [lower, higher] of pairs) {
      const strict = plan(planRequest({ objective: 'THROUGHPUT_PER_GPU', ...lower }));
      const loose = new Map(
        plan(planRequest({ objective: 'THROUGHPUT_PER_GPU', ...higher })).candidates.map((c) => [key(c), c]),
      );
      expect(strict.candidates.length).toBeGreaterThan(0);
      for (const c of strict.candidates) {
        const again = loose.get(key(c));
        expect(again, key(c)).toBeDefined();
        expect(again?.concurrencyPerReplica).toBeGreaterThanOrEqual(c.concurrencyPerReplica);
      }
    }
  });

  it('no feasible configuration is an empty answer with every configuration counted by reason', () => {
    const p = plan(planRequest({ maxTimePerOutputTokenSeconds: 1e-5 }));
    expect(p.candidates).toEqual([]);
    expect(p.paretoFrontier).toEqual([]);
    expect(feasibleCount(p)).toBe(0);
    expect(rejectedFor(p, 'TIME_PER_OUTPUT_TOKEN')).toBeGreaterThan(0);
    // every GPU x 8 counts x 3 weight formats x 2 KV cache formats is looked at
    expect(p.evaluated).toBe(GPUS.length * 8 * 3 * 2);
  });

  it('a 70B model in FP16 does not fit one 80 GB GPU, and 3 GPUs cannot split 64 heads', () => {
    const p = plan(
      planRequest({
        gpus: [catalogGpu('h100-sxm5-80gb')],
        weightFormats: ['FP16'],
        kvCacheFormats: ['FP16'],
        maxGpus: 4,
        maxTimeToFirstTokenSeconds: undefined,
        maxTimePerOutputTokenSeconds: undefined,
      }),
    );
    // 70.6e9 parameters x 2 bytes = 141 GB: 1 GPU too small; 3 does not divide 64 heads; 2 and 4 serve.
    expect(rejectedFor(p, 'WEIGHTS_DO_NOT_FIT')).toBe(1);
    expect(rejectedFor(p, 'SPLIT_NOT_ALLOWED')).toBe(1);
    expect(p.candidates.map((c) => c.gpuCount).sort()).toEqual([2, 4]);
    // No targets: each deployment runs as many sequences as its KV cache holds.
    for (const c of p.candidates) expect(c.concurrencyPerReplica).toBe(c.maxConcurrencyPerReplica);
    expect(p.candidates[0].bindingConstraint).toMatch(/^KV_CAPACITY/);
  });
});

describe('plan: formats', () => {
  const p = plan(
    planRequest({
      model: catalogModel('llama-3.1-8b'),
      weightFormats: ['FP32', 'BF16', 'FP16', 'FP8', 'INT8', 'INT4'],
      kvCacheFormats: ['FP16', 'FP8', 'INT8', 'INT4'],
      maxGpus: 2,
      requestsPerSecond: 5,
    }),
  );

  it('a format the GPU cannot compute is only proposed with its fallback stated', () => {
    const fallbacks = p.candidates.filter((c) => c.computeFormat !== c.weightFormat);
    expect(fallbacks.length).toBeGreaterThan(0);
    for (const c of fallbacks) {
      expect(c.formatNote, key(c)).toContain(c.weightFormat);
      expect(c.formatNote, key(c)).toContain(c.computeFormat);
    }
    // An A100 has no FP8 tensor cores: its FP8 candidates run FP16 matmuls over unpacked weights.
    const a100Fp8 = p.candidates.find((c) => c.gpu.id === 'a100-sxm4-80gb' && c.weightFormat === 'FP8');
    expect(a100Fp8?.computeFormat).toBe('FP16');
    expect(a100Fp8?.formatNote).toMatch(/no FP8 compute path/);
  });

  it('never proposes what no engine serves: FP8 weights on Volta, INT4 KV caches, INT4 weights on AMD', () => {
    for (const c of p.candidates) {
      expect(c.gpu.generation === 'VOLTA' && c.weightFormat === 'FP8', key(c)).toBe(false);
      expect(c.kvCacheFormat, key(c)).not.toBe('INT4');
      expect(c.gpu.vendor === 'AMD' && c.weightFormat === 'INT4', key(c)).toBe(false);
    }
    expect(rejectedFor(p, 'FORMAT_UNSUPPORTED')).toBeGreaterThan(0);
  });
});

describe('plan: cost, replicas and the frontier', () => {
  const request = planRequest();
  const p = plan(request);

  it('ranks by the fleet cost when a rate is given; prices come from the table or the request', () => {
    const costs = p.candidates.map((c) => c.dollarsPerHour ?? Number.POSITIVE_INFINITY);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    const first = p.candidates[0];
    const price = PRICES.get(first.gpu.id) ?? 0;
    // dollars per hour of the fleet and dollars per million tokens of one replica are one price seen two ways
    expect(first.dollarsPerHour).toBeCloseTo(price * first.totalGpus, 9);
    const tokensPerHourPerReplica = first.serving.outputTokensPerSecond * 3600;
    expect(first.dollarsPerMillionOutputTokens).toBeCloseTo(
      ((first.dollarsPerHour ?? 0) / first.replicas / tokensPerHourPerReplica) * 1e6,
      9,
    );
    // Overriding that GPU's price 10x moves it down the list.
    const pricier = new Map(PRICES).set(first.gpu.id, price * 10);
    const again = plan({ ...request, dollarsPerGpuHour: pricier });
    expect(again.candidates[0].gpu.id).not.toBe(first.gpu.id);
    const same = again.candidates.find((c) => key(c) === key(first));
    expect(same?.dollarsPerHour).toBeCloseTo((first.dollarsPerHour ?? 0) * 10, 6);
  });

  it('energy per token at TDP is GPUs x TDP over the output token rate', () => {
    const c = p.candidates[0];
    const tdp = c.gpu.tdpWatts ?? 0;
    // e.g. 4 GPUs x 750 W = 3,000 J/s; at 1,500 tokens/s that is 2 J per token
    expect(c.joulesPerOutputTokenAtTdp).toBeCloseTo((c.gpuCount * tdp) / c.serving.outputTokensPerSecond, 9);
  });

  it('the frontier: no serving point of any candidate beats a frontier point on both axes', () => {
    const all = plan({ ...request, objective: 'THROUGHPUT_PER_GPU' });
    const points = [...all.candidates, ...all.paretoFrontier].map((c) => c.serving);
    expect(all.paretoFrontier.length).toBeGreaterThan(1);
    for (const f of all.paretoFrontier) {
      const beaten = points.some(
        (q) =>
          q.outputTokensPerSecondPerGpu > f.serving.outputTokensPerSecondPerGpu &&
          q.outputTokensPerSecondPerUser > f.serving.outputTokensPerSecondPerUser,
      );
      expect(beaten).toBe(false);
    }
    const perUser = all.paretoFrontier.map((c) => c.serving.outputTokensPerSecondPerUser);
    const perGpu = all.paretoFrontier.map((c) => c.serving.outputTokensPerSecondPerGpu);
    expect(perUser).toEqual([...perUser].sort((a, b) => b - a));
    expect(perGpu).toEqual([...perGpu].sort((a, b) => a - b));
  });
});

describe('plan: limits and prices', () => {
  it('a search past the cap is refused before any work, naming the inputs to narrow', () => {
    const size = { gpus: 100, layouts: 64, weightFormats: 6, kvCacheFormats: 6 };
    expect(size.gpus * size.layouts * 36).toBeGreaterThan(PLAN_SEARCH_LIMIT);
    expect(planSizeProblem(size)).toMatch(/narrow gpus, maxGpus, weightFormats or kvCacheFormats/);
    const many = Array.from({ length: 100 }, () => catalogGpu('h100-sxm5-80gb'));
    const all = ['FP32', 'BF16', 'FP16', 'FP8', 'INT8', 'INT4'] as const;
    expect(() =>
      plan(planRequest({ gpus: many, maxGpus: 64, weightFormats: all, kvCacheFormats: all })),
    ).toThrow(EstimateInputError);
  });

  it('every price in the table names a catalog GPU, its provider, its date and its source', () => {
    for (const entry of GPU_PRICES) {
      expect(findGpu(entry.gpu)?.id, entry.gpu).toBe(entry.gpu);
      if (entry.dollarsPerHour === null) {
        expect(entry.note, entry.gpu).toBeTruthy();
        continue;
      }
      expect(entry.dollarsPerHour).toBeGreaterThan(0);
      expect(entry.provider, entry.gpu).toBeTruthy();
      expect(entry.asOf, entry.gpu).toMatch(/^20(25|26)(-\d\d-\d\d)?$/);
      expect(entry.source, entry.gpu).toMatch(/^https:\/\//);
    }
  });
});

describe('plan: layouts', () => {
  it('inside a node tensor 1..8, past it tensor 8 x pipeline nodes; MoE models add expert parallelism', () => {
    const dense = layoutsUpTo(catalogModel('llama-3.1-70b'), 32).map((l) => l.parallelism);
    // 8 tensor-only layouts, then 8 x 2, 8 x 3, 8 x 4.
    expect(dense.map((p) => `${p.tensor}x${p.pipeline}`)).toEqual([
      '1x1',
      '2x1',
      '3x1',
      '4x1',
      '5x1',
      '6x1',
      '7x1',
      '8x1',
      '8x2',
      '8x3',
      '8x4',
    ]);
    const moe = layoutsUpTo(catalogModel('mixtral-8x7b'), 16).map((l) => l.parallelism);
    // Every layout with tensor > 1 has an expert-parallel twin (expert = tensor): 1 + 2 x 7 + 2 = 17.
    expect(moe).toHaveLength(17);
    expect(moe.filter((p) => p.expert > 1).every((p) => p.expert === p.tensor)).toBe(true);
    // Mixtral's 8 KV heads: tensor 3, 5, 6, 7 are refused; 8 experts: expert 3, 5, 6, 7 too.
    const refused = layoutsUpTo(catalogModel('mixtral-8x7b'), 8).filter((l) => l.refusal !== null);
    expect(refused.map((l) => l.parallelism.tensor).sort()).toEqual([3, 3, 5, 5, 6, 6, 7, 7]);
  });

  it('a model larger than a node is planned across nodes: Llama-3.1-405B in FP16 on H100s', () => {
    // 405.9e9 parameters x 2 B = 812 GB: more than 8 x 80 GB, so every candidate pipelines over nodes.
    const request = planRequest({
      model: catalogModel('llama-3.1-405b'),
      gpus: [catalogGpu('h100-sxm5-80gb')],
      weightFormats: ['FP16'],
      kvCacheFormats: ['FP16'],
      maxGpus: 32,
      requestsPerSecond: 1,
      maxTimeToFirstTokenSeconds: undefined,
      maxTimePerOutputTokenSeconds: 0.2,
    });
    const p = plan(request);
    expect(p.candidates.length).toBeGreaterThan(0);
    for (const c of p.candidates) {
      expect(c.parallelism.tensor).toBe(8);
      expect(c.parallelism.pipeline).toBeGreaterThanOrEqual(2);
      expectMeetsTargets(request, c);
    }
  });
});
