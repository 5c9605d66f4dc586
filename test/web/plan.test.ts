import { describe, expect, it } from 'vitest';
import { layoutLabel, PLAN_LIMIT, planVariables } from '../../web/src/lib/plan.js';
import { DEFAULT_STATE } from '../../web/src/lib/url-state.js';

describe('the plan request', () => {
  it('sends the targets in seconds, the rate, the search space and the objective', () => {
    const variables = planVariables(
      {
        ...DEFAULT_STATE,
        maxTtftMs: 1500,
        maxTpotMs: 40,
        requestsPerSecond: 2.5,
        planGpus: ['h100-sxm5-80gb', 'l40s'],
        planWeightFormats: ['FP8'],
        maxGpus: 16,
        objective: 'GPU_COUNT',
      },
      undefined,
    );
    expect(variables?.input).toEqual({
      model: DEFAULT_STATE.model,
      inputTokens: DEFAULT_STATE.inputTokens,
      outputTokens: DEFAULT_STATE.outputTokens,
      requestsPerSecond: 2.5,
      // 1500 ms = 1.5 s, 40 ms = 0.04 s
      maxTimeToFirstTokenSeconds: 1.5,
      maxTimePerOutputTokenSeconds: 0.04,
      gpus: ['h100-sxm5-80gb', 'l40s'],
      weightFormats: ['FP8'],
      maxGpus: 16,
      objective: 'GPU_COUNT',
      limit: PLAN_LIMIT,
    });
  });

  it('leaves out limits of 0, a rate of 0 and empty lists, so the API applies its defaults', () => {
    const input =
      planVariables({ ...DEFAULT_STATE, maxTtftMs: 0, maxTpotMs: 0, requestsPerSecond: 0 }, undefined)
        ?.input ?? {};
    for (const key of [
      'maxTimeToFirstTokenSeconds',
      'maxTimePerOutputTokenSeconds',
      'requestsPerSecond',
      'gpus',
      'weightFormats',
    ]) {
      expect(input).not.toHaveProperty(key);
    }
    expect(planVariables({ ...DEFAULT_STATE, model: '' }, undefined)).toBeNull();
  });

  it('plans for a pasted config.json instead of the catalog model', () => {
    const config = { model_type: 'llama' };
    const input = planVariables(
      { ...DEFAULT_STATE, modelSource: 'config', config: '0123abcd' },
      config,
    )?.input;
    expect(input?.modelConfig).toBe(config);
    expect(input).not.toHaveProperty('model');
  });
});

describe('layoutLabel', () => {
  it('names the parallel dimensions above 1, tensor always', () => {
    expect(layoutLabel({ tensor: 1, pipeline: 1, expert: 1, data: 1 })).toBe('TP1');
    expect(layoutLabel({ tensor: 4, pipeline: 2, expert: 1, data: 1 })).toBe('TP4 × PP2');
    expect(layoutLabel({ tensor: 8, pipeline: 1, expert: 8, data: 2 })).toBe('TP8 × EP8 × DP2');
  });
});
