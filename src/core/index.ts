/** The estimation core's public surface. Pure functions over plain data; no I/O, no GraphQL. */

export type { RangedMetric, RatioSpread } from './calibration/fitted-types.js';
export * from './checks.js';
export * from './estimate.js';
export * from './format-support.js';
export * from './formats.js';
export * from './layer-groups.js';
export * from './limits.js';
export * from './memory.js';
export * from './model.js';
export type * from './model-spec.js';
export { TENSOR_CLASSES } from './model-spec.js';
export * from './plan/shortcuts.js';
export * from './plan.js';
export * from './prices.js';
export * from './profiles.js';
export * from './quantization.js';
export * from './ranges.js';
export * from './resolve.js';
export * from './roofline.js';
export * from './serving.js';
export * from './sharding.js';
export * from './timing.js';
export * from './tuning.js';
export * from './types.js';
