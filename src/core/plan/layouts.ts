/**
 * The parallelism layouts a plan considers for one deployment of up to maxGpus GPUs, and whether
 * an engine accepts each split.
 *
 * The estimate models tensor parallelism over gpuCount GPUs, so each GPU count n from 1 to maxGpus
 * is one layout, tensor = n. Data parallelism is not a layout: copies of a deployment are its
 * replicas. Split rule (vLLM's and TensorRT-LLM's): the attention heads divide evenly over the
 * tensor ranks, and the KV heads either divide evenly or each rank keeps a copy of one (the
 * number of ranks is a multiple of the KV heads).
 */
import type { ModelSpec } from '../types.js';
import type { Parallelism } from './types.js';

export interface Layout {
  parallelism: Parallelism;
  /** Why engines refuse this split; null when they accept it. */
  refusal: string | null;
}

function tensorSplitRefusal(model: ModelSpec, tensor: number): string | null {
  if (model.attentionHeads % tensor !== 0) {
    return `${model.attentionHeads} attention heads do not divide over ${tensor} tensor-parallel GPUs`;
  }
  if (model.kvHeads % tensor !== 0 && tensor % model.kvHeads !== 0) {
    return `${model.kvHeads} KV heads neither divide over ${tensor} tensor-parallel GPUs nor replicate evenly`;
  }
  return null;
}

/** Layouts with 1 to maxGpus GPUs (only the given counts when `gpuCounts` is set), fewest GPUs first. */
export function layoutsUpTo(model: ModelSpec, maxGpus: number, gpuCounts?: readonly number[]): Layout[] {
  const layouts: Layout[] = [];
  for (let tensor = 1; tensor <= maxGpus; tensor++) {
    if (gpuCounts !== undefined && !gpuCounts.includes(tensor)) continue;
    layouts.push({
      parallelism: { tensor, pipeline: 1, expert: 1, data: 1, gpuCount: tensor },
      refusal: tensorSplitRefusal(model, tensor),
    });
  }
  return layouts;
}

/** Layouts a plan of maxGpus looks at, counted without building them (for the size check). */
export function layoutCount(maxGpus: number): number {
  return maxGpus;
}
