/**
 * Pasted config.json files. A config (a few KB) is too long for a link, so the URL holds a short
 * key derived from its content and the text itself stays in this browser's storage: a link with a
 * pasted config reproduces the view in the browser that pasted it, and elsewhere says to paste again.
 */

export type JsonObject = Record<string, unknown>;

/** The part of the Web Storage API used here (localStorage, or a stand-in where it is unavailable). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'llm-estimator.config.';
const INDEX = 'llm-estimator.configs';
/** Configs kept; the least recently pasted beyond this are dropped. */
export const KEPT_CONFIGS = 20;

/** The JSON object a text holds, or why it is not one. */
export function parseConfig(text: string): { config: JsonObject } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'A config.json is one JSON object ({ ... }).' };
  return { config: value as JsonObject };
}

/**
 * A short key for a config's content (FNV-1a, 32 bits, as 8 hex digits) over its compact JSON, so
 * the same config pasted with other spacing gets the same key.
 */
export function configKey(config: JsonObject): string {
  const text = JSON.stringify(config);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function readIndex(store: KeyValueStore): string[] {
  try {
    const keys: unknown = JSON.parse(store.getItem(INDEX) ?? '[]');
    return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

/** Keeps a config under its key (most recent first) and returns the key. */
export function storeConfig(store: KeyValueStore, config: JsonObject): string {
  const key = configKey(config);
  const keys = [key, ...readIndex(store).filter((k) => k !== key)];
  try {
    store.setItem(PREFIX + key, JSON.stringify(config));
    for (const old of keys.slice(KEPT_CONFIGS)) store.removeItem(PREFIX + old);
    store.setItem(INDEX, JSON.stringify(keys.slice(0, KEPT_CONFIGS)));
  } catch {
    // Storage full or refused: the app keeps its own copy for this page (model-config.ts).
  }
  return key;
}

/** The config stored under a key, if this browser has it. */
export function loadConfig(store: KeyValueStore, key: string): JsonObject | undefined {
  const text = store.getItem(PREFIX + key);
  if (text === null) return undefined;
  const parsed = parseConfig(text);
  return 'config' in parsed ? parsed.config : undefined;
}

/** A store in memory only, for tests and for browsers that refuse localStorage. */
export function memoryStore(): KeyValueStore {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}
