/** The GraphQL schema: every type file registers into the builder, then the schema is built once. */
import { builder } from './builder.js';
import './types/query.js';
import './types/plan.js';
import './types/model-config.js';

export type { AnalyzeModel, Context, ContextOptions, QueryLimits } from './context.js';
export { createContextFactory } from './context.js';
export { COMPARE_LIMIT } from './validation.js';

export const schema = builder.toSchema();
export { ESTIMATE_COST, estimateCost, estimateCountOf } from './estimate-cost.js';
