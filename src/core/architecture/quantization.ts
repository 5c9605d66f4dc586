/**
 * The checkpoint's own storage formats (weightFormat NATIVE), from config.json's
 * `quantization_config`. Tensor classes left out are BF16, as the published checkpoints keep them.
 */
import type { NativeFormats, StoredFormat, TensorClass } from '../model-spec.js';
import type { ConfigReader } from './config-reader.js';
import { ModelConfigError } from './errors.js';
import { CONFIG_LIMITS } from './limits.js';

export const SUPPORTED_QUANT_METHODS = ['fp8', 'mxfp4', 'modelopt', 'gptq', 'awq'] as const;

/** The matrices a weight quantiser converts; embeddings, LM head and router stay BF16. */
const LINEAR: readonly TensorClass[] = ['attention', 'denseFfn', 'routedExperts', 'sharedExperts'];

function every(classes: readonly TensorClass[], stored: StoredFormat): NativeFormats {
  const formats: NativeFormats = {};
  for (const tensorClass of classes) formats[tensorClass] = stored;
  return formats;
}

export function nativeFormatsOf(q: ConfigReader | null): NativeFormats | undefined {
  if (q === null) return undefined;
  const method = q.optString('quant_method');
  switch (method) {
    case 'fp8': {
      // DeepSeek-V3/R1, Kimi K2: FP8 E4M3 with one FP32 scale per 128 x 128 block.
      const block = q.optIntList('weight_block_size', 2, CONFIG_LIMITS.width);
      const stored: StoredFormat =
        block === null || block.length === 0
          ? { format: 'FP8' }
          : { format: 'FP8', scaleBlockElements: block.reduce((a, b) => a * b, 1), scaleBits: 32 };
      return every(LINEAR, stored);
    }
    case 'mxfp4':
      // gpt-oss: only the routed experts are MXFP4 (modules_to_not_convert keeps attention, router,
      // embeddings and LM head in BF16).
      return { routedExperts: { format: 'MXFP4' } };
    case 'modelopt': {
      const algo = q.optString('quant_algo');
      if (algo === 'NVFP4') return every(LINEAR, { format: 'NVFP4' });
      if (algo === 'FP8') return every(LINEAR, { format: 'FP8' });
      throw new ModelConfigError(
        q.field('quant_algo'),
        `is ${JSON.stringify(algo)}; supported: "NVFP4", "FP8"`,
      );
    }
    case 'gptq':
    case 'awq': {
      const bits = q.int('bits', { min: 1, max: 16 }, 'bits per weight');
      if (bits === 4) return every(LINEAR, { format: 'INT4' });
      if (bits === 8) return every(LINEAR, { format: 'INT8' });
      throw new ModelConfigError(q.field('bits'), `is ${bits}; supported: 4 or 8`);
    }
    default:
      throw new ModelConfigError(
        q.field('quant_method'),
        `is ${JSON.stringify(method)}; supported: ${SUPPORTED_QUANT_METHODS.map((m) => `"${m}"`).join(', ')} ` +
          '(remove quantization_config to estimate the model in a format you choose)',
      );
  }
}
