import { kvHeadsPerGpu } from './memory.js';
import { type ModelAnalysis, unquantisedBytesPerElement } from './model.js';
import type { ResolvedRequest } from './resolve.js';

export type Bound = 'COMPUTE' | 'MEMORY' | 'INTERCONNECT' | 'OVERHEAD';

export type OperatorName =
  | 'embedding'
  | 'norms'
  | 'qkv_projection'
  | 'attention_scores'
  | 'attention_values'
  | 'output_projection'
  | 'moe_router'
  | 'ffn'
  | 'lm_head'
  | 'tensor_parallel_all_reduce';

/** One operator summed over all layers, on one GPU. */
export interface OperatorCost {
  name: OperatorName;
  seconds: number;
  flops: number;
  bytes: number;
  bound: Bound;
  /** The attention-score operators (QK^T and PV), whose cost grows with the context. */
  attention: boolean;
}

/** One forward step: `tokens` new tokens over `sequences` sequences. Counts are totals over sequences. */
export interface Step {
  tokens: number;
  sequences: number;
  /** Query-key pairs the attention scores: causal, capped by the sliding window. */
  attentionPairs: number;
  /** Cached key (and value) vectors read per layer. */
  kvTokensRead: number;
  /** Experts whose weights the step reads (expected distinct experts; 1 for dense models). */
  distinctExperts: number;
}

export interface PhaseEfficiency {
  compute: number;
  bandwidth: number;
}

function cost(
  name: OperatorName,
  flops: number,
  bytes: number,
  peakFlops: number,
  bandwidth: number,
  attention = false,
  dequantizationSeconds = 0,
): OperatorCost {
  const computeSeconds = flops / peakFlops + dequantizationSeconds;
  const memorySeconds = bytes / bandwidth;
  return computeSeconds > memorySeconds
    ? { name, seconds: computeSeconds, flops, bytes, bound: 'COMPUTE', attention }
    : { name, seconds: memorySeconds, flops, bytes, bound: 'MEMORY', attention };
}

/**
 * FLOPs and bytes of every operator of one step on one GPU, and their roofline time:
 * max(FLOPs / (peak * compute efficiency), bytes / (bandwidth * bandwidth efficiency)).
 * A matmul of m tokens by a k x n weight is 2*m*k*n FLOPs and reads k*n weights.
 */
export function stepOperators(
  analysis: ModelAnalysis,
  r: ResolvedRequest,
  step: Step,
  efficiency: PhaseEfficiency,
): OperatorCost[] {
  const m = analysis.model;
  const L = m.layers;
  const d = m.hiddenSize;
  const g = r.gpuCount;
  const T = step.tokens;
  const wb = r.weightBytesPerParameter;
  const ab = r.activationBytesPerElement;
  const hb = unquantisedBytesPerElement(r.weightFormat);
  const kvb = r.kvBytesPerElement;
  const peak = r.computePeakFlops * efficiency.compute;
  const attentionPeak = r.attentionPeakFlops * efficiency.compute;
  const bandwidth = r.gpu.memoryBandwidthBytesPerSecond * efficiency.bandwidth;
  // Matmuls over weight-only quantised weights stream at their own (lower) efficiency.
  const matmulBandwidth = r.dequantizesWeights
    ? r.gpu.memoryBandwidthBytesPerSecond * r.tuning.weightOnlyBandwidthEfficiency
    : bandwidth;
  // Seconds to unpack `weights` weight-only-quantised weights on the vector units.
  const unpack = (weights: number) =>
    r.dequantizesWeights
      ? (weights * r.tuning.dequantizationOpsPerWeight * r.dequantizationCost) /
        (r.vectorPeakFlops * efficiency.compute)
      : 0;

  const qWidth = (m.attentionHeads * m.headDim) / g;
  const kvWidth = kvHeadsPerGpu(m.kvHeads, g) * m.headDim;
  const qkvWidth = qWidth + 2 * kvWidth;
  const biasBytes = (analysis.attentionBiasParametersPerLayer / g) * hb;

  const scores = cost(
    'attention_scores',
    L * 2 * step.attentionPairs * qWidth,
    L * step.kvTokensRead * kvWidth * kvb,
    attentionPeak,
    bandwidth,
    true,
  );
  const ops: OperatorCost[] = [
    cost('embedding', 0, 2 * T * d * ab, peak, bandwidth),
    cost('norms', (2 * L + 1) * 4 * T * d, (2 * L + 1) * (2 * T * d * ab + d * hb), peak, bandwidth),
    cost(
      'qkv_projection',
      L * 2 * T * d * qkvWidth,
      L * (d * qkvWidth * wb + biasBytes + T * d * ab + T * qWidth * ab + T * 2 * kvWidth * kvb),
      peak,
      matmulBandwidth,
      false,
      unpack(L * d * qkvWidth),
    ),
    // QK^T reads the cached keys, softmax x V the cached values: the same FLOPs and bytes each.
    scores,
    { ...scores, name: 'attention_values' },
    cost(
      'output_projection',
      L * 2 * T * qWidth * d,
      L * (qWidth * d * wb + T * qWidth * ab + T * d * ab),
      peak,
      matmulBandwidth,
      false,
      unpack(L * qWidth * d),
    ),
  ];

  if (m.experts > 1) {
    ops.push(
      cost('moe_router', L * 2 * T * d * m.experts, L * (d * m.experts * wb + T * d * ab), peak, bandwidth),
    );
  }

  const ffnWeightsPerExpert = analysis.ffnParametersPerExpert / g;
  const ffnActivations =
    T * (2 * d + (m.expertsPerToken * analysis.ffnMatrices * m.intermediateSize) / g) * ab;
  ops.push(
    cost(
      'ffn',
      L * 2 * T * m.expertsPerToken * ffnWeightsPerExpert,
      L * (step.distinctExperts * ffnWeightsPerExpert * wb + ffnActivations),
      peak,
      matmulBandwidth,
      false,
      unpack(L * step.distinctExperts * ffnWeightsPerExpert),
    ),
  );

  // Logits for the last position of each sequence only; the head (or the tied embedding table) is 16-bit
  // unless a quantisation scheme stores it narrower.
  const vocabPerGpu = m.vocabSize / g;
  ops.push(
    cost(
      'lm_head',
      2 * step.sequences * d * vocabPerGpu,
      d * vocabPerGpu * r.lmHeadBytesPerParameter + step.sequences * (d * ab + vocabPerGpu * 4),
      peak,
      bandwidth,
    ),
  );

  if (g > 1) {
    // Ring all-reduce after attention and after the FFN of every layer: each GPU sends and
    // receives 2 (g-1)/g of the activations in 2 (g-1) steps, each step paying a fixed chunk,
    // plus a fixed latency per collective.
    const allReduces = 2 * L;
    const bytes = allReduces * ((2 * (g - 1)) / g) * T * d * ab;
    const stepBytes = allReduces * 2 * (g - 1) * r.tuning.allReduceStepBytes;
    const seconds =
      (bytes + stepBytes) / r.gpu.interconnectBandwidthBytesPerSecond +
      allReduces * r.tuning.allReduceLatencySeconds;
    ops.push({
      name: 'tensor_parallel_all_reduce',
      seconds,
      flops: 0,
      bytes,
      bound: 'INTERCONNECT',
      attention: false,
    });
  }
  return ops;
}
