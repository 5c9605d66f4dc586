import DataLoader from 'dataloader';
import { analyzeModel, type ModelAnalysis, type ModelSpec } from '../core/index.js';
import { modelKey } from './model-key.js';

/** The model-side analysis the estimates share; injectable so tests can count calls. */
export type AnalyzeModel = (model: ModelSpec) => ModelAnalysis;

/** Caps on the shape of one operation, checked before any resolver runs (absent = unlimited). */
export interface QueryLimits {
  /** Summed field complexity; `compare` counts one unit per estimate and per estimate field. */
  complexity?: number;
  depth?: number;
  breadth?: number;
}

export interface ContextOptions {
  analyzeModel?: AnalyzeModel;
  queryLimits?: QueryLimits;
}

/** What every resolver gets: request-scoped loaders and the caps of this request. */
export interface Context {
  /** One analysis per distinct model per request, however many estimates and fields ask for it. */
  analyses: DataLoader<ModelSpec, ModelAnalysis, string>;
  queryLimits: QueryLimits;
}

/** Builds a fresh context per request, so nothing is cached across requests. */
export function createContextFactory(options: ContextOptions = {}): () => Context {
  const analyze = options.analyzeModel ?? analyzeModel;
  const queryLimits = options.queryLimits ?? {};
  return () => ({
    analyses: new DataLoader<ModelSpec, ModelAnalysis, string>(async (models) => models.map(analyze), {
      cacheKeyFn: modelKey,
    }),
    queryLimits,
  });
}
