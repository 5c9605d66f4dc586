import { type Estimate, type EstimateRequest, estimate } from '../core/index.js';
import type { Context } from './context.js';
import { withCoreInputErrors } from './errors.js';

/**
 * Lazy core estimates for validated requests. Analyses come from the request's DataLoader, so each
 * distinct model is analysed once; the estimates compute their parts only when a field asks.
 */
export async function buildEstimates(
  path: string,
  requests: EstimateRequest[],
  ctx: Context,
): Promise<Estimate[]> {
  const analyses = await Promise.all(requests.map((request) => ctx.analyses.load(request.model)));
  return requests.map((request, i) => withCoreInputErrors(path, () => estimate(request, analyses[i])));
}
