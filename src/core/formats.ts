import type { GpuSpec, NumberFormat } from './types.js';

/**
 * How a number format stores one element: its own bits, plus one shared scale per group of
 * elements where the format is block-scaled. Bytes per element = (elementBits + scaleBits / groupSize) / 8.
 * A format with elementBits null is a compute mode only (TF32): it cannot store weights or a KV cache.
 * New storage schemes (bits + group + scale + zero point) extend this table.
 */
export interface FormatSpec {
  elementBits: number | null;
  /** Bits of the scale each group of `groupSize` elements shares; 0 for unscaled formats. */
  scaleBits: number;
  groupSize: number;
  /** 4-bit floats (E2M1): the tensor cores that take them directly are FP4 ones (Blackwell, CDNA4). */
  fp4: boolean;
}

/**
 * INT4 weights are stored in groups that share one FP16 scale (GPTQ/AWQ-style, group size 128),
 * so each weight costs 4 bits plus 16/128 bits of scale.
 */
export const INT4_GROUP_SIZE = 128;
export const INT4_SCALE_BITS = 16;

/**
 * NVFP4: E2M1 elements, one FP8 (E4M3) scale per 16 (plus one FP32 scale per tensor, negligible):
 * 4 + 8/16 = 4.5 bits. MXFP4 (OCP Microscaling): E2M1 elements, one 8-bit power-of-two (E8M0)
 * scale per 32: 4 + 8/32 = 4.25 bits.
 */
export const NVFP4_GROUP_SIZE = 16;
export const MXFP4_GROUP_SIZE = 32;

const unscaled = (elementBits: number | null): FormatSpec => ({
  elementBits,
  scaleBits: 0,
  groupSize: 1,
  fp4: false,
});

export const FORMATS: Record<NumberFormat, FormatSpec> = {
  FP32: unscaled(32),
  TF32: unscaled(null), // a tensor-core compute mode over FP32 data, never a storage format
  BF16: unscaled(16),
  FP16: unscaled(16),
  FP8: unscaled(8),
  INT8: unscaled(8),
  INT4: { elementBits: 4, scaleBits: INT4_SCALE_BITS, groupSize: INT4_GROUP_SIZE, fp4: false },
  NVFP4: { elementBits: 4, scaleBits: 8, groupSize: NVFP4_GROUP_SIZE, fp4: true },
  MXFP4: { elementBits: 4, scaleBits: 8, groupSize: MXFP4_GROUP_SIZE, fp4: true },
};

export function isStorageFormat(format: NumberFormat): boolean {
  return FORMATS[format].elementBits !== null;
}

/** Bytes of an element stored with its own bits plus one `scaleBits` scale per `groupSize` elements. */
export function scaledBytes(elementBits: number, scaleBits: number, groupSize: number): number {
  return (elementBits + scaleBits / groupSize) / 8;
}

/** Bytes per element of every storage format (null for compute-only formats), computed once. */
const BYTES = Object.fromEntries(
  Object.entries(FORMATS).map(([format, { elementBits, scaleBits, groupSize }]) => [
    format,
    elementBits === null ? null : scaledBytes(elementBits, scaleBits, groupSize),
  ]),
) as Record<NumberFormat, number | null>;

/** Bytes one stored element takes, group scales included (INT4: 0.515625, NVFP4: 0.5625, MXFP4: 0.53125). */
export function bytesPerElement(format: NumberFormat): number {
  const bytes = BYTES[format];
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
 * Weight-only INT8/INT4 dequantise to FP16 inside the matmul; FP8 runs FP8 tensor cores (W8A8);
 * NVFP4 and MXFP4 run FP4 tensor cores where the GPU has them.
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

/**
 * When a GPU lacks a compute path, the next format an engine would use instead, nearest first.
 * FP4 without FP4 tensor cores is unpacked to 16-bit (Marlin-style weight-only kernels).
 */
const FALLBACKS: Record<NumberFormat, NumberFormat[]> = {
  FP32: ['FP32', 'TF32'],
  TF32: ['TF32', 'FP32'],
  BF16: ['BF16', 'FP16', 'FP32'],
  FP16: ['FP16', 'BF16', 'FP32'],
  FP8: ['FP8', 'FP16', 'BF16', 'FP32'],
  INT8: ['INT8', 'FP16', 'BF16', 'FP32'],
  INT4: ['INT4', 'INT8', 'FP16', 'BF16', 'FP32'],
  NVFP4: ['NVFP4', 'FP16', 'BF16', 'FP32'],
  MXFP4: ['MXFP4', 'FP16', 'BF16', 'FP32'],
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
