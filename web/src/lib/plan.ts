/** The Plan view's request from the app state, and how a candidate deployment is named. */
import type { PlanDeploymentQueryVariables } from '../gql/graphql.js';
import type { JsonObject } from './config-store.js';
import { modelOf } from './requests.js';
import type { AppState } from './url-state.js';

/** Candidates the view asks for. */
export const PLAN_LIMIT = 10;

/** PlanInput from the state: limits of 0 and empty lists are left out (no target; the API's defaults). */
export function planVariables(
  state: AppState,
  modelConfig: JsonObject | undefined,
): PlanDeploymentQueryVariables | null {
  const model = modelOf(state, modelConfig);
  if (model === null) return null;
  return {
    input: {
      ...model,
      inputTokens: state.inputTokens,
      outputTokens: state.outputTokens,
      ...(state.requestsPerSecond > 0 ? { requestsPerSecond: state.requestsPerSecond } : {}),
      ...(state.maxTtftMs > 0 ? { maxTimeToFirstTokenSeconds: state.maxTtftMs / 1000 } : {}),
      ...(state.maxTpotMs > 0 ? { maxTimePerOutputTokenSeconds: state.maxTpotMs / 1000 } : {}),
      ...(state.planGpus.length > 0 ? { gpus: state.planGpus } : {}),
      ...(state.planWeightFormats.length > 0 ? { weightFormats: state.planWeightFormats } : {}),
      maxGpus: state.maxGpus,
      objective: state.objective,
      limit: PLAN_LIMIT,
    },
  };
}

export interface Layout {
  tensor: number;
  pipeline: number;
  expert: number;
  data: number;
}

/** 'TP4', 'TP2 × PP2', 'TP8 × EP8 × DP2': the parallel dimensions above 1 (TP1 for a single GPU). */
export function layoutLabel(layout: Layout): string {
  const parts = [
    ['TP', layout.tensor],
    ['PP', layout.pipeline],
    ['EP', layout.expert],
    ['DP', layout.data],
  ].filter(([, size], i) => i === 0 || (size as number) > 1);
  return parts.map(([name, size]) => `${name}${size}`).join(' × ');
}

/** Which form input shows an error naming each PlanInput field. */
export const PLAN_INPUTS: Record<string, string> = {
  model: 'model',
  modelConfig: 'modelConfig',
  inputTokens: 'inputTokens',
  outputTokens: 'outputTokens',
  requestsPerSecond: 'requestsPerSecond',
  maxTimeToFirstTokenSeconds: 'maxTtftMs',
  maxTimePerOutputTokenSeconds: 'maxTpotMs',
  gpus: 'planGpus',
  maxGpus: 'maxGpus',
  weightFormats: 'planWeightFormats',
  objective: 'objective',
};
