import { ModelConfigError } from './errors.js';

/** A JSON object as config.json holds it. */
export type JsonObject = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An integer range a field must fall in. */
export interface IntRange {
  min: number;
  max: number;
}

/**
 * Typed reads of one config object. Every failure is a ModelConfigError naming the field by its
 * path in the pasted config (`text_config.num_hidden_layers`); absent and `null` both count as
 * missing, as transformers treats them.
 */
export class ConfigReader {
  constructor(
    readonly config: JsonObject,
    /** Path of this object inside the pasted config, '' at the top. */
    readonly path = '',
  ) {}

  field(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  has(key: string): boolean {
    const value = this.config[key];
    return value !== undefined && value !== null;
  }

  /** A required integer within `range`. */
  int(key: string, range: IntRange, what: string): number {
    const value = this.config[key];
    if (value === undefined || value === null) {
      throw new ModelConfigError(this.field(key), `is missing (${what})`);
    }
    return this.checkInt(key, value, range);
  }

  /** An optional integer within `range`; `fallback` when absent or null. */
  optInt<T extends number | null>(key: string, range: IntRange, fallback: T): number | T {
    const value = this.config[key];
    if (value === undefined || value === null) return fallback;
    return this.checkInt(key, value, range);
  }

  bool(key: string, fallback: boolean): boolean {
    const value = this.config[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') throw new ModelConfigError(this.field(key), 'must be true or false');
    return value;
  }

  optString(key: string): string | null {
    const value = this.config[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') throw new ModelConfigError(this.field(key), 'must be a string');
    return value;
  }

  /** An optional list of at most `maxLength` entries; null when absent. */
  optList(key: string, maxLength: number): unknown[] | null {
    const value = this.config[key];
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) throw new ModelConfigError(this.field(key), 'must be a list');
    if (value.length > maxLength) {
      throw new ModelConfigError(
        this.field(key),
        `has ${value.length} entries; at most ${maxLength} are allowed`,
      );
    }
    return value;
  }

  /** An optional list of integers within `range`, at most `maxLength` of them; null when absent. */
  optIntList(key: string, maxLength: number, range: IntRange): number[] | null {
    const list = this.optList(key, maxLength);
    if (list === null) return null;
    return list.map((entry, index) => this.checkInt(`${key}[${index}]`, entry, range));
  }

  /** A nested object (text_config, quantization_config); null when absent. */
  optObject(key: string): ConfigReader | null {
    const value = this.config[key];
    if (value === undefined || value === null) return null;
    if (!isJsonObject(value)) throw new ModelConfigError(this.field(key), 'must be an object');
    return new ConfigReader(value, this.field(key));
  }

  private checkInt(key: string, value: unknown, { min, max }: IntRange): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new ModelConfigError(
        this.field(key),
        `is ${JSON.stringify(value)}; it must be an integer from ${min} to ${max}`,
      );
    }
    return value;
  }
}
