import type { LayerGroup } from '../model-spec.js';
import type { ModelDimensions } from './common.js';
import type { ConfigReader } from './config-reader.js';

export interface AdapterOptions {
  /**
   * Count DeepSeek's multi-token-prediction modules (`num_nextn_predict_layers`) as extra layers.
   * Off by default: engines load them only for MTP speculative decoding, and the published
   * parameter counts (671B for DeepSeek-V3) leave them out.
   */
  includeMtpLayers?: boolean;
}

/** What an adapter reads from config.json: the architecture, without catalog metadata. */
export interface Architecture extends Omit<ModelDimensions, 'layers'> {
  /** Family name for display (DeepSeek-V3, Gemma 3, ...). */
  family: string;
  layerGroups: LayerGroup[];
  layerOrder?: number[];
}

/** One HuggingFace model_type: config fields -> layer groups. Never a formula. */
export type Adapter = (config: ConfigReader, options: AdapterOptions) => Architecture;
