import { type Estimate, type EstimateRequest, estimate, type ModelAnalysis } from '../core/index.js';
import type { Context } from './context.js';
import { withCoreInputErrors } from './errors.js';

/**
 * Lazy core estimates for validated requests. Each distinct model is analysed once (catalog models
 * once per app, custom ones once per request); the estimates compute their parts only when a field
 * asks. Synchronous when every analysis is at hand (catalog models), so that graphql-js completes
 * the result without a promise per field.
 */
export function buildEstimates(
  path: string,
  requests: EstimateRequest[],
  ctx: Context,
): Estimate[] | Promise<Estimate[]> {
  const analyses = requests.map((request) => ctx.analysisOf(request.model));
  const build = (resolved: readonly ModelAnalysis[]) =>
    requests.map((request, i) => withCoreInputErrors(path, () => estimate(request, resolved[i])));
  if (analyses.some((analysis) => analysis instanceof Promise)) return Promise.all(analyses).then(build);
  return build(analyses as ModelAnalysis[]);
}
