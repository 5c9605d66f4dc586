// Placeholder until `npm run calibrate` writes the fitted values.
import type { FittedCalibration } from './fitted-types.js';

export const FITTED: FittedCalibration = {
  OPTIMIZED: {
    tuning: {
      prefillComputeEfficiency: 0.6,
      prefillBandwidthEfficiency: 0.8,
      decodeComputeEfficiency: 0.5,
      decodeBandwidthEfficiency: 0.75,
      perRequestOverheadSeconds: 0.002,
      perStepOverheadSeconds: 0.0002,
      allReduceLatencySeconds: 0.00001,
    },
    byGeneration: {},
    ranges: {},
    cases: 0,
  },
  LLAMA_CPP: {
    tuning: {
      prefillComputeEfficiency: 0.4,
      prefillBandwidthEfficiency: 0.7,
      decodeComputeEfficiency: 0.3,
      decodeBandwidthEfficiency: 0.6,
      perRequestOverheadSeconds: 0.005,
      perStepOverheadSeconds: 0.001,
      allReduceLatencySeconds: 0.00005,
    },
    byGeneration: {},
    ranges: {},
    cases: 0,
  },
  EXLLAMA: {
    tuning: {
      prefillComputeEfficiency: 0.4,
      prefillBandwidthEfficiency: 0.7,
      decodeComputeEfficiency: 0.3,
      decodeBandwidthEfficiency: 0.65,
      perRequestOverheadSeconds: 0.005,
      perStepOverheadSeconds: 0.001,
      allReduceLatencySeconds: 0.00005,
    },
    byGeneration: {},
    ranges: {},
    cases: 0,
  },
  HF_TRANSFORMERS: {
    tuning: {
      prefillComputeEfficiency: 0.3,
      prefillBandwidthEfficiency: 0.6,
      decodeComputeEfficiency: 0.2,
      decodeBandwidthEfficiency: 0.6,
      perRequestOverheadSeconds: 0.02,
      perStepOverheadSeconds: 0.02,
      allReduceLatencySeconds: 0.0001,
    },
    byGeneration: {},
    ranges: {},
    cases: 0,
  },
};
