/**
 * Gemma, Gemma 2 and Gemma 3. Head dims are explicit (256 by default, not hidden / heads),
 * embeddings are tied, and Gemma 2/3 layers carry 4 norms (pre and post, attention and FFN).
 */
import type { LayerGroup } from '../model-spec.js';
import type { Adapter, Architecture } from './adapter.js';
import { attention, denseFfn, GLOBAL, layerKind, readDimensions, readGqa, readLayerTypes } from './common.js';
import type { ConfigReader } from './config-reader.js';
import { groupLayers } from './layer-plan.js';
import { CONFIG_LIMITS } from './limits.js';

/** GemmaConfig default head_dim. */
const GEMMA_HEAD_DIM = 256;

export const gemma: Adapter = (r) => {
  const { layers, ...dims } = readDimensions(r, { tiedEmbeddings: true });
  const shape = readGqa(r, dims.hiddenSize, { qkv: false, output: false }, GEMMA_HEAD_DIM);
  const ffn = denseFfn(r.int('intermediate_size', CONFIG_LIMITS.width, 'FFN width'));
  return {
    family: 'Gemma',
    ...dims,
    layerGroups: [{ ...layerKind(attention(shape, GLOBAL), ffn), count: layers }],
  };
};

/**
 * Local (sliding) and global layers. `layer_types` says which when present; otherwise layer i is
 * global when (i + 1) is a multiple of `period` (Gemma 2: 2, so even layers slide; Gemma 3:
 * sliding_window_pattern, 6 by default: 5 local per global).
 */
function hybrid(
  r: ConfigReader,
  family: string,
  defaults: { window: number; period: number; vocabSize?: number; contextWindow?: number; qkNorm: boolean },
): Architecture {
  const { layers, ...dims } = readDimensions(r, {
    tiedEmbeddings: true,
    vocabSize: defaults.vocabSize,
    contextWindow: defaults.contextWindow,
  });
  const shape = readGqa(r, dims.hiddenSize, { qkv: false, output: false }, GEMMA_HEAD_DIM);
  const ffn = denseFfn(r.int('intermediate_size', CONFIG_LIMITS.width, 'FFN width'));
  const window = r.optInt('sliding_window', CONFIG_LIMITS.window, defaults.window);
  const types = readLayerTypes(r, layers, ['full_attention', 'sliding_attention']);
  const period =
    types === null ? r.optInt('sliding_window_pattern', CONFIG_LIMITS.period, defaults.period) : 0;
  const slides = (i: number) => (types === null ? (i + 1) % period !== 0 : types[i] === 'sliding_attention');
  const extra = { qkNorm: defaults.qkNorm };
  const local = layerKind(attention(shape, { kind: 'SLIDING', tokens: window }, extra), ffn, 4);
  const global = layerKind(attention(shape, GLOBAL, extra), ffn, 4);
  return { family, ...dims, ...groupLayers(layers, (i): LayerGroup => (slides(i) ? local : global)) };
}

/** Gemma2Config defaults: window 4096, alternating local/global from layer 0. */
export const gemma2: Adapter = (r) => hybrid(r, 'Gemma 2', { window: 4096, period: 2, qkNorm: false });

/**
 * Gemma3TextConfig defaults, which the official configs rely on: vocab 262208, 131072 positions,
 * window 4096 (27B sets 1024), pattern 6; q/k norms.
 */
export const gemma3Text: Adapter = (r) =>
  hybrid(r, 'Gemma 3', {
    window: 4096,
    period: 6,
    vocabSize: 262_208,
    contextWindow: 131_072,
    qkNorm: true,
  });
