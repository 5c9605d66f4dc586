/** Rows of the Compare view: one per GPU and weight format, labelled and ordered for the table and the bars. */
import type { SortKey } from './url-state.js';

export interface Range {
  low: number;
  high: number;
}

export interface CompareEstimate {
  gpu: { id: string; name: string };
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
}

export function compareRows(estimates: readonly CompareEstimate[]): CompareRow[] {
  const formats = new Set(estimates.map((estimate) => estimate.assumptions.weightFormat));
  return estimates.map((estimate) => ({
    label:
      formats.size > 1 ? `${estimate.gpu.name} · ${estimate.assumptions.weightFormat}` : estimate.gpu.name,
    estimate,
  }));
}

const SORT_VALUE: Record<SortKey, (row: CompareRow) => number | string> = {
  gpu: (row) => row.label,
  ttft: (row) => row.estimate.timeToFirstTokenSeconds,
  tpot: (row) => row.estimate.timePerOutputTokenSeconds,
  throughput: (row) => row.estimate.outputTokensPerSecond,
};

/** Rows ordered by one column; ties keep the API's order (stable sort). */
export function sortRows(rows: readonly CompareRow[], key: SortKey, descending: boolean): CompareRow[] {
  const value = SORT_VALUE[key];
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return sign * (typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number));
  });
}
