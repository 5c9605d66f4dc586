/**
 * The parallelism layouts a plan considers for one deployment of up to maxGpus GPUs, and whether
 * engines accept each split (sharding.ts's rules).
 *
 * The layouts people deploy: tensor parallelism inside one node (1 to gpusPerNode GPUs), and past
 * one node a node-wide tensor group per pipeline stage (tensor = gpusPerNode, pipeline = nodes).
 * For MoE models each layout with tensor > 1 also comes with expert parallelism over its tensor
 * GPUs (expert = tensor). Data parallelism is not a layout: copies of a deployment are its replicas.
 */
import { DEFAULT_GPUS_PER_NODE, splitRefusal } from '../sharding.js';
import type { ModelSpec, Parallelism } from '../types.js';

export interface Layout {
  parallelism: Parallelism;
  /** Why engines refuse this split; null when they accept it. */
  refusal: string | null;
}

export interface LayoutOptions {
  gpusPerNode?: number;
  /** Only deployments of these GPU counts (the inverse shortcuts fix an estimate's own count). */
  gpuCounts?: readonly number[];
  /** Only this layout (the inverse shortcuts keep an estimate's own split). */
  parallelism?: Parallelism;
}

function degrees(tensor: number, pipeline: number, expert: number): Parallelism {
  return { tensor, pipeline, expert, data: 1, gpuCount: tensor * pipeline };
}

/** The layouts' degrees, fewest GPUs first, without the model (for counting). */
function layoutDegrees(maxGpus: number, gpusPerNode: number, moe: boolean): Parallelism[] {
  const out: Parallelism[] = [];
  const add = (tensor: number, pipeline: number) => {
    out.push(degrees(tensor, pipeline, 1));
    if (moe && tensor > 1) out.push(degrees(tensor, pipeline, tensor));
  };
  for (let tensor = 1; tensor <= Math.min(maxGpus, gpusPerNode); tensor++) add(tensor, 1);
  for (let nodes = 2; nodes * gpusPerNode <= maxGpus; nodes++) add(gpusPerNode, nodes);
  return out;
}

function isMoe(model: ModelSpec): boolean {
  return model.layerGroups.some((g) => g.ffn.kind === 'MOE');
}

/** Layouts with 1 to maxGpus GPUs, fewest GPUs first. */
export function layoutsUpTo(model: ModelSpec, maxGpus: number, options: LayoutOptions = {}): Layout[] {
  const candidates = options.parallelism
    ? [options.parallelism]
    : layoutDegrees(maxGpus, options.gpusPerNode ?? DEFAULT_GPUS_PER_NODE, isMoe(model));
  return candidates
    .filter((p) => options.gpuCounts === undefined || options.gpuCounts.includes(p.gpuCount))
    .map((parallelism) => ({ parallelism, refusal: splitRefusal(model, parallelism) }));
}

/** Layouts a plan of maxGpus looks at for an MoE model (the most), counted without building them (for the size check). */
export function layoutCount(maxGpus: number, gpusPerNode = DEFAULT_GPUS_PER_NODE): number {
  return layoutDegrees(maxGpus, gpusPerNode, true).length;
}
