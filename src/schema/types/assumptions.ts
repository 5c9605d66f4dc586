import {
  INT4_GROUP_SIZE,
  INT4_SCALE_BITS,
  type ResolvedRequest,
  TENSOR_CLASSES,
  unquantisedBytesPerElement,
} from '../../core/index.js';
import { builder } from '../builder.js';
import { EngineProfileEnum, NumberFormatEnum, WeightQuantizationEnum } from './enums.js';
import { MemoryAssumptionsRef } from './memory-assumptions.js';
import { TensorClassComputeRef } from './tensor-class.js';
import { TuningRef } from './tuning.js';

export const AssumptionsRef = builder.objectRef<ResolvedRequest>('Assumptions');

const usesInt4 = (r: ResolvedRequest) => r.weightFormat === 'INT4' || r.kvCacheFormat === 'INT4';

AssumptionsRef.implement({
  description:
    'Every assumption behind an estimate, after defaults and fallbacks: what you would need to reproduce the numbers.',
  fields: (t) => ({
    engine: t.field({
      type: EngineProfileEnum,
      description: 'Engine profile used.',
      resolve: (r) => r.engine,
    }),
    weightFormat: t.field({
      type: NumberFormatEnum,
      description: 'Weight storage format.',
      resolve: (r) => r.weightFormat,
    }),
    weightQuantization: t.field({
      type: WeightQuantizationEnum,
      nullable: true,
      description: 'The named quantisation scheme whose bytes apply; null when weightFormat alone was given.',
      resolve: (r) => r.weightQuantization?.id ?? null,
    }),
    tensorClasses: t.field({
      type: [TensorClassComputeRef],
      description:
        "Storage and compute of every class of weight tensors: one format for all matrices unless weightFormat is NATIVE (the checkpoint's own per class).",
      resolve: (r) => TENSOR_CLASSES.map((tensorClass) => ({ tensorClass, compute: r.classes[tensorClass] })),
    }),
    kvCacheFormat: t.field({
      type: NumberFormatEnum,
      description: 'KV cache storage format.',
      resolve: (r) => r.kvCacheFormat,
    }),
    computeFormatRequested: t.field({
      type: NumberFormatEnum,
      description:
        'Compute format asked for, or the default for the weight format (weight-only INT8/INT4 compute in FP16).',
      resolve: (r) => r.computeFormatRequested,
    }),
    computeFormatUsed: t.field({
      type: NumberFormatEnum,
      description:
        'Compute format the GPU actually has: the requested one, or the nearest fallback (for example FP8 -> FP16 on an A100).',
      resolve: (r) => r.computeFormat,
    }),
    computePeakFlopsPerSecond: t.float({
      description: 'Dense peak of computeFormatUsed on this GPU, FLOP/s.',
      resolve: (r) => r.computePeakFlops,
    }),
    attentionFormat: t.field({
      type: NumberFormatEnum,
      description:
        'Format the attention-score operators run in: FP8 only with FP8 compute and an FP8 cache, else 16-bit (or FP32/TF32 for FP32 compute), after fallback.',
      resolve: (r) => r.attentionFormat,
    }),
    attentionPeakFlopsPerSecond: t.float({
      description: 'Dense peak of attentionFormat on this GPU, FLOP/s.',
      resolve: (r) => r.attentionPeakFlops,
    }),
    dequantizesWeights: t.boolean({
      description:
        'Whether weights are stored narrower than the matmul computes (weight-only INT8/INT4), so each is unpacked on the vector units first (see tuning.dequantizationOpsPerWeight).',
      resolve: (r) => r.dequantizesWeights,
    }),
    vectorPeakFlopsPerSecond: t.float({
      description: 'Non-tensor FP32 throughput that weight unpacking runs on, FLOP/s.',
      resolve: (r) => r.vectorPeakFlops,
    }),
    weightBytesPerParameter: t.float({
      description: `Bytes per matrix weight in weightFormat (or weightQuantization's real bits / 8), bytes; plain INT4 is 0.5 + ${INT4_SCALE_BITS}/8/${INT4_GROUP_SIZE} = 0.515625 with its group scales.`,
      resolve: (r) => r.weightBytesPerParameter,
    }),
    unquantisedBytesPerParameter: t.float({
      description:
        'Bytes per embedding, LM head, norm or bias parameter, which quantisation leaves in 16-bit (4 for FP32 models), bytes.',
      resolve: (r) => unquantisedBytesPerElement(r.weightFormat),
    }),
    int4GroupSize: t.int({
      nullable: true,
      description: `INT4 weights or cache are stored in groups of this many elements sharing one ${INT4_SCALE_BITS}-bit scale (GPTQ/AWQ style), elements; null when nothing is INT4.`,
      resolve: (r) => (usesInt4(r) ? INT4_GROUP_SIZE : null),
    }),
    int4ScaleBits: t.int({
      nullable: true,
      description:
        'Bits of the scale each INT4 group carries, adding scaleBits / groupSize bits per element, bits; null when nothing is INT4.',
      resolve: (r) => (usesInt4(r) ? INT4_SCALE_BITS : null),
    }),
    kvCacheBytesPerElement: t.float({
      description: 'Bytes per cached K or V element in kvCacheFormat, bytes.',
      resolve: (r) => r.kvBytesPerElement,
    }),
    activationBytesPerElement: t.float({
      description: 'Bytes per activation element: 2, or 4 when computing in FP32/TF32, bytes.',
      resolve: (r) => r.activationBytesPerElement,
    }),
    tuning: t.field({
      type: TuningRef,
      description: 'Efficiency factors and overheads used (profile values with overrides applied).',
      resolve: (r) => r.tuning,
    }),
    memoryAssumptions: t.field({
      type: MemoryAssumptionsRef,
      description:
        'Memory assumptions used: runtime overhead, engine buffers, prefill chunk, usable share of the GPU, unfused prefill transients.',
      resolve: (r) => r.memory,
    }),
    inputTokens: t.exposeInt('inputTokens', { description: 'Prompt length per sequence, tokens.' }),
    outputTokens: t.exposeInt('outputTokens', { description: 'Generated tokens per sequence, tokens.' }),
    batchSize: t.exposeInt('batchSize', { description: 'Sequences served together.' }),
    gpuCount: t.exposeInt('gpuCount', { description: 'GPUs in all: tensor x pipeline x data.' }),
  }),
});
