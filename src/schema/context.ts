import DataLoader from 'dataloader';
import { MODELS } from '../core/catalog/index.js';
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
  /**
   * Keep the analyses of catalog models for the life of the app (the catalog is frozen, so they
   * never change); default true. Custom models are always analysed per request.
   */
  shareCatalogAnalyses?: boolean;
}

/** What every resolver gets: request-scoped loaders and the caps of this request. */
export interface Context {
  /** One analysis per distinct model per request, however many estimates and fields ask for it. */
  analyses: DataLoader<ModelSpec, ModelAnalysis, string>;
  /**
   * The analysis of a model: at once for a catalog model (shared by every request of the app),
   * else through `analyses`. Answering synchronously keeps a request on graphql-js's synchronous
   * path, which is much cheaper than completing 1,000 estimates through promises.
   */
  analysisOf(model: ModelSpec): ModelAnalysis | Promise<ModelAnalysis>;
  queryLimits: QueryLimits;
}

const CATALOG_MODELS: ReadonlySet<ModelSpec> = new Set(MODELS);

/**
 * Builds a fresh context per request. Only catalog models' analyses outlive a request (one per
 * catalog model for the factory's life, so at most the catalog's size); everything else is
 * request-scoped.
 */
export function createContextFactory(options: ContextOptions = {}): () => Context {
  const analyze = options.analyzeModel ?? analyzeModel;
  const queryLimits = options.queryLimits ?? {};
  const catalogAnalyses = options.shareCatalogAnalyses === false ? null : new Map<ModelSpec, ModelAnalysis>();
  return () => {
    const analyses = new DataLoader<ModelSpec, ModelAnalysis, string>(async (models) => models.map(analyze), {
      cacheKeyFn: modelKey,
    });
    return {
      analyses,
      analysisOf(model) {
        if (catalogAnalyses === null || !CATALOG_MODELS.has(model)) return analyses.load(model);
        let analysis = catalogAnalyses.get(model);
        if (analysis === undefined) {
          analysis = analyze(model);
          catalogAnalyses.set(model, analysis);
        }
        return analysis;
      },
      queryLimits,
    };
  };
}
