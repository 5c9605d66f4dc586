import type { LayerGroup } from '../model-spec.js';

/**
 * Turns a per-layer choice among a few distinct layer kinds into layer groups. Kinds are compared
 * by identity: an adapter builds each distinct kind once (sliding/global x dense/MoE) and picks one
 * per layer. Groups are listed in order of first appearance; `layerOrder` is given only when the
 * groups' layers interleave (Gemma, gpt-oss, Llama-4), so a pipeline split can follow the real order.
 */
export function groupLayers(
  layers: number,
  kindOf: (layer: number) => LayerGroup,
): { layerGroups: LayerGroup[]; layerOrder?: number[] } {
  const indexOf = new Map<LayerGroup, number>();
  const layerGroups: LayerGroup[] = [];
  const layerOrder: number[] = new Array(layers);
  let interleaved = false;
  for (let layer = 0; layer < layers; layer++) {
    const kind = kindOf(layer);
    let index = indexOf.get(kind);
    if (index === undefined) {
      index = layerGroups.length;
      indexOf.set(kind, index);
      layerGroups.push({ ...kind, count: 0 });
    }
    (layerGroups[index] as LayerGroup).count++;
    if (layer > 0 && index < (layerOrder[layer - 1] as number)) interleaved = true;
    layerOrder[layer] = index;
  }
  return interleaved ? { layerGroups, layerOrder } : { layerGroups };
}
