import type { GroupAnalysis, ModelAnalysis } from './model.js';
import type { MultiHeadLatentAttention, TensorClass } from './model-spec.js';
import { type ResolvedRequest, unquantisedBytes } from './resolve.js';
import { kvHeadsPerGpu, type StageShard } from './sharding.js';

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
  | 'shared_experts'
  | 'lm_head'
  | 'tensor_parallel_all_reduce'
  | 'expert_all_to_all'
  | 'pipeline_bubble'
  | 'speculative_draft';

/** One operator summed over the layers of one group (or the whole model) on one GPU: the busiest pipeline stage's. */
export interface OperatorCost {
  name: OperatorName;
  /** Index of the layer group in ModelSpec.layerGroups; null for operators outside the layers (embedding, LM head, all-reduce). */
  layerGroup: number | null;
  seconds: number;
  flops: number;
  bytes: number;
  bound: Bound;
  /** The attention-score operators (QK^T and PV), whose cost grows with the context. */
  attention: boolean;
}

/** What one layer group does in a step, totals over sequences. */
export interface GroupStep {
  /** Query-key pairs the attention scores: causal, capped by the group's window or chunk. */
  attentionPairs: number;
  /** Cached key (and value) vectors read per layer. */
  kvTokensRead: number;
  /**
   * Routed experts whose weights the step reads, of all the group's experts (expected distinct
   * experts over the tokens reaching the MoE layer; 1 for a dense group). Each GPU reads its share.
   */
  distinctExperts: number;
}

/**
 * How MLA is computed. EXPANDED (prefill): the latent is expanded into per-head keys and values by
 * the kv up-projection, then ordinary attention. ABSORBED (decode): the up-projections are folded
 * into the query and the output, and attention runs over the cached latent itself, read once for
 * all heads, as FlashMLA and the MLA kernels of vLLM, SGLang and TensorRT-LLM do.
 */
export type MlaForm = 'EXPANDED' | 'ABSORBED';

/**
 * One forward step of one data-parallel rank: `tokens` new tokens over `sequences` sequences.
 * Counts are totals over the rank's sequences.
 */
export interface Step {
  tokens: number;
  sequences: number;
  /** One entry per layer group, in ModelSpec.layerGroups order. */
  groups: GroupStep[];
  mlaForm: MlaForm;
  /**
   * The decode positions of a step that also carries prefill, with their share of each group's
   * attention pairs and KV reads: an EXPANDED step runs them absorbed (MLA only).
   */
  decodePart?: { tokens: number; groups: Pick<GroupStep, 'attentionPairs' | 'kvTokensRead'>[] };
}

export interface PhaseEfficiency {
  compute: number;
  bandwidth: number;
}

function cost(
  name: OperatorName,
  group: number | null,
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
    ? { name, layerGroup: group, seconds: computeSeconds, flops, bytes, bound: 'COMPUTE', attention }
    : { name, layerGroup: group, seconds: memorySeconds, flops, bytes, bound: 'MEMORY', attention };
}

/** Everything an operator needs from the request and the phase, computed once per step. */
interface Ctx {
  r: ResolvedRequest;
  /** Tensor-parallel ranks. */
  g: number;
  /** Layers of each group on this stage. */
  layers: readonly number[];
  T: number;
  d: number;
  ab: number;
  hb: number;
  kvb: number;
  efficiency: PhaseEfficiency;
  bandwidth: number;
  attentionPeak: number;
}

/** A matmul over weights of one tensor class: its own peak, storage width and unpacking cost. */
function matmul(
  c: Ctx,
  name: OperatorName,
  group: number,
  tensorClass: TensorClass,
  flops: number,
  weights: number,
  otherBytes: number,
  extraBytes = 0,
): OperatorCost {
  const cls = c.r.classes[tensorClass];
  const peak = cls.peakFlops * c.efficiency.compute;
  // Matmuls over weight-only quantised weights stream at their own (lower) efficiency.
  const bandwidth = cls.dequantizes
    ? c.r.gpu.memoryBandwidthBytesPerSecond * c.r.tuning.weightOnlyBandwidthEfficiency
    : c.bandwidth;
  // Seconds to unpack the weight-only-quantised weights on the vector units.
  const unpack = cls.dequantizes
    ? (weights * c.r.tuning.dequantizationOpsPerWeight * c.r.dequantizationCost) /
      (c.r.vectorPeakFlops * c.efficiency.compute)
    : 0;
  return cost(
    name,
    group,
    flops,
    weights * cls.bytesPerParameter + extraBytes + otherBytes,
    peak,
    bandwidth,
    false,
    unpack,
  );
}

