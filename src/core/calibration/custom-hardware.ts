/**
 * Models and GPUs that appear in published measurements but not in the catalog, read from
 * data/calibration/models.json and gpus.json (every figure there names its source). Only the calibration
 * cases use them. A GPU group split by layers (`layerSplit: { gpu, count }`) is built from the catalog GPU
 * it is made of, looked up rather than copied.
 */
import gpusFile from '../../../data/calibration/gpus.json' with { type: 'json' };
import modelsFile from '../../../data/calibration/models.json' with { type: 'json' };
import { findGpu } from '../catalog/index.js';
import { uniformModel } from '../layer-groups.js';
import type { UniformModelFields } from '../model-spec.js';
import { type GpuSpec, type ModelSpec, NUMBER_FORMATS } from '../types.js';

/**
 * Several GPUs of one kind running a model split by layers (llama.cpp layer split, accelerate device_map,
 * ExLlama -gs) at batch 1: the GPUs work one after another, so for decode the group behaves like one device with
 * the summed memory and the bandwidth and compute of one GPU. Use with gpuCount 1.
 */
export function layerSplitGpu(base: GpuSpec, count: number, id: string): GpuSpec {
  return {
    ...base,
    id,
    name: `${count}x ${base.name} (layer split, modelled as one device)`,
    aliases: [],
    source:
      `${count} x (${base.source}). Layer (pipeline) split at batch 1 runs the GPUs one after another: modelled ` +
      `as one device with ${count}x the memory and the bandwidth/compute of one GPU (use gpuCount 1).`,
    memoryBytes: base.memoryBytes * count,
    tdpWatts: base.tdpWatts === null ? null : base.tdpWatts * count,
    peakFlops: { ...base.peakFlops },
  };
}

interface LayerSplitEntry {
  id: string;
  layerSplit: { gpu: string; count: number };
}

function customGpu(entry: GpuSpec | LayerSplitEntry): GpuSpec {
  if ('layerSplit' in entry) {
    const base = findGpu(entry.layerSplit.gpu);
    if (!base)
      throw new Error(`data/calibration/gpus.json ${entry.id}: no catalog GPU ${entry.layerSplit.gpu}`);
    return layerSplitGpu(base, entry.layerSplit.count, entry.id);
  }
  for (const format of Object.keys(entry.peakFlops)) {
    if (!(NUMBER_FORMATS as readonly string[]).includes(format)) {
      throw new Error(`data/calibration/gpus.json ${entry.id}: unknown format ${format} in peakFlops`);
    }
  }
  return entry;
}

/** One kind of layer each (2022-23 models): one layer group. */
export const CUSTOM_MODELS: readonly ModelSpec[] = (modelsFile.models as UniformModelFields[]).map(
  uniformModel,
);

export const CUSTOM_GPUS: readonly GpuSpec[] = (
  gpusFile.gpus as unknown as (GpuSpec | LayerSplitEntry)[]
).map(customGpu);
