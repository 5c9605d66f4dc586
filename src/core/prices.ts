/**
 * Public on-demand cloud prices per GPU (data/gpu-prices.json, each with its provider, date and
 * source), read once at import: no I/O at run time, so the core stays pure.
 */
import table from '../../data/gpu-prices.json' with { type: 'json' };

export interface GpuPrice {
  gpu: string;
  /** US dollars per GPU per hour, on-demand; null when no public price was found. */
  dollarsPerHour: number | null;
  provider?: string;
  /** The date the source gives for the price (YYYY-MM-DD, or the year when it gives none). */
  asOf?: string;
  source?: string;
  /** Why the price is null, when it is. */
  note?: string;
}

export const GPU_PRICES: readonly GpuPrice[] = Object.freeze(
  table.prices.map((entry) => Object.freeze(entry)),
);

const BY_GPU: ReadonlyMap<string, GpuPrice> = new Map(GPU_PRICES.map((entry) => [entry.gpu, entry]));

/** The table's entry for a catalog GPU id, or undefined when the GPU is not in the table. */
export function gpuPriceEntry(gpuId: string): GpuPrice | undefined {
  return BY_GPU.get(gpuId);
}

/** List price of one GPU, dollars per hour; null when none is known (custom GPUs, GPUs without a listing). */
export function listPriceDollarsPerHour(gpuId: string): number | null {
  return BY_GPU.get(gpuId)?.dollarsPerHour ?? null;
}