/** Attention of a grouped-query (MHA/GQA/MQA) group: projections, scores, values, output. */
function gqaOperators(c: Ctx, gi: number, ga: GroupAnalysis, gs: GroupStep, ops: OperatorCost[]): void {
  const a = ga.group.attention.shape;
  if (a.kind !== 'GQA') return;
  const { g, T, d, ab, kvb } = c;
  const L = c.layers[gi] as number;
  const qWidth = (a.heads * a.headDim) / g;
  const kvWidth = kvHeadsPerGpu(a.kvHeads, g) * a.headDim;
  const qkvWidth = qWidth + 2 * kvWidth;
  const biasBytes = (ga.attentionExtras / g) * c.hb;
  const scores = cost(
    'attention_scores',
    gi,
    L * 2 * gs.attentionPairs * qWidth,
    L * gs.kvTokensRead * kvWidth * kvb,
    c.attentionPeak,
    c.bandwidth,
    true,
  );
  ops.push(
    matmul(
      c,
      'qkv_projection',
      gi,
      'attention',
      L * 2 * T * d * qkvWidth,
      L * d * qkvWidth,
      L * (T * d * ab + T * qWidth * ab + T * 2 * kvWidth * kvb),
      L * biasBytes,
    ),
    // QK^T reads the cached keys, softmax x V the cached values: the same FLOPs and bytes each.
    scores,
    { ...scores, name: 'attention_values' },
    matmul(
      c,
      'output_projection',
      gi,
      'attention',
      L * 2 * T * qWidth * d,
      L * qWidth * d,
      L * (T * qWidth * ab + T * d * ab),
    ),
  );
}

/**
 * Attention of an MLA group. The down-projections (q_a, kv_a) are replicated on every
 * tensor-parallel rank; the up-projections and the output split by heads.
 */
function mlaOperators(
  c: Ctx,
  gi: number,
  ga: GroupAnalysis,
  gs: GroupStep,
  form: MlaForm,
  ops: OperatorCost[],
  weightShare = 1,
): void {
  const a = ga.group.attention.shape as MultiHeadLatentAttention;
  const { g, T, d, ab, kvb } = c;
  const L = c.layers[gi] as number;
  // W: weights this call reads (0 when another form's call in the same step already read them).
  const W = L * weightShare;
  const h = a.heads / g;
  const qHead = a.qkNopeHeadDim + a.qkRopeHeadDim;
  const latent = a.kvLoraRank + a.qkRopeHeadDim;
  const qWeights = a.qLoraRank === null ? d * h * qHead : d * a.qLoraRank + a.qLoraRank * h * qHead;
  const kvDown = d * latent;
  const kUp = a.kvLoraRank * h * a.qkNopeHeadDim;
  const vUp = a.kvLoraRank * h * a.vHeadDim;
  const extrasBytes = W * ga.attentionExtras * c.hb;
  // Reading the input, writing q and the latent (cache write).
  const inOut = T * d * ab + T * h * qHead * ab + T * latent * kvb;
  if (form === 'EXPANDED') {
    ops.push(
      matmul(
        c,
        'qkv_projection',
        gi,
        'attention',
        L * 2 * T * (qWeights + kvDown + kUp + vUp),
        W * (qWeights + kvDown + kUp + vUp),
        L * (inOut + T * h * (a.qkNopeHeadDim + a.vHeadDim) * ab),
        extrasBytes,
      ),
      cost(
        'attention_scores',
        gi,
        L * 2 * gs.attentionPairs * h * qHead,
        L * gs.kvTokensRead * h * qHead * ab,
        c.attentionPeak,
        c.bandwidth,
        true,
      ),
      cost(
        'attention_values',
        gi,
        L * 2 * gs.attentionPairs * h * a.vHeadDim,
        L * gs.kvTokensRead * h * a.vHeadDim * ab,
        c.attentionPeak,
        c.bandwidth,
        true,
      ),
      matmul(
        c,
        'output_projection',
        gi,
        'attention',
        L * 2 * T * h * a.vHeadDim * d,
        W * h * a.vHeadDim * d,
        L * (T * h * a.vHeadDim * ab + T * d * ab),
      ),
    );
    return;
  }
  // Absorbed: q_nope x W_UK per head gives a query in latent space; scores and values run over
  // the latent (read once for all heads); the result goes through W_UV, then o.
  ops.push(
    matmul(
      c,
      'qkv_projection',
      gi,
      'attention',
      L * 2 * T * (qWeights + kvDown + kUp),
      W * (qWeights + kvDown + kUp),
      L * (inOut + T * h * latent * ab),
      extrasBytes,
    ),
    cost(
      'attention_scores',
      gi,
      L * 2 * gs.attentionPairs * h * latent,
      L * gs.kvTokensRead * latent * kvb,
      c.attentionPeak,
      c.bandwidth,
      true,
    ),
    cost(
      'attention_values',
      gi,
      L * 2 * gs.attentionPairs * h * a.kvLoraRank,
      0,
      c.attentionPeak,
      c.bandwidth,
      true,
    ),
    matmul(
      c,
      'output_projection',
      gi,
      'attention',
      L * 2 * T * (vUp + h * a.vHeadDim * d),
      W * (vUp + h * a.vHeadDim * d),
      L * (T * h * a.kvLoraRank * ab + T * d * ab),
    ),
  );
}

