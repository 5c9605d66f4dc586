import { FITTED } from './calibration/fitted.js';
import type { RangedMetric, RatioSpread } from './calibration/fitted-types.js';
import { IDEAL_TUNING } from './tuning.js';
import type { EngineProfile, GpuGeneration, Tuning } from './types.js';

export const DEFAULT_ENGINE: EngineProfile = 'OPTIMIZED';

export const ENGINE_DESCRIPTIONS: Record<EngineProfile, string> = {
  OPTIMIZED:
    'Optimised serving engines: TensorRT-LLM, vLLM, lmdeploy TurboMind, FasterTransformer, MLC LLM, gpt-fast (torch.compile).',
  LLAMA_CPP: 'llama.cpp with CUDA offload of all layers (GGUF models).',
  EXLLAMA: 'ExLlama / ExLlamaV2 and AutoAWQ: single-user 4-bit engines with custom kernels.',
  HF_TRANSFORMERS:
    'Hugging Face transformers generate() in eager mode: tens of milliseconds of Python per token.',
  IDEAL: 'The roofline bound: 100% of peak FLOP/s and bandwidth, no fixed overheads.',
};

/** Efficiency factors and overheads of an engine profile on a GPU generation. */
export function tuningFor(engine: EngineProfile, generation: GpuGeneration): Tuning {
  if (engine === 'IDEAL') return IDEAL_TUNING;
  const fitted = FITTED[engine];
  const specific = fitted.byGeneration[generation];
  return specific ? { ...fitted.tuning, ...specific } : fitted.tuning;
}

/** Spread of measured / predicted for a metric, or null when the profile has too few cases. */
export function ratioSpread(engine: EngineProfile, metric: RangedMetric): RatioSpread | null {
  if (engine === 'IDEAL') return null;
  return FITTED[engine].ranges[metric] ?? null;
}
