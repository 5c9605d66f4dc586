import { describe, expect, it } from 'vitest';
import {
  bestWithinLimits,
  CURVE_POINTS,
  limitsOf,
  meetsLimits,
  newSetup,
  servingErrors,
  servingVariables,
  setupLabels,
  spacedLabels,
  tpotLimitTokensPerSecond,
} from '../../web/src/lib/serving.js';
import { DEFAULT_STATE } from '../../web/src/lib/url-state.js';

/** A serving point with only what the limits and the ranking read. */
const point = (ttftMs: number, tpotMs: number, perGpu: number) => ({
  timeToFirstTokenSeconds: ttftMs / 1000,
  timePerOutputTokenSeconds: tpotMs / 1000,
  outputTokensPerSecondPerGpu: perGpu,
});

describe('the Serving view', () => {
  it('sends one request per setup: the shared model and workload, the setup’s GPU, split and formats, no gpuCount', () => {
    const split = { ...newSetup('h100-sxm5-80gb'), tensor: 4, data: 2, weightFormat: 'FP8' as const };
    const state = {
      ...DEFAULT_STATE,
      inputTokens: 2000,
      outputTokens: 300,
      prefixCachePercent: 37.5,
      setups: [split, newSetup('l4')],
    };
    const variables = servingVariables(state, undefined);
    expect(variables).toHaveLength(2);
    expect(variables?.[0]).toEqual({
      points: CURVE_POINTS,
      atRate: false,
      input: {
        model: DEFAULT_STATE.model,
        gpu: 'h100-sxm5-80gb',
        parallelism: { tensor: 4, pipeline: 1, data: 2, expert: 1 },
        weightFormat: 'FP8',
        kvCacheFormat: 'FP16',
        inputTokens: 2000,
        outputTokens: 300,
        // 37.5 % of each prompt in the prefix cache: the API's share 37.5 / 100 = 0.375.
        prefixCacheHitRate: 0.375,
      },
    });
    expect(variables?.[1].input.gpu).toBe('l4');
    // No target rate (0): the point at a rate is left out and no rate is sent.
    expect(variables?.[0]).not.toHaveProperty('requestsPerSecond');
    // A target rate asks every setup for its point at that rate, in the same request.
    const rated = servingVariables({ ...state, servingRequestsPerSecond: 2.5 }, undefined);
    expect(rated?.map((v) => [v.atRate, v.requestsPerSecond])).toEqual([
      [true, 2.5],
      [true, 2.5],
    ]);
    expect(variables?.[1].input).not.toHaveProperty('gpuCount');
  });

  it('a setup with a model of its own sends that one; the others the view’s (catalog or pasted)', () => {
    const own = { ...newSetup('h100-sxm5-80gb'), model: 'llama-3.1-70b' };
    const state = { ...DEFAULT_STATE, setups: [own, newSetup('l4')] };
    expect(servingVariables(state, undefined)?.map((v) => v.input.model)).toEqual([
      'llama-3.1-70b',
      DEFAULT_STATE.model,
    ]);
    // The view's model a config not pasted here: nothing to ask while a setup relies on it, and the
    // setups with their own model alone can be asked.
    const config = { ...state, modelSource: 'config' as const, config: '0123abcd' };
    expect(servingVariables(config, undefined)).toBeNull();
    expect(servingVariables({ ...config, setups: [own] }, undefined)?.[0].input.model).toBe('llama-3.1-70b');
  });

  it('asks nothing without a setup or a model (the empty state), and sends a pasted config instead of the id', () => {
    expect(servingVariables({ ...DEFAULT_STATE, setups: [] }, undefined)).toBeNull();
    expect(servingVariables({ ...DEFAULT_STATE, model: '' }, undefined)).toBeNull();
    const config = { model_type: 'llama' };
    const state = { ...DEFAULT_STATE, modelSource: 'config' as const, config: '0123abcd' };
    expect(servingVariables(state, undefined)).toBeNull();
    const sent = servingVariables(state, config);
    expect(sent?.map((v) => v.input.modelConfig)).toEqual(DEFAULT_STATE.setups.map(() => config));
    expect(sent?.[0].input).not.toHaveProperty('model');
  });

  it('reads the limits in seconds, 0 ms as no limit', () => {
    expect(limitsOf({ maxTtftMs: 2000, maxTpotMs: 50 })).toEqual({ ttftSeconds: 2, tpotSeconds: 0.05 });
    expect(limitsOf({ maxTtftMs: 0, maxTpotMs: 0 })).toEqual({ ttftSeconds: null, tpotSeconds: null });
  });

  it('draws the TPOT limit at 1/TPOT tokens/s per user: 50 ms per token is 20 tokens/s', () => {
    expect(tpotLimitTokensPerSecond(limitsOf({ maxTtftMs: 0, maxTpotMs: 50 }))).toBeCloseTo(20, 12);
    // 40 ms: 1 / 0.04 = 25 tokens/s.
    expect(tpotLimitTokensPerSecond(limitsOf({ maxTtftMs: 0, maxTpotMs: 40 }))).toBeCloseTo(25, 12);
    expect(tpotLimitTokensPerSecond(limitsOf({ maxTtftMs: 0, maxTpotMs: 0 }))).toBeNull();
  });

  it('a point at a limit meets it; above it misses it; no limit is always met', () => {
    const limits = limitsOf({ maxTtftMs: 200, maxTpotMs: 40 });
    expect(meetsLimits(point(200, 40, 1), limits)).toEqual({ ttft: true, tpot: true });
    expect(meetsLimits(point(201, 39, 1), limits)).toEqual({ ttft: false, tpot: true });
    expect(meetsLimits(point(100, 41, 1), limits)).toEqual({ ttft: true, tpot: false });
    expect(meetsLimits(point(1e6, 1e6, 1), limitsOf({ maxTtftMs: 0, maxTpotMs: 0 }))).toEqual({
      ttft: true,
      tpot: true,
    });
  });

  it('the best point is the most tokens/s per GPU among those meeting both limits', () => {
    const limits = limitsOf({ maxTtftMs: 200, maxTpotMs: 40 });
    // A curve as concurrency grows: per-GPU throughput rises while the latencies grow.
    const curve = [
      point(100, 10, 50),
      point(120, 25, 300),
      point(150, 38, 420),
      point(180, 45, 480),
      point(250, 60, 500),
    ];
    // 480 and 500 miss TPOT (45, 60 ms > 40): the best within is 420.
    expect(bestWithinLimits(curve, limits)).toBe(curve[2]);
    // Without limits: the highest of all, 500.
    expect(bestWithinLimits(curve, limitsOf({ maxTtftMs: 0, maxTpotMs: 0 }))).toBe(curve[4]);
    // A TTFT limit of 110 ms leaves only the first point.
    expect(bestWithinLimits(curve, limitsOf({ maxTtftMs: 110, maxTpotMs: 0 }))).toBe(curve[0]);
    // Even one user misses a 5 ms TPOT: none.
    expect(bestWithinLimits(curve, limitsOf({ maxTtftMs: 0, maxTpotMs: 5 }))).toBeNull();
    expect(bestWithinLimits([], limits)).toBeNull();
  });

  it('labels setups by GPU, split and formats, numbering repeats so each line has its own name', () => {
    const name = (
      gpuName: string,
      tensor: number,
      data: number,
      kvCacheFormat = 'FP16',
      modelName = 'Llama',
    ) => ({
      modelName,
      gpuName,
      parallelism: { tensor, pipeline: 1, expert: 1, data },
      weightFormat: 'FP8',
      kvCacheFormat,
    });
    expect(setupLabels([name('H100', 4, 2), name('H100', 8, 1, 'FP8'), name('H100', 4, 2)])).toEqual([
      'H100 · TP4 × DP2 · FP8',
      'H100 · TP8 · FP8, KV FP8',
      'H100 · TP4 × DP2 · FP8 (2)',
    ]);
    // Two models: each label starts with its model's name.
    expect(setupLabels([name('H100', 1, 1), name('H100', 1, 1, 'FP16', 'Mistral')])).toEqual([
      'Llama · H100 · TP1 · FP8',
      'Mistral · H100 · TP1 · FP8',
    ]);
  });

  it('puts each setup’s errors beside its inputs, shared inputs’ errors once, and the rest as general', () => {
    const split = 'tensor = 3: the 32 attention heads must divide evenly over the tensor-parallel GPUs';
    const prompt = 'input.inputTokens = 0 is out of range';
    const { shared, perSetup, general } = servingErrors([
      [
        { message: split, field: 'input.parallelism', code: 'BAD_USER_INPUT' },
        { message: prompt, field: 'input.inputTokens' },
      ],
      [{ message: prompt, field: 'input.inputTokens' }],
      [{ message: 'unknown GPU "h1000"', field: 'input.gpu', code: 'NOT_FOUND' }, { message: 'overloaded' }],
    ]);
    expect(perSetup).toEqual([{ parallelism: [split] }, {}, { gpu: ['unknown GPU "h1000"'] }]);
    expect(shared).toEqual({ inputTokens: [prompt] });
    expect(general).toEqual(['Setup 3: overloaded']);

    // The prefix-cache share is shared: its error shows once, beside the percent field.
    const hit = 'input.prefixCacheHitRate = 1 is out of range (0 to under 1)';
    const cache = servingErrors([[{ message: hit, field: 'input.prefixCacheHitRate' }], []]);
    expect(cache.shared).toEqual({ prefixCachePercent: [hit] });
    expect(cache.perSetup).toEqual([{}, {}]);

    // The target rate's error names the serving point's argument; it shows beside the shared rate field.
    const rate = 'serving.requestsPerSecond = 0 is out of range (above 0)';
    const target = servingErrors([[{ message: rate, field: 'serving.requestsPerSecond' }]]);
    expect(target.shared).toEqual({ servingRequestsPerSecond: [rate] });
    expect(target.general).toEqual([]);

    // A model error goes beside the setup's own model field, else beside the view's model.
    const unknown = [{ message: 'unknown model "x"', field: 'input.model', code: 'NOT_FOUND' }];
    const routed = servingErrors([unknown, unknown], [true, false]);
    expect(routed.perSetup).toEqual([{ model: ['unknown model "x"'] }, {}]);
    expect(routed.shared).toEqual({ model: ['unknown model "x"'] });
  });

  it('labels points no closer than 5% of the plot to the last labelled one (x on the log axis), always the ends', () => {
    const x: [number, number] = [1, 100];
    const y: [number, number] = [0, 100];
    // Normalised: x = ln(x) / ln(100), y = y / 100. (1.05, 1) is 0.0106 and 0.01 from (1, 0): 0.015 away, too close;
    // (10, 50) is (0.5, 0.5): 0.71 away; (11, 52) is 0.021 and 0.02 from it: 0.029, too close; (100, 100) far.
    const curve = [
      { x: 1, y: 0 },
      { x: 1.05, y: 1 },
      { x: 10, y: 50 },
      { x: 11, y: 52 },
      { x: 100, y: 100 },
    ];
    expect(spacedLabels(curve, x, y)).toEqual([true, false, true, false, true]);
    // The last point (98, 99) is 0.0044 and 0.01 from (100, 100): it takes that point's label.
    const crowdedEnd = [
      { x: 1, y: 0 },
      { x: 10, y: 50 },
      { x: 100, y: 100 },
      { x: 98, y: 99 },
    ];
    expect(spacedLabels(crowdedEnd, x, y)).toEqual([true, true, false, true]);
    expect(spacedLabels([{ x: 5, y: 5 }], x, y)).toEqual([true]);
    expect(spacedLabels([], x, y)).toEqual([]);
  });
});
