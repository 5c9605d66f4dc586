import { findGpu, findModel } from '../../src/core/catalog/index.js';
import type { EstimateRequest, GpuSpec, ModelSpec } from '../../src/core/index.js';

export function catalogModel(id: string): ModelSpec {
  const model = findModel(id);
  if (!model) throw new Error(`test setup: no catalog model ${id}`);
  return model;
}

export function catalogGpu(id: string): GpuSpec {
  const gpu = findGpu(id);
  if (!gpu) throw new Error(`test setup: no catalog GPU ${id}`);
  return gpu;
}

/** A request with the API's defaults (FP16, batch 1, one GPU) and the given overrides. */
export function request(
  modelId: string,
  gpuId: string,
  overrides: Partial<EstimateRequest> = {},
): EstimateRequest {
  return {
    model: catalogModel(modelId),
    gpu: catalogGpu(gpuId),
    gpuCount: 1,
    weightFormat: 'FP16',
    kvCacheFormat: 'FP16',
    inputTokens: 512,
    outputTokens: 128,
    batchSize: 1,
    ...overrides,
  };
}
