import { SUPPORTED_MODEL_TYPES } from './model-types.js';

/**
 * A config.json the adapters cannot read: `field` is the config path at fault (`text_config.head_dim`),
 * `problem` says what is wrong with it. The API turns it into BAD_USER_INPUT.
 */
export class ModelConfigError extends Error {
  readonly supportedModelTypes: readonly string[] = SUPPORTED_MODEL_TYPES;

  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'ModelConfigError';
  }
}