/**
 * MLA in a step that mixes prefill and decode: engines run the prefill tokens expanded and the
 * decode tokens absorbed (vLLM's and SGLang's MLA backends split the batch), reading the weights
 * once; the two parts' operators are summed by name.
 */
function mixedMlaOperators(
  c: Ctx,
  gi: number,
  ga: GroupAnalysis,
  gs: GroupStep,
  step: Step,
  ops: OperatorCost[],
): void {
  const part = step.decodePart;
  const decode = part?.groups[gi];
  if (step.mlaForm !== 'EXPANDED' || part === undefined || decode === undefined || part.tokens <= 0) {
    mlaOperators(c, gi, ga, gs, step.mlaForm, ops);
    return;
  }
  const parts: OperatorCost[] = [];
  const prefill: GroupStep = {
    ...gs,
    attentionPairs: gs.attentionPairs - decode.attentionPairs,
    kvTokensRead: gs.kvTokensRead - decode.kvTokensRead,
  };
  mlaOperators({ ...c, T: c.T - part.tokens }, gi, ga, prefill, 'EXPANDED', parts);
  mlaOperators({ ...c, T: part.tokens }, gi, ga, { ...gs, ...decode }, 'ABSORBED', parts, 0);
  const byName = new Map<OperatorName, OperatorCost>();
  for (const op of parts) {
    const seen = byName.get(op.name);
    if (seen === undefined) {
      byName.set(op.name, op);
      continue;
    }
    byName.set(op.name, {
      ...seen,
      seconds: seen.seconds + op.seconds,
      flops: seen.flops + op.flops,
      bytes: seen.bytes + op.bytes,
      bound: seen.seconds >= op.seconds ? seen.bound : op.bound,
    });
  }
  ops.push(...byName.values());
}

/** Router, routed experts (or the dense MLP) and shared experts of one group. */
function ffnOperators(c: Ctx, gi: number, ga: GroupAnalysis, gs: GroupStep, ops: OperatorCost[]): void {
  const { g, T, d, ab } = c;
  const L = c.layers[gi] as number;
  const ffn = ga.group.ffn;
  if (ffn.kind === 'DENSE') {
    const weights = ga.denseFfnWeights / g;
    const activations = T * (2 * d + (ga.ffnMatrices * ffn.intermediateSize) / g) * ab;
    ops.push(
      matmul(
        c,
        'ffn',
        gi,
        'denseFfn',
        L * 2 * T * weights,
        L * weights,
        L * activations,
        L * (ga.ffnExtras / g) * c.hb,
      ),
    );
    return;
  }
  const router = c.r.classes.router;
  ops.push(
    cost(
      'moe_router',
      gi,
      L * 2 * T * d * ffn.experts,
      L * (d * ffn.experts * router.bytesPerParameter + T * d * ab),
      router.peakFlops * c.efficiency.compute,
      c.bandwidth,
    ),
  );
  // Routed experts: each GPU holds 1 / expertRanks of them and serves the tokens of expertTokenScale
  // data-parallel ranks (expert parallelism across data ranks pools their tokens).
  const s = c.r.sharding;
  const perExpert = ga.expertWeights / s.expertRanks;
  const moeTokens = T * s.expertTokenScale;
  const activations =
    moeTokens * (2 * d + (ffn.expertsPerToken * ga.ffnMatrices * ffn.expertIntermediateSize) / g) * ab;
  ops.push(
    matmul(
      c,
      'ffn',
      gi,
      'routedExperts',
      L * 2 * moeTokens * ffn.expertsPerToken * perExpert,
      L * gs.distinctExperts * perExpert,
      L * activations,
      L * gs.distinctExperts * (ga.expertExtras / s.expertRanks) * c.hb,
    ),
  );
  if (ffn.sharedExperts > 0) {
    const shared = ga.sharedExpertWeights / g;
    const sharedActivations =
      T * (2 * d + (ffn.sharedExperts * ga.ffnMatrices * ffn.sharedExpertIntermediateSize) / g) * ab;
    ops.push(
      matmul(c, 'shared_experts', gi, 'sharedExperts', L * 2 * T * shared, L * shared, L * sharedActivations),
    );
  }
}

