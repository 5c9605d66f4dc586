/**
 * Models and GPUs that appear in published measurements but not in the catalog, read from
 * data/calibration/models.json and gpus.json (every figure there names its source). Only the calibration
 * cases use them. Several catalog GPUs split by layers are a pipeline-parallel request of the catalog GPU
 * (the case's `parallelism`), not a GPU of their own.
 */
import gpusFile from '../../../data/calibration/gpus.json' with { type: 'json' };
import modelsFile from '../../../data/calibration/models.json' with { type: 'json' };
import { uniformModel } from '../layer-groups.js';
import type { UniformModelFields } from '../model-spec.js';
import { type GpuSpec, type ModelSpec, NUMBER_FORMATS } from '../types.js';

function customGpu(entry: GpuSpec): GpuSpec {
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

export const CUSTOM_GPUS: readonly GpuSpec[] = (gpusFile.gpus as unknown as GpuSpec[]).map(customGpu);
