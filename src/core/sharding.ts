/**
 * The one place that splits a model over tensor x pipeline x expert x data parallel GPUs: what each
 * GPU holds (weights, KV heads or the MLA latent, experts, layers) and which links its collectives
 * cross. Memory (memory.ts) and timing (roofline.ts, timing.ts) both read it.
 *
 * Rules, as vLLM and TensorRT-LLM apply them:
 * - tensor: attention heads divide evenly over the tensor ranks; KV heads divide evenly, or the
 *   ranks are a multiple of them and each rank keeps a copy of one head. MLA's latent cache and
 *   down-projections are whole on every rank. The LM head and the embedding split by vocabulary.
 * - pipeline: at most one stage per layer; the layers split as evenly as possible and the stages
 *   before the last take the remainder (the last one also holds the LM head), as vLLM's
 *   get_pp_indices does. Within a stage each layer group keeps its share of the stage's layers.
 * - expert: the routed experts divide evenly over the expert ranks, and the expert ranks divide the
 *   tensor x data GPUs of a stage, which the MoE layers run across (vLLM --enable-expert-parallel):
 *   each GPU holds experts / expert whole experts, tensor-split over (tensor x data) / expert GPUs.
 *   Without expert parallelism the experts are tensor-split like dense layers and copied on every
 *   data-parallel rank.
 * - data: every data-parallel rank is a full copy (of its stage); sequences split evenly over them.
 * GPUs are numbered tensor first, then pipeline, then data: a tensor group fills a node before a
 * pipeline stage does.
 */
import { EstimateInputError } from './limits.js';
import type { GroupAnalysis } from './model.js';
import type { GpuSpec, ModelSpec, Parallelism, ParallelismDegrees } from './types.js';

export type { Parallelism, ParallelismDegrees };

/** 400 Gb/s per GPU: one ConnectX-7 InfiniBand NIC per GPU, as in NVIDIA's DGX/HGX H100, H200 and B200 reference designs. */
export const DEFAULT_NETWORK_BYTES_PER_SECOND = 400e9 / 8;
/** GPUs one node holds, as HGX and MI300X platform boards do. */
export const DEFAULT_GPUS_PER_NODE = 8;

/** What one pipeline stage's GPUs hold. Stages that hold the same are listed once with their count. */
export interface StageShard {
  /** Layers of each layer group on this stage (a group's share of the stage's layers; may be fractional). */
  layers: number[];
  /** Whole layers on the stage. */
  layerCount: number;
  /** First stage: the input embedding. */
  embedding: boolean;
  /** Last stage: the final norm and the LM head (a copy of the embedding table when tied and pipelined). */
  lmHead: boolean;
  /** Stages alike. */
  count: number;
}

export interface Sharding {
  parallelism: Parallelism;
  gpusPerNode: number;
  /** Distinct kinds of pipeline stage, first to last. */
  stages: StageShard[];
  /** GPUs one MoE layer's routed experts are spread over: tensor x data with expert parallelism, else tensor. */
  expertRanks: number;
  /** Tokens reaching one GPU's MoE layer per token of its data-parallel rank: data with expert parallelism, else 1. */
  expertTokenScale: number;
  /** Per-GPU bandwidth of the tensor-parallel all-reduce, B/s: the GPU interconnect within a node, the network across nodes. */
  tensorLinkBytesPerSecond: number;
  /** Per-GPU bandwidth of the expert all-to-all, B/s (the network when the expert ranks span nodes). */
  expertLinkBytesPerSecond: number;
  /** Bandwidth between neighbouring pipeline stages, B/s. */
  pipelineLinkBytesPerSecond: number;
  /** Network bandwidth per GPU between nodes, B/s. */
  networkBytesPerSecond: number;
}

/** The request's degrees, or tensor = gpuCount when it gives none. */
export function parallelismOf(
  gpuCount: number,
  degrees: Partial<ParallelismDegrees> | undefined,
): Parallelism {
  if (degrees === undefined) return { tensor: gpuCount, pipeline: 1, expert: 1, data: 1, gpuCount };
  const tensor = degrees.tensor ?? 1;
  const pipeline = degrees.pipeline ?? 1;
  const data = degrees.data ?? 1;
  return { tensor, pipeline, expert: degrees.expert ?? 1, data, gpuCount: tensor * pipeline * data };
}

/** KV heads one GPU holds: split over tensor-parallel ranks, a copy of one when there are more ranks than heads. */
export function kvHeadsPerGpu(kvHeads: number, tensor: number): number {
  return kvHeads >= tensor ? kvHeads / tensor : 1;
}

/**
 * Elements one token adds to one layer's cache on one GPU: K/V heads split over tensor-parallel
 * ranks (a copy past one head per rank); MLA's latent is whole on every rank.
 */
export function kvElementsPerTokenPerLayerPerGpu(group: GroupAnalysis, tensor: number): number {
  const a = group.group.attention.shape;
  return a.kind === 'GQA'
    ? 2 * kvHeadsPerGpu(a.kvHeads, tensor) * a.headDim
    : group.kvElementsPerTokenPerLayer;
}

function totalLayers(model: ModelSpec): number {
  let layers = 0;
  for (const g of model.layerGroups) layers += g.count;
  return layers;
}

function routedExperts(model: ModelSpec): number | null {
  for (const g of model.layerGroups) if (g.ffn.kind === 'MOE') return g.ffn.experts;
  return null;
}