/**
 * FLOPs and bytes of every operator of every layer group in one step on one GPU, and their
 * roofline time: max(FLOPs / (peak * compute efficiency), bytes / (bandwidth * bandwidth efficiency)).
 * A matmul of m tokens by a k x n weight is 2*m*k*n FLOPs and reads k*n weights.
 */
export function stepOperators(
  analysis: ModelAnalysis,
  r: ResolvedRequest,
  step: Step,
  efficiency: PhaseEfficiency,
  stage: StageShard = r.sharding.stages[0] as StageShard,
): OperatorCost[] {
  const m = analysis.model;
  const d = m.hiddenSize;
  const s = r.sharding;
  const g = s.parallelism.tensor;
  const T = step.tokens;
  const ab = r.activationBytesPerElement;
  const hb = unquantisedBytes(r);
  const head = r.classes.lmHead;
  const peak = head.peakFlops * efficiency.compute;
  const bandwidth = r.gpu.memoryBandwidthBytesPerSecond * efficiency.bandwidth;
  const c: Ctx = {
    r,
    g,
    layers: stage.layers,
    T,
    d,
    ab,
    hb,
    kvb: r.kvBytesPerElement,
    efficiency,
    bandwidth,
    attentionPeak: r.attentionPeakFlops * efficiency.compute,
  };

  const ops: OperatorCost[] = [];
  if (stage.embedding) ops.push(cost('embedding', null, 0, 2 * T * d * ab, peak, bandwidth));
  // Collectives per layer: an all-reduce after attention, and after the FFN unless expert
  // parallelism moves the MoE layer's tokens by all-to-all instead.
  let allReduces = 0;
  let moeLayers = 0;
  let moeExpertsPerToken = 0;
  analysis.groups.forEach((ga, gi) => {
    const gs = step.groups[gi] as GroupStep;
    const L = stage.layers[gi] as number;
    // Per-layer norms; the last stage's final norm is counted with the first group.
    const norms = ga.group.normsPerLayer * L + (gi === 0 && stage.lmHead ? 1 : 0);
    ops.push(cost('norms', gi, norms * 4 * T * d, norms * (2 * T * d * ab + d * hb), peak, bandwidth));
    if (ga.group.attention.shape.kind === 'MLA') mixedMlaOperators(c, gi, ga, gs, step, ops);
    else gqaOperators(c, gi, ga, gs, ops);
    ffnOperators(c, gi, ga, gs, ops);
    const expertParallel = ga.group.ffn.kind === 'MOE' && s.parallelism.expert > 1;
    allReduces += L * (expertParallel ? 1 : 2);
    if (expertParallel) {
      moeLayers += L;
      moeExpertsPerToken = ga.expertsPerToken;
    }
  });

  if (stage.lmHead) {
    // Logits for the last position of each sequence only; the head (or the tied embedding table) is 16-bit
    // unless a quantisation scheme stores it narrower.
    const vocabPerGpu = m.vocabSize / g;
    ops.push(
      cost(
        'lm_head',
        null,
        2 * step.sequences * d * vocabPerGpu,
        d * vocabPerGpu * head.bytesPerParameter + step.sequences * (d * ab + vocabPerGpu * 4),
        peak,
        bandwidth,
      ),
    );
  }

  if (g > 1 && allReduces > 0) {
    // Ring all-reduce: each GPU sends and receives 2 (g-1)/g of the activations in 2 (g-1) steps,
    // each step paying a fixed chunk, plus a fixed latency per collective.
    const bytes = allReduces * ((2 * (g - 1)) / g) * T * d * ab;
    const stepBytes = allReduces * 2 * (g - 1) * r.tuning.allReduceStepBytes;
    const seconds =
      (bytes + stepBytes) / s.tensorLinkBytesPerSecond + allReduces * r.tuning.allReduceLatencySeconds;
    ops.push(interconnect('tensor_parallel_all_reduce', seconds, bytes));
  }
  if (moeLayers > 0) {
    // Dispatch and combine: each GPU sends its 1/tensor share of the rank's tokens to the ranks
    // holding their top-k experts ((e-1)/e of them elsewhere) and receives as much back.
    const e = s.parallelism.expert;
    const bytes = moeLayers * 2 * (T / g) * moeExpertsPerToken * d * ab * ((e - 1) / e);
    const seconds = bytes / s.expertLinkBytesPerSecond + moeLayers * 2 * r.tuning.allReduceLatencySeconds;
    ops.push(interconnect('expert_all_to_all', seconds, bytes));
  }
  return ops;
}

function interconnect(name: OperatorName, seconds: number, bytes: number): OperatorCost {
  return { name, layerGroup: null, seconds, flops: 0, bytes, bound: 'INTERCONNECT', attention: false };
}
