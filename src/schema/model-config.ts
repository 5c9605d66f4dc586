/**
 * A pasted HuggingFace config.json -> a core ModelSpec, through the core's adapters; their
 * ModelConfigError becomes BAD_USER_INPUT naming the input path of the faulty config field.
 */
import { GraphQLError } from 'graphql';
import {
  type AdapterOptions,
  type JsonObject,
  ModelConfigError,
  modelFromConfig,
  SUPPORTED_MODEL_TYPES,
} from '../core/architecture/index.js';
import type { ModelSpec } from '../core/index.js';
import type { ErrorCode } from './errors.js';

export const CONFIG_SOURCE = 'config.json given in the request';
const MAX_NAME_LENGTH = 200;

/** The model's name: the config's `_name_or_path` (the HF repo it was saved from) or its model_type. */
function nameOf(config: JsonObject): string {
  for (const key of ['_name_or_path', 'model_type']) {
    const value = config[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, MAX_NAME_LENGTH);
  }
  return 'model';
}

export function configModelSpec(path: string, config: JsonObject, options: AdapterOptions = {}): ModelSpec {
  try {
    const name = nameOf(config);
    return modelFromConfig(config, { id: `config:${name}`, name, source: CONFIG_SOURCE }, options);
  } catch (error) {
    if (!(error instanceof ModelConfigError)) throw error;
    const field = error.field === '' ? path : `${path}.${error.field}`;
    const types = SUPPORTED_MODEL_TYPES.join(', ');
    const message = error.problem.includes(types)
      ? error.problem
      : `${error.problem}. Supported model types: ${types}`;
    throw new GraphQLError(`${field}: ${message}`, {
      extensions: {
        code: 'BAD_USER_INPUT' satisfies ErrorCode,
        field,
        supportedModelTypes: SUPPORTED_MODEL_TYPES,
      },
    });
  }
}
