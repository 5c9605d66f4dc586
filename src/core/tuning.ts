/**
 * The tuning fields of the timing model, described once: the API's TuningInput and Tuning types, the IDEAL
 * (roofline) values and the checks on overrides are all generated from this table. The `Tuning` type itself
 * is declared in types.ts; `satisfies Record<keyof Tuning, ...>` makes the compiler keep the two in step.
 */
import { EstimateInputError, LIMITS } from './limits.js';
import type { Tuning } from './types.js';

export interface TuningFieldSpec {
  /** What the field means, without its range (the range is appended from `limit`). */
  description: string;
  /** Efficiencies are fractions of a datasheet peak; the rest are costs with a unit. */
  kind: 'efficiency' | 'cost';
  /** Unit of a cost, as quoted in messages and descriptions. */
  unit?: string;
  limit: { readonly min: number; readonly max: number };
  /** The value in IDEAL mode, the roofline bound: 1 for an efficiency, 0 for a cost. */
  ideal: number;
}

const efficiency = (description: string): TuningFieldSpec => ({
  description,
  kind: 'efficiency',
  limit: LIMITS.efficiency,
  ideal: 1,
});

const cost = (description: string, unit: string, limit: TuningFieldSpec['limit']): TuningFieldSpec => ({
  description,
  kind: 'cost',
  unit,
  limit,
  ideal: 0,
});

export const TUNING_FIELDS = {
  prefillComputeEfficiency: efficiency('Fraction of the peak FLOP/s reached in prefill.'),
  prefillBandwidthEfficiency: efficiency('Fraction of the peak memory bandwidth reached in prefill.'),
  decodeComputeEfficiency: efficiency('Fraction of the peak FLOP/s reached in decode.'),
  decodeBandwidthEfficiency: efficiency('Fraction of the peak memory bandwidth reached in decode.'),
  // Their kernels trail the 16-bit ones (llama.cpp's quantised GEMV most of all).
  weightOnlyBandwidthEfficiency: efficiency(
    'Fraction of the peak memory bandwidth that weight-only quantised matmuls (INT8/INT4 weights unpacked for FP16 compute) reach while streaming their weights, both phases.',
  ),
  perRequestOverheadSeconds: cost(
    'Fixed cost added once per request to the time to first token (scheduling, tokenisation, launch).',
    'seconds',
    LIMITS.overheadSeconds,
  ),
  perStepOverheadSeconds: cost(
    'Fixed cost added to every decode step (kernel launches, sampling, host sync).',
    'seconds',
    LIMITS.overheadSeconds,
  ),
  perMoeLayerOverheadSeconds: cost(
    'Fixed cost per mixture-of-experts layer of every decode step: the routing kernels (top-k, token permutation, grouped expert GEMM launches) a dense layer does not have, however few tokens.',
    'seconds',
    LIMITS.overheadSeconds,
  ),
  allReduceLatencySeconds: cost(
    'Fixed latency of one tensor-parallel all-reduce (launch, synchronisation).',
    'seconds',
    LIMITS.overheadSeconds,
  ),
  // Small all-reduces get slower with more GPUs, and much slower over PCIe than over NVLink.
  allReduceStepBytes: cost(
    'Bytes-equivalent each of the 2 (gpuCount - 1) steps of a ring all-reduce costs on top of its payload (protocol chunk, handshake), timed at the interconnect bandwidth.',
    'bytes',
    LIMITS.allReduceStepBytes,
  ),
  // Explains why quantised decode is slower than its bytes suggest on GPUs with few vector FLOPs per byte.
  dequantizationOpsPerWeight: cost(
    'Vector-unit operations (at the FP32 rate) spent unpacking and scaling each weight a weight-only quantised matmul reads (INT8/INT4 weights computed in FP16).',
    'operations per weight',
    LIMITS.dequantizationOpsPerWeight,
  ),
} as const satisfies Record<keyof Tuning, TuningFieldSpec>;

export type TuningField = keyof Tuning;
export const TUNING_FIELD_NAMES = Object.keys(TUNING_FIELDS) as TuningField[];

/** The allowed range of a tuning field, as messages and descriptions quote it. */
export function tuningLimitText(field: TuningField): string {
  const spec: TuningFieldSpec = TUNING_FIELDS[field];
  const { min, max } = spec.limit;
  return spec.kind === 'efficiency'
    ? `a fraction from ${min} to ${max}`
    : `from ${min} to ${max} ${spec.unit}`;
}

/** The field's description with its range, for the API. */
export function tuningDescription(field: TuningField): string {
  return `${TUNING_FIELDS[field].description.replace(/\.$/, '')}; ${tuningLimitText(field)}.`;
}

/** 100% of every peak and no fixed costs: the roofline bound. */
export const IDEAL_TUNING: Tuning = Object.freeze(
  Object.fromEntries(
    TUNING_FIELD_NAMES.map((field) => [field, TUNING_FIELDS[field].ideal]),
  ) as unknown as Tuning,
);

/** Checks every given override against its field's limit; absent and null fields are skipped. */
export function checkTuningOverrides(
  overrides: Partial<Record<TuningField, number | null>>,
  path = 'tuning',
): void {
  for (const field of TUNING_FIELD_NAMES) {
    const value = overrides[field];
    if (value === undefined || value === null) continue;
    const { min, max } = TUNING_FIELDS[field].limit;
    if (!(Number.isFinite(value) && value >= min && value <= max)) {
      throw new EstimateInputError(`${path}.${field}`, value, tuningLimitText(field));
    }
  }
}
