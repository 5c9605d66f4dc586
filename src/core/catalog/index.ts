/**
 * The built-in catalog: models and GPUs as immutable data, with case-insensitive lookup by id or alias.
 */
import type { GpuSpec, ModelSpec } from '../types.js';
import { CONFIG_MODELS } from './configs/index.js';
import { BUILTIN_GPUS } from './gpus.js';
import { GPUS_2025 } from './gpus-2025.js';
import { BUILTIN_MODELS } from './models.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
    Object.freeze(value);
  }
  return value;
}

/** Normalises an id or alias for lookup: trimmed, lower-case. */
export function catalogKey(idOrAlias: string): string {
  return idOrAlias.trim().toLowerCase();
}

function buildIndex<T extends { id: string; aliases: readonly string[] }>(
  entries: readonly T[],
  kind: string,
): ReadonlyMap<string, T> {
  const index = new Map<string, T>();
  for (const entry of entries) {
    for (const name of [entry.id, ...entry.aliases]) {
      const key = catalogKey(name);
      const existing = index.get(key);
      if (existing !== undefined && existing !== entry) {
        throw new Error(`catalog: ${kind} name "${name}" is used by both "${existing.id}" and "${entry.id}"`);
      }
      index.set(key, entry);
    }
  }
  return index;
}

/** Built-in models, in catalog order: the 2023-era specs, then the models kept as config.json. Frozen. */
export const MODELS: readonly ModelSpec[] = deepFreeze([...BUILTIN_MODELS, ...CONFIG_MODELS]);

/** Built-in GPUs, in catalog order. Frozen. */
export const GPUS: readonly GpuSpec[] = deepFreeze([...BUILTIN_GPUS, ...GPUS_2025]);

const MODEL_INDEX = buildIndex(MODELS, 'model');
const GPU_INDEX = buildIndex(GPUS, 'GPU');

/** A model by catalog id or alias, case-insensitive, surrounding spaces ignored. */
export function findModel(idOrAlias: string): ModelSpec | undefined {
  return MODEL_INDEX.get(catalogKey(idOrAlias));
}

/** A GPU by catalog id or alias, case-insensitive, surrounding spaces ignored. */
export function findGpu(idOrAlias: string): GpuSpec | undefined {
  return GPU_INDEX.get(catalogKey(idOrAlias));
}

/** Catalog model ids, in catalog order. */
export function modelIds(): string[] {
  return MODELS.map((m) => m.id);
}

/** Catalog GPU ids, in catalog order. */
export function gpuIds(): string[] {
  return GPUS.map((g) => g.id);
}
