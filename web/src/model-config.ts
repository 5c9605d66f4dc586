/** Pasted config.json files for the app: kept in this browser's localStorage, and in memory for this page. */
import { useMemo } from 'preact/hooks';
import {
  type JsonObject,
  type KeyValueStore,
  loadConfig,
  memoryStore,
  storeConfig,
} from './lib/config-store.js';

const thisPage = new Map<string, JsonObject>();
let fallback: KeyValueStore | undefined;

function storage(): KeyValueStore {
  try {
    return window.localStorage;
  } catch {
    // Storage disabled (some private modes): pasted configs last as long as the page.
    fallback ??= memoryStore();
    return fallback;
  }
}

/** Keeps a pasted config and returns the key the URL names it by. */
export function rememberConfig(config: JsonObject): string {
  const key = storeConfig(storage(), config);
  thisPage.set(key, config);
  return key;
}

/** The config a URL key names, if this browser has it. */
export function useStoredConfig(key: string): JsonObject | undefined {
  return useMemo(() => (key === '' ? undefined : (thisPage.get(key) ?? loadConfig(storage(), key))), [key]);
}
