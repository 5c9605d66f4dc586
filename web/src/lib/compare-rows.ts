/** Rows of the Compare view: one per GPU and weight format, labelled and ordered for the table and the bars. */
import type { SortKey } from './url-state.js';

export interface Range {
  low: number;
  high: number;
}

export interface CompareEstimate {
  gpu: { id: string; name: string; listPriceDollarsPerHour?: number | null };
  gpuCount: number;
  assumptions: { weightFormat: string };
  fits: boolean;
  timeToFirstTokenSeconds: number;
  timeToFirstTokenSecondsRange: Range;
  timePerOutputTokenSeconds: number;
  timePerOutputTokenSecondsRange: Range;
  outputTokensPerSecond: number;
  outputTokensPerSecondRange: Range;
}

export interface CompareRow {
  /** Unique label: the GPU name, with the weight format when several are compared. */
  label: string;
  estimate: CompareEstimate;
  /** US dollars per million output tokens at the GPU's list price; null when the GPU has none. */
  dollarsPerMillionTokens: number | null;
}

/**
 * What a million output tokens cost when every GPU of the setup is rented at its list price and
 * runs this workload back to back: gpuCount x $/hour over the tokens one hour produces, x 1e6.
 */
export function dollarsPerMillionTokens(
  dollarsPerGpuHour: number,
  gpuCount: number,
  tokensPerSecond: number,
): number {
  return (dollarsPerGpuHour * gpuCount * 1e6) / (tokensPerSecond * 3600);
}

export function compareRows(estimates: readonly CompareEstimate[]): CompareRow[] {
  const formats = new Set(estimates.map((estimate) => estimate.assumptions.weightFormat));
  return estimates.map((estimate) => ({
    label:
      formats.size > 1 ? `${estimate.gpu.name} · ${estimate.assumptions.weightFormat}` : estimate.gpu.name,
    estimate,
    dollarsPerMillionTokens:
      estimate.gpu.listPriceDollarsPerHour == null || estimate.outputTokensPerSecond <= 0
        ? null
        : dollarsPerMillionTokens(
            estimate.gpu.listPriceDollarsPerHour,
            estimate.gpuCount,
            estimate.outputTokensPerSecond,
          ),
  }));
}

const SORT_VALUE: Record<SortKey, (row: CompareRow) => number | string> = {
  gpu: (row) => row.label,
  ttft: (row) => row.estimate.timeToFirstTokenSeconds,
  tpot: (row) => row.estimate.timePerOutputTokenSeconds,
  throughput: (row) => row.estimate.outputTokensPerSecond,
  // GPUs without a price sort after every priced one, either way.
  price: (row) => row.dollarsPerMillionTokens ?? Number.NaN,
};

/** Rows ordered by one column; ties keep the API's order (stable sort). */
export function sortRows(rows: readonly CompareRow[], key: SortKey, descending: boolean): CompareRow[] {
  const value = SORT_VALUE[key];
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (typeof x === 'string') return sign * x.localeCompare(y as string);
    if (Number.isNaN(x) || Number.isNaN(y))
      return Number(Number.isNaN(x)) - Number(Number.isNaN(y as number));
    return sign * (x - (y as number));
  });
}
