import { describe, expect, it } from 'vitest';
import {
  decadeDomain,
  pointLabels,
  ridgeIntensity,
  rooflinePoints,
  roofPolyline,
} from '../../web/src/lib/roofline.js';

describe('roofline geometry', () => {
  it('places an operator at FLOPs/bytes and FLOPs/seconds, leaving out those with no FLOPs or time', () => {
    const points = rooflinePoints('decode', [
      // 2e9 FLOPs over 1e9 bytes = 2 FLOP/B; 2e9 FLOPs in 1e-3 s = 2e12 FLOP/s
      { name: 'FFN', flops: 2e9, bytes: 1e9, seconds: 1e-3, bound: 'MEMORY' },
      { name: 'EMBEDDING', flops: 0, bytes: 16_384, seconds: 1e-8, bound: 'MEMORY' },
      { name: 'ALL_REDUCE', flops: 0, bytes: 1e6, seconds: 1e-5, bound: 'INTERCONNECT' },
    ]);
    expect(points).toEqual([
      { phase: 'decode', name: 'FFN', intensity: 2, flopsPerSecond: 2e12, bound: 'MEMORY', seconds: 1e-3 },
    ]);
  });

  it('has its ridge where bandwidth x intensity reaches the peak', () => {
    // 989e12 FLOP/s / 3.35e12 B/s = 295.2 FLOP/B
    expect(ridgeIntensity(989e12, 3.35e12)).toBeCloseTo(295.22, 2);
  });

  it('draws the roof as slope, ridge, flat peak', () => {
    // peak 100, bandwidth 10: ridge at 10 FLOP/B
    expect(roofPolyline(100, 10, 1, 1000)).toEqual([
      { intensity: 1, flopsPerSecond: 10 },
      { intensity: 10, flopsPerSecond: 100 },
      { intensity: 1000, flopsPerSecond: 100 },
    ]);
    // ridge outside the range: no corner
    expect(roofPolyline(100, 10, 100, 1000)).toHaveLength(2);
  });

  it('widens a log domain to whole decades', () => {
    expect(decadeDomain([0.667, 4100, 295])).toEqual([0.1, 10_000]);
    expect(decadeDomain([100])).toEqual([100, 1000]);
    expect(decadeDomain([0, -1])).toEqual([1, 10]);
  });

  it('gives one label to operators at nearly the same spot, of either phase, left to right', () => {
    const op = (name: string, intensity: number, rate: number) => ({
      name,
      flops: intensity * 1e9,
      bytes: 1e9,
      seconds: (intensity * 1e9) / rate,
      bound: 'COMPUTE',
    });
    const points = [
      ...rooflinePoints('prefill', [
        op('QKV_PROJECTION', 1120, 564e12),
        op('OUTPUT_PROJECTION', 1020, 564e12),
        op('ATTENTION_SCORES', 4100, 564e12),
        op('NORMS', 1, 2.41e12),
      ]),
      ...rooflinePoints('decode', [op('FFN', 1, 2.41e12), op('NORMS', 0.94, 2.27e12)]),
    ];
    const labels = pointLabels(points);
    expect(labels.map((label) => [label.text, label.rank])).toEqual([
      // decode norms (0.94), prefill norms (1) and decode FFN (1) sit within 0.03 decades: one label, names once
      ['norms, ffn', 0],
      // 1020 and 1120 are 0.04 decades apart: one label; 4100 is 0.6 decades further: its own
      ['output projection, qkv projection', 1],
      ['attention scores', 2],
    ]);
  });
});
