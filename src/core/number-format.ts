/** Number formats and sourced figures: the plain data shapes every other core type builds on. */

export const NUMBER_FORMATS = [
  'FP32',
  'TF32',
  'BF16',
  'FP16',
  'FP8',
  'INT8',
  'INT4',
  'NVFP4',
  'MXFP4',
] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];

/** A weight format: one number format for every matrix, or NATIVE: the checkpoint's own format per tensor class. */
export type WeightFormat = NumberFormat | 'NATIVE';

/** A published figure with where it came from. */
export interface Sourced<T> {
  value: T;
  source: string;
}