/** Why engines refuse this split, naming the rule; null when they accept it. */
export function splitRefusal(model: ModelSpec, p: Parallelism): string | null {
  const { tensor, pipeline, expert, data } = p;
  for (const g of model.layerGroups) {
    const a = g.attention.shape;
    if (a.heads % tensor !== 0) {
      return `tensor = ${tensor}: the ${a.heads} attention heads must divide evenly over the tensor-parallel GPUs`;
    }
    if (a.kind === 'GQA' && a.kvHeads % tensor !== 0 && tensor % a.kvHeads !== 0) {
      return `tensor = ${tensor}: the ${a.kvHeads} KV heads must divide evenly over the tensor-parallel GPUs, or the GPUs be a multiple of them (one head copied per GPU)`;
    }
  }
  const layers = totalLayers(model);
  if (pipeline > layers) {
    return `pipeline = ${pipeline}: at most one pipeline stage per layer (${layers} layers)`;
  }
  if (expert > 1) {
    const experts = routedExperts(model);
    if (experts === null) return `expert = ${expert}: the model has no routed experts to spread`;
    if (experts % expert !== 0) {
      return `expert = ${expert}: the ${experts} routed experts must divide evenly over the expert-parallel GPUs`;
    }
    if ((tensor * data) % expert !== 0) {
      return `expert = ${expert}: expert parallelism spreads the experts over the tensor x data GPUs of a stage (${tensor} x ${data}); it must divide them`;
    }
  }
  return null;
}

/** Throws the refusal as an input error on `field`. */
export function checkSplit(field: string, model: ModelSpec, p: Parallelism): void {
  const refusal = splitRefusal(model, p);
  if (refusal === null) return;
  const split = `tensor ${p.tensor} x pipeline ${p.pipeline} x expert ${p.expert} x data ${p.data}`;
  throw new EstimateInputError(field, split, `a split engines accept; ${refusal}`);
}

/** Layers per stage: floor(L / p) each, the remainder one more each on the stages just before the last. */
export function stageLayerCounts(layers: number, pipeline: number): number[] {
  const base = Math.floor(layers / pipeline);
  const counts = Array.from({ length: pipeline }, () => base);
  const remainder = layers - base * pipeline;
  for (let i = 2; i <= remainder + 1; i++) counts[pipeline - i] = (counts[pipeline - i] as number) + 1;
  return counts;
}

function stages(model: ModelSpec, pipeline: number): StageShard[] {
  const total = totalLayers(model);
  const counts = stageLayerCounts(total, pipeline);
  const out: StageShard[] = [];
  counts.forEach((layerCount, i) => {
    const embedding = i === 0;
    const lmHead = i === pipeline - 1;
    const last = out[out.length - 1];
    if (last && last.layerCount === layerCount && last.embedding === embedding && last.lmHead === lmHead) {
      last.count++;
      return;
    }
    out.push({
      layers: model.layerGroups.map((g) => (g.count * layerCount) / total),
      layerCount,
      embedding,
      lmHead,
      count: 1,
    });
  });
  return out;
}

/** Network bandwidth per GPU of the GPU's platform, B/s (the request may override it). */
export function networkBytesPerSecond(gpu: GpuSpec): number {
  return gpu.networkBandwidthBytesPerSecond ?? DEFAULT_NETWORK_BYTES_PER_SECOND;
}

/** Bandwidth of a collective over `span` consecutive GPUs: the interconnect within a node, the slower of it and the network across nodes. */
function linkBandwidth(span: number, gpusPerNode: number, gpu: GpuSpec, network: number): number {
  const inside = gpu.interconnectBandwidthBytesPerSecond;
  return span <= gpusPerNode ? inside : Math.min(inside, network);
}

export interface ShardingOptions {
  gpusPerNode: number;
  /** Network bandwidth per GPU between nodes, B/s; the platform's when absent. */
  networkBytesPerSecond?: number;
}

export function shardModel(
  model: ModelSpec,
  gpu: GpuSpec,
  p: Parallelism,
  options: ShardingOptions,
): Sharding {
  const { gpusPerNode } = options;
  const network = options.networkBytesPerSecond ?? networkBytesPerSecond(gpu);
  const ep = p.expert > 1;
  return {
    parallelism: p,
    gpusPerNode,
    stages: stages(model, p.pipeline),
    expertRanks: ep ? p.tensor * p.data : p.tensor,
    expertTokenScale: ep ? p.data : 1,
    tensorLinkBytesPerSecond: linkBandwidth(p.tensor, gpusPerNode, gpu, network),
    // The expert ranks of one stage: tensor x data GPUs, a node apart per pipeline stage when data > 1.
    expertLinkBytesPerSecond: linkBandwidth(
      p.data > 1 ? p.tensor * p.pipeline * p.data : p.tensor,
      gpusPerNode,
      gpu,
      network,
    ),
    // The slowest stage boundary sets the pace: one crosses nodes once a pipeline outgrows a node.
    pipelineLinkBytesPerSecond: linkBandwidth(p.tensor * p.pipeline, gpusPerNode, gpu, network),
    networkBytesPerSecond: network,
  };
}

/** Sequences one data-parallel rank holds of `sequences` across the estimate: the most loaded rank's share. */
export function sequencesPerRank(sequences: number, s: Sharding): number {
  return Math.ceil(sequences / s.parallelism.data);
}
