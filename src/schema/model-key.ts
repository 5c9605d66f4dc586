import { findModel } from '../core/catalog/index.js';
import type { ModelSpec } from '../core/index.js';

/**
 * A stable cache key for a model: its catalog id, or for a custom model its whole architecture
 * as JSON (two custom models with the same fields share one analysis).
 */
export function modelKey(model: ModelSpec): string {
  return findModel(model.id) === model ? `catalog:${model.id}` : `custom:${JSON.stringify(model)}`;
}
