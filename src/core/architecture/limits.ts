import { LIMITS } from '../limits.js';
import type { IntRange } from './config-reader.js';

/** Ranges config.json fields must fall in: the custom-model limits, so both routes accept the same models. */
export const CONFIG_LIMITS = {
  layers: LIMITS.layers,
  hiddenSize: LIMITS.hiddenSize,
  /** FFN widths, head dims, LoRA ranks. */
  width: LIMITS.hiddenSize,
  heads: LIMITS.heads,
  vocabSize: LIMITS.vocabSize,
  experts: LIMITS.experts,
  /** Shared experts, dense-first layers: may be 0. */
  count: { min: 0, max: LIMITS.experts.max },
  contextWindow: LIMITS.contextWindow,
  /** Sliding windows and attention chunks, tokens. */
  window: LIMITS.contextWindow,
  /** A step between MoE layers, or a layer pattern's period. */
  period: LIMITS.layers,
} as const satisfies Record<string, IntRange>;

/** Layer indexes of a model with `layers` layers. */
export function layerIndexRange(layers: number): IntRange {
  return { min: 0, max: layers - 1 };
}
