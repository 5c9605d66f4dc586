import type { Tuning } from '../../core/index.js';
import { builder } from '../builder.js';

/** Shared by the Tuning output type and TuningInput, so the echo and the input read the same. */
export const TUNING_DESCRIPTIONS: Record<keyof Tuning, string> = {
  prefillComputeEfficiency: 'Fraction of the peak FLOP/s reached in prefill, from 1e-6 to 1.',
  prefillBandwidthEfficiency: 'Fraction of the peak memory bandwidth reached in prefill, from 1e-6 to 1.',
  decodeComputeEfficiency: 'Fraction of the peak FLOP/s reached in decode, from 1e-6 to 1.',
  decodeBandwidthEfficiency: 'Fraction of the peak memory bandwidth reached in decode, from 1e-6 to 1.',
  weightOnlyBandwidthEfficiency:
    'Fraction of the peak memory bandwidth that weight-only quantised matmuls (INT8/INT4 weights unpacked for FP16 compute) reach while streaming their weights, both phases, from 1e-6 to 1.',
  perRequestOverheadSeconds:
    'Fixed cost added once per request to the time to first token (scheduling, tokenisation, launch), seconds, >= 0.',
  perStepOverheadSeconds:
    'Fixed cost added to every decode step (kernel launches, sampling, host sync), seconds, >= 0.',
  allReduceLatencySeconds:
    'Fixed latency of one tensor-parallel all-reduce (launch, synchronisation), seconds, >= 0.',
  allReduceStepBytes:
    'Bytes-equivalent each of the 2 (gpuCount - 1) steps of a ring all-reduce costs on top of its payload (protocol chunk, handshake), timed at the interconnect bandwidth, bytes, >= 0.',
  dequantizationOpsPerWeight:
    'Vector-unit operations (at the FP32 rate) spent unpacking and scaling each weight a weight-only quantised matmul reads (INT8/INT4 weights computed in FP16), operations per weight, >= 0.',
};

export const TuningRef = builder.simpleObject('Tuning', {
  description:
    "Efficiency factors and fixed costs of the timing model: the engine profile's calibrated values for the GPU generation, with any TuningInput overrides applied. IDEAL is 1 for every efficiency and 0 for every overhead.",
  fields: (t) => ({
    prefillComputeEfficiency: t.float({ description: TUNING_DESCRIPTIONS.prefillComputeEfficiency }),
    prefillBandwidthEfficiency: t.float({ description: TUNING_DESCRIPTIONS.prefillBandwidthEfficiency }),
    decodeComputeEfficiency: t.float({ description: TUNING_DESCRIPTIONS.decodeComputeEfficiency }),
    decodeBandwidthEfficiency: t.float({ description: TUNING_DESCRIPTIONS.decodeBandwidthEfficiency }),
    weightOnlyBandwidthEfficiency: t.float({
      description: TUNING_DESCRIPTIONS.weightOnlyBandwidthEfficiency,
    }),
    perRequestOverheadSeconds: t.float({ description: TUNING_DESCRIPTIONS.perRequestOverheadSeconds }),
    perStepOverheadSeconds: t.float({ description: TUNING_DESCRIPTIONS.perStepOverheadSeconds }),
    allReduceLatencySeconds: t.float({ description: TUNING_DESCRIPTIONS.allReduceLatencySeconds }),
    allReduceStepBytes: t.float({ description: TUNING_DESCRIPTIONS.allReduceStepBytes }),
    dequantizationOpsPerWeight: t.float({ description: TUNING_DESCRIPTIONS.dequantizationOpsPerWeight }),
  }),
});
