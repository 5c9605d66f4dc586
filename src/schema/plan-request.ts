/**
 * PlanInput -> the core's PlanRequest: checks every field (BAD_USER_INPUT naming it), looks up
 * ids (NOT_FOUND), fills defaults. The search size is checked first, before any lookup.
 */

import type { JsonObject } from '../core/architecture/index.js';
import { GPUS } from '../core/catalog/index.js';
import {
  checkInteger,
  checkPlanNumbers,
  checkRange,
  configurationsIn,
  type EngineProfile,
  GPU_PRICES,
  type GpuSpec,
  LIMITS,
  type NumberFormat,
  PLAN_CONFIGURATIONS_PER_ESTIMATE,
  PLAN_SEARCH_LIMIT,
  type PlanObjective,
  type PlanRequest,
  type PlanSize,
  planSizeOf,
  planSizeProblem,
  type WeightFormat,
} from '../core/index.js';
import { invalidInput, withCoreInputErrors } from './errors.js';
import type { CustomModelInputShape } from './input-shapes.js';
import { configModelSpec } from './model-config.js';
import { customModelSpec, lookupGpu, lookupModel } from './resolve-input.js';
import { checkStorageFormat, checkTokens, checkWeightFormat, requireExactlyOne } from './validation.js';

/** Formats a plan tries when the input names none: 16-bit, FP8 and the two integer weight formats; 16-bit and FP8 caches. */
export const DEFAULT_PLAN_WEIGHT_FORMATS: readonly WeightFormat[] = ['FP16', 'FP8', 'INT8', 'INT4'];
export const DEFAULT_PLAN_KV_CACHE_FORMATS: readonly NumberFormat[] = ['FP16', 'FP8'];
export const DEFAULT_MAX_GPUS = 64;

export interface PlanInputShape {
  model?: string | number | null;
  customModel?: CustomModelInputShape | null;
  modelConfig?: JsonObject | null;
  inputTokens: number;
  outputTokens: number;
  requestsPerSecond?: number | null;
  maxTimeToFirstTokenSeconds?: number | null;
  maxTimePerOutputTokenSeconds?: number | null;
  gpus?: readonly (string | number)[] | null;
  maxGpus?: number | null;
  weightFormats?: readonly WeightFormat[] | null;
  kvCacheFormats?: readonly WeightFormat[] | null;
  gpuPrices?: readonly { gpu: string | number; dollarsPerHour: number }[] | null;
  objective?: PlanObjective | null;
  limit?: number | null;
  engine?: EngineProfile | null;
}

/** The search size, from list lengths alone (omitted lists at their defaults). */
export function planSizeOfInput(input: PlanInputShape): PlanSize {
  return planSizeOf({
    gpus: input.gpus?.length ?? GPUS.length,
    maxGpus: input.maxGpus ?? DEFAULT_MAX_GPUS,
    weightFormats: input.weightFormats?.length ?? DEFAULT_PLAN_WEIGHT_FORMATS.length,
    kvCacheFormats: input.kvCacheFormats?.length ?? DEFAULT_PLAN_KV_CACHE_FORMATS.length,
  });
}

/** Refuses an empty or oversized search before anything is looked up or computed. */
export function checkPlanSize(path: string, input: PlanInputShape): void {
  const { maxGpus } = input;
  if (maxGpus !== null && maxGpus !== undefined) {
    const { min, max } = LIMITS.gpuCount;
    withCoreInputErrors(path, () => checkInteger('maxGpus', maxGpus, min, max));
  }
  for (const field of ['gpus', 'weightFormats', 'kvCacheFormats'] as const) {
    if (input[field]?.length === 0)
      throw invalidInput(`${path}.${field}`, 'give at least one, or omit the list');
  }
  const size = planSizeOfInput(input);
  const problem = planSizeProblem(size);
  if (problem !== null) throw invalidInput(path, problem, PLAN_SEARCH_LIMIT);
}

const given = (value: number | null | undefined) => value ?? undefined;

function prices(path: string, input: PlanInputShape, gpus: readonly GpuSpec[]): Map<string, number | null> {
  const table = new Map<string, number | null>(GPU_PRICES.map((p) => [p.gpu, p.dollarsPerHour]));
  for (const gpu of gpus) if (!table.has(gpu.id)) table.set(gpu.id, null);
  (input.gpuPrices ?? []).forEach((price, i) => {
    const gpu = lookupGpu(`${path}.gpuPrices[${i}].gpu`, String(price.gpu));
    const value = price.dollarsPerHour;
    const { min, max } = LIMITS.dollarsPerHour;
    withCoreInputErrors(`${path}.gpuPrices[${i}]`, () =>
      checkRange('dollarsPerHour', value, min, max, 'dollars per hour'),
    );
    table.set(gpu.id, value);
  });
  return table;
}

export function planRequestOf(path: string, input: PlanInputShape): PlanRequest {
  checkPlanSize(path, input);
  checkTokens(`${path}.inputTokens`, input.inputTokens);
  checkTokens(`${path}.outputTokens`, input.outputTokens);
  requireExactlyOne(
    path,
    'model',
    `customModel or ${path}.modelConfig`,
    Number(input.model != null) + Number(input.customModel != null) + Number(input.modelConfig != null),
  );
  const numbers = {
    requestsPerSecond: given(input.requestsPerSecond),
    maxTimeToFirstTokenSeconds: given(input.maxTimeToFirstTokenSeconds),
    maxTimePerOutputTokenSeconds: given(input.maxTimePerOutputTokenSeconds),
    maxGpus: input.maxGpus ?? DEFAULT_MAX_GPUS,
    limit: input.limit ?? 10,
  };
  withCoreInputErrors(path, () => checkPlanNumbers(numbers));
  const weightFormats = input.weightFormats ?? DEFAULT_PLAN_WEIGHT_FORMATS;
  const kvCacheFormats = (input.kvCacheFormats ?? DEFAULT_PLAN_KV_CACHE_FORMATS).map((f, i): NumberFormat => {
    checkStorageFormat(`${path}.kvCacheFormats[${i}]`, f);
    return f;
  });
  for (const [i, f] of weightFormats.entries()) checkWeightFormat(`${path}.weightFormats[${i}]`, f);

  const model = input.customModel
    ? customModelSpec(`${path}.customModel`, input.customModel)
    : input.modelConfig
      ? configModelSpec(`${path}.modelConfig`, input.modelConfig)
      : lookupModel(`${path}.model`, String(input.model));
  const window = model.contextWindow;
  if (input.inputTokens + input.outputTokens > window) {
    throw invalidInput(
      `${path}.inputTokens`,
      `inputTokens + outputTokens = ${input.inputTokens + input.outputTokens} exceeds ${model.id}'s context window of ${window} tokens`,
    );
  }
  const gpus = input.gpus ? input.gpus.map((id, i) => lookupGpu(`${path}.gpus[${i}]`, String(id))) : GPUS;
  return {
    model,
    inputTokens: input.inputTokens,
    outputTokens: input.outputTokens,
    ...numbers,
    gpus,
    weightFormats,
    kvCacheFormats,
    dollarsPerGpuHour: prices(path, input, gpus),
    objective: input.objective ?? 'COST',
    engine: input.engine ?? undefined,
  };
}

/** A plan input's count in the query cost and the estimate budget, from list lengths alone. */
export function planEstimateCount(input: PlanInputShape): number {
  return Math.ceil(configurationsIn(planSizeOfInput(input)) / PLAN_CONFIGURATIONS_PER_ESTIMATE);
}
