/** The API variables each view sends, from the app state: only what that view's inputs set. */
import type { CompareGpusQueryVariables, FitEstimateQueryVariables } from '../gql/graphql.js';
import type { JsonObject } from './config-store.js';
import type { AppState } from './url-state.js';

/**
 * The request's model: the catalog id, or the pasted config.json (`modelConfig`: the config the
 * state's key names, if this browser has it); null while the chosen one is missing.
 */
export function modelOf(
  state: AppState,
  modelConfig: JsonObject | undefined,
): { model: string } | { modelConfig: JsonObject } | null {
  if (state.modelSource === 'config') return modelConfig === undefined ? null : { modelConfig };
  return state.model === '' ? null : { model: state.model };
}

/**
 * EstimateInput for Fit and Roofline, or null while the model or the GPU is empty. With `split`
 * (Fit's pipeline and data inputs) and a pipeline or data degree above 1, the GPUs go as
 * parallelism (tensor = gpuCount) and gpuCount is left for the API to multiply out.
 */
export function estimateVariables(
  state: AppState,
  modelConfig: JsonObject | undefined,
  split = false,
): FitEstimateQueryVariables | null {
  const model = modelOf(state, modelConfig);
  if (model === null || state.gpu === '') return null;
  const gpus =
    split && (state.pipeline !== 1 || state.data !== 1)
      ? { parallelism: { tensor: state.gpuCount, pipeline: state.pipeline, data: state.data } }
      : { gpuCount: state.gpuCount };
  return {
    input: {
      ...model,
      gpu: state.gpu,
      ...gpus,
      weightFormat: state.weightFormat,
      kvCacheFormat: state.kvCacheFormat,
      inputTokens: state.inputTokens,
      outputTokens: state.outputTokens,
      batchSize: state.batchSize,
    },
  };
}

/** CompareInput for one model across the chosen GPUs and weight formats; null while a list is empty. */
export function compareVariables(
  state: AppState,
  modelConfig: JsonObject | undefined,
): CompareGpusQueryVariables | null {
  const model = modelOf(state, modelConfig);
  if (model === null || state.gpus.length === 0 || state.weightFormats.length === 0) return null;
  return {
    input: {
      ...('model' in model ? { models: [model.model] } : { modelConfigs: [model.modelConfig] }),
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
  modelConfig: 'modelConfig',
  gpu: 'gpu',
  gpuCount: 'gpuCount',
  // A refused split names the whole parallelism: its message goes under the split's inputs.
  parallelism: 'parallelism',
  weightFormat: 'weightFormat',
  kvCacheFormat: 'kvCacheFormat',
  inputTokens: 'inputTokens',
  outputTokens: 'outputTokens',
  batchSize: 'batchSize',
};

export const COMPARE_INPUTS: Record<string, string> = {
  models: 'model',
  modelConfigs: 'modelConfig',
  gpus: 'gpus',
  weightFormats: 'weightFormats',
  kvCacheFormats: 'kvCacheFormat',
  gpuCount: 'gpuCount',
  inputTokens: 'inputTokens',
  outputTokens: 'outputTokens',
  batchSize: 'batchSize',
};
