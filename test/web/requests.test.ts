import { describe, expect, it } from 'vitest';
import { compareVariables, estimateVariables } from '../../web/src/lib/requests.js';
import { DEFAULT_STATE } from '../../web/src/lib/url-state.js';

describe('each view sends what its inputs set', () => {
  it('Fit and Roofline send one EstimateInput with the workload', () => {
    expect(estimateVariables({ ...DEFAULT_STATE, gpuCount: 2, batchSize: 4 })).toEqual({
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

  it('Compare sends one model across the chosen GPUs and weight formats', () => {
    const variables = compareVariables({
      ...DEFAULT_STATE,
      gpus: ['l4', 'a10'],
      weightFormats: ['INT4'],
      kvCacheFormat: 'FP8',
    });
    expect(variables?.input).toMatchObject({
      models: [DEFAULT_STATE.model],
      gpus: ['l4', 'a10'],
      weightFormats: ['INT4'],
      kvCacheFormats: ['FP8'],
    });
  });

  it('asks nothing while a required pick is empty (the view shows its empty state)', () => {
    expect(estimateVariables({ ...DEFAULT_STATE, model: '' })).toBeNull();
    expect(estimateVariables({ ...DEFAULT_STATE, gpu: '' })).toBeNull();
    expect(compareVariables({ ...DEFAULT_STATE, gpus: [] })).toBeNull();
    expect(compareVariables({ ...DEFAULT_STATE, weightFormats: [] })).toBeNull();
  });
});
