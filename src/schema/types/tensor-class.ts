import {
  type ClassCompute,
  type StoredFormat,
  storedBytesPerElement,
  type TensorClass,
} from '../../core/index.js';
import { builder } from '../builder.js';
import { NumberFormatEnum } from './enums.js';

export const TensorClassEnum = builder.enumType('TensorClass', {
  description: 'A kind of weight tensor; a checkpoint may store each kind in its own format.',
  values: {
    ATTENTION: {
      value: 'attention',
      description: 'q/k/v/o projections (MLA: its down- and up-projections).',
    },
    DENSE_FFN: { value: 'denseFfn', description: 'MLPs of dense layers.' },
    ROUTED_EXPERTS: { value: 'routedExperts', description: 'Routed experts of MoE layers.' },
    SHARED_EXPERTS: { value: 'sharedExperts', description: 'Shared experts of MoE layers.' },
    ROUTER: { value: 'router', description: 'MoE routers.' },
    EMBEDDING: { value: 'embedding', description: 'Input embedding table.' },
    LM_HEAD: {
      value: 'lmHead',
      description: 'Output projection to the vocabulary (the embedding table when tied).',
    },
  } as const,
});

export const NativeFormatRef = builder.objectRef<{ tensorClass: TensorClass; stored: StoredFormat }>(
  'NativeFormat',
);
NativeFormatRef.implement({
  description: 'How the published checkpoint stores one class of tensors (weightFormat NATIVE uses these).',
  fields: (t) => ({
    tensorClass: t.field({
      type: TensorClassEnum,
      description: 'Tensor class.',
      resolve: (n) => n.tensorClass,
    }),
    format: t.field({
      type: NumberFormatEnum,
      description: 'Element format.',
      resolve: (n) => n.stored.format,
    }),
    scaleBlockElements: t.int({
      nullable: true,
      description: 'Elements sharing one extra scale (DeepSeek FP8: 16,384 = 128 x 128); null when none.',
      resolve: (n) => n.stored.scaleBlockElements ?? null,
    }),
    bytesPerElement: t.float({
      description: 'Bytes one element takes, scales included, bytes.',
      resolve: (n) => storedBytesPerElement(n.stored),
    }),
  }),
});

export const TensorClassComputeRef = builder.objectRef<{ tensorClass: TensorClass; compute: ClassCompute }>(
  'TensorClassCompute',
);
TensorClassComputeRef.implement({
  description:
    'How one class of weight tensors is stored and multiplied in this estimate (they differ with weightFormat NATIVE).',
  fields: (t) => ({
    tensorClass: t.field({
      type: TensorClassEnum,
      description: 'Tensor class.',
      resolve: (c) => c.tensorClass,
    }),
    storageFormat: t.field({
      type: NumberFormatEnum,
      description: 'Element format the weights are stored in.',
      resolve: (c) => c.compute.storage.format,
    }),
    bytesPerParameter: t.float({
      description: 'Bytes one weight takes, its scales included, bytes.',
      resolve: (c) => c.compute.bytesPerParameter,
    }),
    computeFormatRequested: t.field({
      type: NumberFormatEnum,
      description: "Compute format asked for (computeFormat, else the storage format's default).",
      resolve: (c) => c.compute.computeFormatRequested,
    }),
    computeFormatUsed: t.field({
      type: NumberFormatEnum,
      description: 'Compute format the GPU has for it, after falling back.',
      resolve: (c) => c.compute.computeFormat,
    }),
    computePeakFlopsPerSecond: t.float({
      description: 'Dense peak of computeFormatUsed on this GPU, FLOP/s.',
      resolve: (c) => c.compute.peakFlops,
    }),
    dequantizes: t.boolean({
      description: 'Stored narrower than it computes: each weight is unpacked before the matmul.',
      resolve: (c) => c.compute.dequantizes,
    }),
  }),
});
