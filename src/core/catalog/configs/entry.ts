import type { JsonObject, ModelIdentity } from '../../architecture/index.js';

/**
 * A catalog model kept as its published config.json, read by the same adapters as a pasted
 * config, plus the metadata the config does not carry (id, aliases, sources, published counts).
 */
export interface ConfigModelEntry extends ModelIdentity {
  config: JsonObject;
}
