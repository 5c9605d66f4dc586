import { describe, expect, it } from 'vitest';
import {
  type CompareEstimate,
  compareRows,
  dollarsPerMillionTokens,
  sortRows,
} from '../../web/src/lib/compare-rows.js';

function estimate(
  id: string,
  weightFormat: string,
  ttft: number,
  tpot: number,
  throughput: number,
  price: number | null = null,
  gpuCount = 1,
): CompareEstimate {
  const range = (value: number) => ({ low: value * 0.8, high: value * 1.2 });
  return {
    gpu: { id, name: id.toUpperCase(), listPriceDollarsPerHour: price },
    gpuCount,
    assumptions: { weightFormat },
    fits: true,
    timeToFirstTokenSeconds: ttft,
    timeToFirstTokenSecondsRange: range(ttft),
    timePerOutputTokenSeconds: tpot,
    timePerOutputTokenSecondsRange: range(tpot),
    outputTokensPerSecond: throughput,
    outputTokensPerSecondRange: range(throughput),
  };
}

describe('compare rows', () => {
  it('labels rows by GPU, adding the format only when several are compared', () => {
    expect(compareRows([estimate('l4', 'FP16', 1, 1, 1)]).map((row) => row.label)).toEqual(['L4']);
    expect(
      compareRows([estimate('l4', 'FP16', 1, 1, 1), estimate('l4', 'INT4', 1, 1, 1)]).map((row) => row.label),
    ).toEqual(['L4 · FP16', 'L4 · INT4']);
  });

  it('sorts by any column either way, keeping the API order for ties', () => {
    const rows = compareRows([
      estimate('b', 'FP16', 0.3, 0.02, 50),
      estimate('a', 'FP16', 0.1, 0.02, 40),
      estimate('c', 'FP16', 0.2, 0.01, 90),
    ]);
    const labels = (key: Parameters<typeof sortRows>[1], descending: boolean) =>
      sortRows(rows, key, descending).map((row) => row.label);
    expect(labels('ttft', false)).toEqual(['A', 'C', 'B']);
    // b and a tie on TPOT: API order (b before a) either way
    expect(labels('tpot', false)).toEqual(['C', 'B', 'A']);
    expect(labels('tpot', true)).toEqual(['B', 'A', 'C']);
    expect(labels('throughput', true)).toEqual(['C', 'B', 'A']);
    expect(labels('gpu', false)).toEqual(['A', 'B', 'C']);
    // the input is left as it was
    expect(rows.map((row) => row.label)).toEqual(['B', 'A', 'C']);
  });

  it('prices a million output tokens from the list price of every GPU in the setup', () => {
    // 2 GPUs x $3/h = $6/h; 500 tokens/s x 3600 s = 1.8M tokens/h; $6 / 1.8 = $3.333 per million
    expect(dollarsPerMillionTokens(3, 2, 500)).toBeCloseTo(3.3333, 4);
    const rows = compareRows([
      estimate('a', 'FP16', 1, 1, 500, 3, 2),
      estimate('b', 'FP16', 1, 1, 100, null),
      estimate('c', 'FP16', 1, 1, 1000, 1),
    ]);
    expect(rows.map((row) => row.dollarsPerMillionTokens)).toEqual([
      expect.closeTo(3.3333, 4),
      null,
      expect.closeTo(0.2778, 4),
    ]);
    // cheapest first, the unpriced GPU last either way
    expect(sortRows(rows, 'price', false).map((row) => row.label)).toEqual(['C', 'A', 'B']);
    expect(sortRows(rows, 'price', true).map((row) => row.label)).toEqual(['A', 'C', 'B']);
  });
});
