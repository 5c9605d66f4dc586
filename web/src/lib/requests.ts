/** The API variables each view sends, from the app state: only what that view's inputs set. */
import type { CompareGpusQueryVariables, FitEstimateQueryVariables } from '../gql/graphql.js';
import type { AppState } from './url-state.js';

/** EstimateInput for Fit and Roofline, or null while the model or the GPU is empty. */
export function estimateVariables(state: AppState): FitEstimateQueryVariables | null {
  if (state.model === '' || state.gpu === '') return null;
  return {
    input: {
      model: state.model,
      gpu: state.gpu,
      gpuCount: state.gpuCount,
      weightFormat: state.weightFormat,
      kvCacheFormat: state.kvCacheFormat,
      inputTokens: state.inputTokens,
      outputTokens: state.outputTokens,
      batchSize: state.batchSize,
    },
  };
}

/** CompareInput for one model across the chosen GPUs and weight formats; null while a list is empty. */
export function compareVariables(state: AppState): CompareGpusQueryVariables | null {
  if (state.model === '' || state.gpus.length === 0 || state.weightFormats.length === 0) return null;
  return {
    input: {
      models: [state.model],
      gpus: state.gpus,
      weightFormats: state.weightFormats,
      kvCacheFormats: [state.kvCacheFormat],
      gpuCount: state.gpuCount,
      inputTokens: state.inputTokens,
      outputTokens: state.outputTokens,
      batchSize: state.batchSize,
    },
  };
}

/** Which form input shows an error naming each API input (compare's lists map to the form's). */
export const ESTIMATE_INPUTS: Record<string, string> = {
  model: 'model',
  gpu: 'gpu',
  gpuCount: 'gpuCount',
  weightFormat: 'weightFormat',
  kvCacheFormat: 'kvCacheFormat',
  inputTokens: 'inputTokens',
  outputTokens: 'outputTokens',
  batchSize: 'batchSize',
};

export const COMPARE_INPUTS: Record<string, string> = {
  models: 'model',
  gpus: 'gpus',
  weightFormats: 'weightFormats',
  kvCacheFormats: 'kvCacheFormat',
  gpuCount: 'gpuCount',
  inputTokens: 'inputTokens',
  outputTokens: 'outputTokens',
  batchSize: 'batchSize',
};
