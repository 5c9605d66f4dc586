/**
 * CompareInput -> the list of EstimateRequests it asks for: models x GPUs x weight formats x KV
 * cache formats, in that nesting order (catalog entries, then custom models, then config.json models). The size is checked
 * against COMPARE_LIMIT before anything is looked up or computed.
 */
import type { EstimateRequest, NumberFormat, WeightFormat } from '../core/index.js';
import type { CompareInputShape } from './input-shapes.js';
import { configModelSpec } from './model-config.js';
import {
  customGpuSpec,
  customModelSpec,
  lookupGpu,
  lookupModel,
  withWorkload,
  workloadOf,
} from './resolve-input.js';
import {
  type CompareCounts,
  checkCompareSize,
  checkStorageFormat,
  checkWeightFormat,
  estimatesIn,
} from './validation.js';

/** How many of each dimension a comparison asks for (omitted formats default to [FP16]). */
export function compareCounts(input: CompareInputShape): CompareCounts {
  return {
    models:
      (input.models?.length ?? 0) + (input.customModels?.length ?? 0) + (input.modelConfigs?.length ?? 0),
    gpus: (input.gpus?.length ?? 0) + (input.customGpus?.length ?? 0),
    weightFormats: input.weightFormats?.length ?? 1,
    kvCacheFormats: input.kvCacheFormats?.length ?? 1,
  };
}

/** Estimates a comparison asks for: the product of its counts. */
export function compareSize(input: CompareInputShape): number {
  return estimatesIn(compareCounts(input));
}

export function comparePlan(path: string, input: CompareInputShape): EstimateRequest[] {
  checkCompareSize(path, compareCounts(input));
  const modelIds = input.models ?? [];
  const customModels = input.customModels ?? [];
  const gpuIds = input.gpus ?? [];
  const customGpus = input.customGpus ?? [];
  const weightFormats: WeightFormat[] = input.weightFormats ?? ['FP16'];
  const kvCacheFormats = (input.kvCacheFormats ?? ['FP16']) as NumberFormat[];

  const workload = workloadOf(path, input);
  for (const [i, format] of weightFormats.entries()) checkWeightFormat(`${path}.weightFormats[${i}]`, format);
  for (const [i, format] of kvCacheFormats.entries())
    checkStorageFormat(`${path}.kvCacheFormats[${i}]`, format);
  const models = [
    ...modelIds.map((id, i) => lookupModel(`${path}.models[${i}]`, String(id))),
    ...customModels.map((model, i) => customModelSpec(`${path}.customModels[${i}]`, model)),
    ...(input.modelConfigs ?? []).map((config, i) => configModelSpec(`${path}.modelConfigs[${i}]`, config)),
  ];
  const gpus = [
    ...gpuIds.map((id, i) => lookupGpu(`${path}.gpus[${i}]`, String(id))),
    ...customGpus.map((gpu, i) => customGpuSpec(`${path}.customGpus[${i}]`, gpu)),
  ];

  const requests: EstimateRequest[] = [];
  for (const model of models) {
    for (const gpu of gpus) {
      for (const weightFormat of weightFormats) {
        for (const kvCacheFormat of kvCacheFormats) {
          requests.push(withWorkload(workload, model, gpu, weightFormat, kvCacheFormat));
        }
      }
    }
  }
  return requests;
}
