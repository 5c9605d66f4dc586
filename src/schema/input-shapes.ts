/**
 * What the input helpers (validation, resolve-input, compare-plan) read from the GraphQL inputs. The Pothos
 * input types in types/inputs.ts produce objects of these shapes (the resolvers pass them in, so the compiler
 * checks that they match); declaring them here lets imports run one way, types/ -> helpers.
 */

import type { JsonObject } from '../core/architecture/index.js';
import type {
  EngineProfile,
  GpuGeneration,
  MemoryAssumptions,
  TuningField,
  WeightFormat,
  WeightQuantization,
} from '../core/index.js';

type Maybe<T> = T | null | undefined;

export type TuningInputShape = { [K in TuningField]?: Maybe<number> };
export type MemoryAssumptionsInputShape = { [K in keyof MemoryAssumptions]?: Maybe<MemoryAssumptions[K]> };

export interface CustomModelInputShape {
  name: string;
  layers: number;
  hiddenSize: number;
  intermediateSize: number;
  attentionHeads: number;
  kvHeads?: Maybe<number>;
  headDim?: Maybe<number>;
  vocabSize: number;
  contextWindow: number;
  slidingWindow?: Maybe<number>;
  experts?: Maybe<number>;
  expertsPerToken?: Maybe<number>;
  tiedEmbeddings?: Maybe<boolean>;
  gatedFfn?: Maybe<boolean>;
  attentionBias?: Maybe<boolean>;
}

export interface CustomGpuInputShape {
  name: string;
  memoryBytes: number;
  memoryBandwidthBytesPerSecond: number;
  peakFlops: { format: WeightFormat; flopsPerSecond: number }[];
  interconnectBandwidthBytesPerSecond?: Maybe<number>;
  tdpWatts?: Maybe<number>;
  generation?: Maybe<GpuGeneration>;
}

/** The workload fields EstimateInput and CompareInput share. */
export interface WorkloadInputShape {
  inputTokens: number;
  outputTokens: number;
  batchSize?: Maybe<number>;
  gpuCount?: Maybe<number>;
  parallelism?: Maybe<{
    tensor?: Maybe<number>;
    pipeline?: Maybe<number>;
    expert?: Maybe<number>;
    data?: Maybe<number>;
  }>;
  gpusPerNode?: Maybe<number>;
  networkGigabitsPerSecondPerGpu?: Maybe<number>;
  prefixCacheHitRate?: Maybe<number>;
  speculativeDecoding?: Maybe<{
    draftTokens: number;
    acceptedTokensPerStep: number;
    draftModel?: Maybe<string | number>;
  }>;
  disaggregation?: Maybe<{
    prefillGpuCount: number;
    prefillParallelism?: Maybe<{
      tensor?: Maybe<number>;
      pipeline?: Maybe<number>;
      expert?: Maybe<number>;
      data?: Maybe<number>;
    }>;
  }>;
  engine?: Maybe<EngineProfile>;
  tuning?: Maybe<TuningInputShape>;
  memoryAssumptions?: Maybe<MemoryAssumptionsInputShape>;
}

export interface EstimateInputShape extends WorkloadInputShape {
  model?: Maybe<string | number>;
  customModel?: Maybe<CustomModelInputShape>;
  /** A HuggingFace config.json (the JSONObject scalar). */
  modelConfig?: Maybe<JsonObject>;
  gpu?: Maybe<string | number>;
  customGpu?: Maybe<CustomGpuInputShape>;
  weightFormat?: Maybe<WeightFormat>;
  weightQuantization?: Maybe<WeightQuantization>;
  kvCacheFormat?: Maybe<WeightFormat>;
  computeFormat?: Maybe<WeightFormat>;
}

export interface CompareInputShape extends WorkloadInputShape {
  models?: Maybe<(string | number)[]>;
  customModels?: Maybe<CustomModelInputShape[]>;
  modelConfigs?: Maybe<JsonObject[]>;
  gpus?: Maybe<(string | number)[]>;
  customGpus?: Maybe<CustomGpuInputShape[]>;
  weightFormats?: Maybe<WeightFormat[]>;
  kvCacheFormats?: Maybe<WeightFormat[]>;
}
