/**
 * Which weight and KV cache formats serving engines run on which GPUs. The core's estimate
 * estimates any combination (falling back to a wider compute format); a plan must only propose
 * what an engine can actually serve, and say when it relies on a fallback.
 *
 * Rules, from vLLM's quantization hardware table
 * (https://docs.vllm.ai/en/v0.11.2/features/quantization/, "Supported Hardware"):
 * - FP8 weights: W8A8 on GPUs with FP8 tensor cores (Ada, Hopper, Blackwell, CDNA3); weight-only
 *   through Marlin kernels on Ampere and later; nothing on Volta or on AMD GPUs without FP8.
 * - INT8 and INT4 weights: weight-only GPTQ kernels on every NVIDIA generation from Volta; no
 *   AWQ/GPTQ/INT8 kernels on AMD GPUs in that table.
 * - FP8 KV cache: our rule is the FP8 weight rule (Ampere and later, or FP8 hardware): the cache is
 *   converted to 16-bit inside the attention kernel.
 * - NVFP4 and MXFP4 weights: FP4 tensor cores on Blackwell; weight-only FP4 Marlin kernels on
 *   Ampere and later (vLLM's later table); on other GPUs only where they have tensor cores for
 *   that format (MXFP4 on the MI355X, CDNA 4); not on Volta.
 * - INT8 KV cache: TensorRT-LLM's INT8 KV cache, on NVIDIA Ampere and later; INT4 and FP4 KV
 *   caches: no engine we reference ships one.
 * - NATIVE weights (the checkpoint's own formats): allowed; the estimate states any fallback.
 * A custom GPU's generation is unknown: every format is allowed there.
 */
import type { GpuGeneration, GpuSpec, NumberFormat, WeightFormat } from './types.js';

const NVIDIA_AMPERE_OR_LATER: ReadonlySet<GpuGeneration> = new Set(['AMPERE', 'ADA', 'HOPPER', 'BLACKWELL']);
const AMD: ReadonlySet<GpuGeneration> = new Set(['CDNA2', 'CDNA3', 'CDNA4']);

function hasFp8(gpu: GpuSpec): boolean {
  return (gpu.peakFlops.FP8 ?? 0) > 0;
}

/** Why no engine serves these weights on this GPU; null when one does. */
export function unsupportedWeightFormat(gpu: GpuSpec, format: WeightFormat): string | null {
  if (gpu.generation === 'CUSTOM') return null;
  switch (format) {
    case 'FP8':
      if (hasFp8(gpu) || NVIDIA_AMPERE_OR_LATER.has(gpu.generation)) return null;
      return `${gpu.name} has no FP8 tensor cores and no FP8 weight-only (Marlin) kernels`;
    case 'INT8':
    case 'INT4':
      if (AMD.has(gpu.generation)) return `no ${format} weight kernels for AMD GPUs (vLLM's hardware table)`;
      return null;
    case 'NVFP4':
    case 'MXFP4':
      if (NVIDIA_AMPERE_OR_LATER.has(gpu.generation) || (gpu.peakFlops[format] ?? 0) > 0) return null;
      return `no ${format} kernels for ${gpu.name}: FP4 tensor cores need Blackwell, FP4 weight-only (Marlin) kernels Ampere or later`;
    default:
      return null;
  }
}

/** Why no engine keeps a KV cache in this format on this GPU; null when one does. */
export function unsupportedKvCacheFormat(gpu: GpuSpec, format: NumberFormat): string | null {
  if (gpu.generation === 'CUSTOM') return null;
  switch (format) {
    case 'FP8':
      if (hasFp8(gpu) || NVIDIA_AMPERE_OR_LATER.has(gpu.generation)) return null;
      return `${gpu.name} has no FP8 KV cache kernels`;
    case 'INT8':
      if (NVIDIA_AMPERE_OR_LATER.has(gpu.generation)) return null;
      return `INT8 KV cache (TensorRT-LLM) needs an NVIDIA GPU from Ampere on`;
    case 'INT4':
    case 'NVFP4':
    case 'MXFP4':
      return `no serving engine we reference keeps a ${format} KV cache`;
    default:
      return null;
  }
}
