import type { GpuSpec, NumberFormat } from './types.js';

/**
 * INT4 weights are stored in groups that share one FP16 scale (GPTQ/AWQ-style, group size 128),
 * so each weight costs 4 bits plus 16/128 bits of scale.
 */
export const INT4_GROUP_SIZE = 128;
export const INT4_SCALE_BITS = 16;

const STORAGE_BYTES: Record<NumberFormat, number | null> = {
  FP32: 4,
  TF32: null, // a tensor-core compute mode over FP32 data, never a storage format
  BF16: 2,
  FP16: 2,
  FP8: 1,
  INT8: 1,
  INT4: 0.5 + INT4_SCALE_BITS / 8 / INT4_GROUP_SIZE,
};

export function isStorageFormat(format: NumberFormat): boolean {
  return STORAGE_BYTES[format] !== null;
}

/** Bytes one stored element takes, group scales included (INT4: 0.515625). */
export function bytesPerElement(format: NumberFormat): number {
  const bytes = STORAGE_BYTES[format];
  if (bytes === null)
    throw new RangeError(`${format} is a compute format and cannot store weights or KV cache`);
  return bytes;
}

/** Bytes of a 16-bit activation or embedding element, or 4 when the model runs in FP32. */
export function activationBytes(computeFormat: NumberFormat): number {
  return computeFormat === 'FP32' || computeFormat === 'TF32' ? 4 : 2;
}

/**
 * The compute format a weight format runs in unless the caller says otherwise.
 * Weight-only INT8/INT4 dequantise to FP16 inside the matmul; FP8 runs FP8 tensor cores (W8A8).
 */
export function defaultComputeFormat(weightFormat: NumberFormat): NumberFormat {
  switch (weightFormat) {
    case 'INT8':
    case 'INT4':
      return 'FP16';
    default:
      return weightFormat;
  }
}

/** When a GPU lacks a compute path, the next format an engine would use instead, nearest first. */
const FALLBACKS: Record<NumberFormat, NumberFormat[]> = {
  FP32: ['FP32', 'TF32'],
  TF32: ['TF32', 'FP32'],
  BF16: ['BF16', 'FP16', 'FP32'],
  FP16: ['FP16', 'BF16', 'FP32'],
  FP8: ['FP8', 'FP16', 'BF16', 'FP32'],
  INT8: ['INT8', 'FP16', 'BF16', 'FP32'],
  INT4: ['INT4', 'INT8', 'FP16', 'BF16', 'FP32'],
};

/** The format actually used for compute on this GPU, and its dense peak throughput (FLOP/s). */
export function resolveComputeFormat(
  gpu: GpuSpec,
  requested: NumberFormat,
): { format: NumberFormat; peakFlops: number } {
  for (const format of FALLBACKS[requested]) {
    const peak = gpu.peakFlops[format];
    if (peak !== undefined && peak > 0) return { format, peakFlops: peak };
  }
  // Every catalog GPU has FP16 or FP32; a custom GPU must give at least one positive figure.
  let best: { format: NumberFormat; peakFlops: number } | null = null;
  for (const [format, peak] of Object.entries(gpu.peakFlops) as [NumberFormat, number][]) {
    if (peak > 0 && (best === null || peak > best.peakFlops)) best = { format, peakFlops: peak };
  }
  if (best === null) throw new RangeError(`GPU ${gpu.id} has no positive peak throughput`);
  return best;
}
