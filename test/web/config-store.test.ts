import { describe, expect, it } from 'vitest';
import {
  configKey,
  KEPT_CONFIGS,
  loadConfig,
  memoryStore,
  parseConfig,
  storeConfig,
} from '../../web/src/lib/config-store.js';

describe('pasted config.json files', () => {
  it('accepts a JSON object and says why anything else is not a config', () => {
    expect(parseConfig('{"model_type": "llama"}')).toEqual({ config: { model_type: 'llama' } });
    const broken = parseConfig('{"model_type": "llama",');
    expect('error' in broken && broken.error).toMatch(/^Not valid JSON: /);
    for (const text of ['[1, 2]', 'null', '42', '"llama"']) {
      expect(parseConfig(text)).toEqual({ error: 'A config.json is one JSON object ({ ... }).' });
    }
  });

  it('keys a config by its content, whatever the spacing, in 8 hex digits', () => {
    const a = parseConfig('{"hidden_size": 4096, "model_type": "llama"}');
    const b = parseConfig('{\n  "hidden_size": 4096,\n  "model_type": "llama"\n}');
    if (!('config' in a && 'config' in b)) throw new Error('both parse');
    expect(configKey(a.config)).toBe(configKey(b.config));
    expect(configKey(a.config)).toMatch(/^[0-9a-f]{8}$/);
    expect(configKey({ hidden_size: 4097, model_type: 'llama' })).not.toBe(configKey(a.config));
    // FNV-1a of the empty object's text "{}": the offset basis 0x811c9dc5 folded over '{' (0x7b) and '}' (0x7d).
    let hash = 0x811c9dc5;
    for (const code of [0x7b, 0x7d]) hash = Math.imul(hash ^ code, 0x01000193) >>> 0;
    expect(configKey({})).toBe(hash.toString(16).padStart(8, '0'));
  });

  it('stores a config under its key and reads it back; an unknown key reads nothing', () => {
    const store = memoryStore();
    const config = { model_type: 'qwen2', hidden_size: 896 };
    const key = storeConfig(store, config);
    expect(key).toBe(configKey(config));
    expect(loadConfig(store, key)).toEqual(config);
    expect(loadConfig(store, '00000000')).toBeUndefined();
  });

  it(`keeps the ${KEPT_CONFIGS} most recently pasted configs and drops older ones`, () => {
    const store = memoryStore();
    const keys = Array.from({ length: KEPT_CONFIGS + 2 }, (_, i) => storeConfig(store, { hidden_size: i }));
    // Pasting the first again makes it the most recent: the second and third are the oldest now.
    storeConfig(store, { hidden_size: 0 });
    expect(loadConfig(store, keys[0])).toEqual({ hidden_size: 0 });
    expect(loadConfig(store, keys[1])).toBeUndefined();
    expect(loadConfig(store, keys[2])).toBeUndefined();
    expect(loadConfig(store, keys[3])).toEqual({ hidden_size: 3 });
    expect(loadConfig(store, keys.at(-1) ?? '')).toEqual({ hidden_size: KEPT_CONFIGS + 1 });
  });

  it('still returns the key when the storage refuses the write (full, or disabled)', () => {
    const refusing = {
      ...memoryStore(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(storeConfig(refusing, { hidden_size: 1 })).toBe(configKey({ hidden_size: 1 }));
  });
});
