import { describe, expect, it } from 'vitest';
import { compareVariables, estimateVariables } from '../../web/src/lib/requests.js';
import { DEFAULT_STATE } from '../../web/src/lib/url-state.js';

describe('each view sends what its inputs set', () => {
  it('Fit and Roofline send one EstimateInput with the workload', () => {
    expect(estimateVariables({ ...DEFAULT_STATE, gpuCount: 2, batchSize: 4 }, undefined)).toEqual({
      input: {
        model: DEFAULT_STATE.model,
        gpu: DEFAULT_STATE.gpu,
        gpuCount: 2,
        weightFormat: 'FP16',
        kvCacheFormat: 'FP16',
        inputTokens: DEFAULT_STATE.inputTokens,
        outputTokens: DEFAULT_STATE.outputTokens,
        batchSize: 4,
      },
    });
  });

  it('Fit sends a pipeline or data degree as parallelism (tensor = the GPU count) and lets the API multiply out the GPUs; Roofline never does', () => {
    const state = { ...DEFAULT_STATE, gpuCount: 2, pipeline: 1, data: 3 };
    const fit = estimateVariables(state, undefined, true)?.input;
    expect(fit?.parallelism).toEqual({ tensor: 2, pipeline: 1, data: 3 });
    expect(fit).not.toHaveProperty('gpuCount');
    // Every degree at 1 but the tensor one: the plain gpuCount, as before the split inputs.
    const plain = estimateVariables({ ...state, data: 1 }, undefined, true)?.input;
    expect(plain?.gpuCount).toBe(2);
    expect(plain).not.toHaveProperty('parallelism');
    // Roofline (no split inputs) ignores degrees left in the link by Fit.
    expect(estimateVariables(state, undefined)?.input.gpuCount).toBe(2);
  });

  it('Compare sends one model across the chosen GPUs and weight formats', () => {
    const variables = compareVariables(
      {
        ...DEFAULT_STATE,
        gpus: ['l4', 'a10'],
        weightFormats: ['INT4'],
        kvCacheFormat: 'FP8',
      },
      undefined,
    );
    expect(variables?.input).toMatchObject({
      models: [DEFAULT_STATE.model],
      gpus: ['l4', 'a10'],
      weightFormats: ['INT4'],
      kvCacheFormats: ['FP8'],
    });
  });

  it('asks nothing while a required pick is empty (the view shows its empty state)', () => {
    expect(estimateVariables({ ...DEFAULT_STATE, model: '' }, undefined)).toBeNull();
    expect(estimateVariables({ ...DEFAULT_STATE, gpu: '' }, undefined)).toBeNull();
    expect(compareVariables({ ...DEFAULT_STATE, gpus: [] }, undefined)).toBeNull();
    expect(compareVariables({ ...DEFAULT_STATE, weightFormats: [] }, undefined)).toBeNull();
    // A config.json chosen as the source but not pasted (or not in this browser): nothing to ask.
    expect(estimateVariables({ ...DEFAULT_STATE, modelSource: 'config', config: '' }, undefined)).toBeNull();
  });

  it('a pasted config.json replaces the catalog model in every request, and the catalog id is not sent', () => {
    const config = { model_type: 'llama', hidden_size: 2048 };
    const state = { ...DEFAULT_STATE, modelSource: 'config' as const, config: '0123abcd' };
    const estimate = estimateVariables(state, config)?.input;
    expect(estimate?.modelConfig).toBe(config);
    expect(estimate).not.toHaveProperty('model');
    const compare = compareVariables(state, config)?.input;
    expect(compare?.modelConfigs).toEqual([config]);
    expect(compare).not.toHaveProperty('models');
    // Back on the catalog, the pasted config is ignored.
    expect(estimateVariables({ ...state, modelSource: 'catalog' }, config)?.input.model).toBe(
      DEFAULT_STATE.model,
    );
  });
});
