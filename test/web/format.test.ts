import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDollars,
  formatParameters,
  formatPercent,
  formatRange,
  formatSeconds,
  formatSi,
  formatTokenRate,
  formatTokens,
} from '../../web/src/lib/format.js';

describe('formatBytes', () => {
  it('uses binary units with three significant digits', () => {
    // Llama-2-7B at FP16: 13,476,831,232 B / 1024^3 = 12.551... GiB
    expect(formatBytes(13_476_831_232)).toBe('12.6 GiB');
    // 524,288 B = 512 KiB exactly
    expect(formatBytes(524_288)).toBe('512 KiB');
    expect(formatBytes(1023)).toBe('1,023 B');
    expect(formatBytes(1024)).toBe('1 KiB');
    // 80 GiB = 85,899,345,920 B
    expect(formatBytes(85_899_345_920)).toBe('80 GiB');
    expect(formatBytes(0)).toBe('0 B');
  });

  it('keeps the sign of a shortfall and says so for non-numbers', () => {
    // -3 x 1024^3
    expect(formatBytes(-3_221_225_472)).toBe('-3 GiB');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('formatSeconds', () => {
  it('picks the unit that keeps the number at or above 1', () => {
    expect(formatSeconds(2.5)).toBe('2.5 s');
    expect(formatSeconds(0.0123)).toBe('12.3 ms');
    expect(formatSeconds(0.000_045_6)).toBe('45.6 µs');
    expect(formatSeconds(6.62e-7)).toBe('662 ns');
    expect(formatSeconds(0)).toBe('0 s');
  });

  it('rounds to three significant digits and groups thousands', () => {
    // 0.0581234 s = 58.1234 ms -> 58.1 ms
    expect(formatSeconds(0.058_123_4)).toBe('58.1 ms');
    // 12,345.6 s -> 12,300 s
    expect(formatSeconds(12_345.6)).toBe('12,300 s');
  });
});

describe('token counts and rates', () => {
  it('shows whole tokens with grouping and the right plural', () => {
    expect(formatTokens(131_072)).toBe('131,072 tokens');
    expect(formatTokens(1)).toBe('1 token');
    expect(formatTokens(0)).toBe('0 tokens');
  });

  it('shows rates to three significant digits', () => {
    expect(formatTokenRate(1234.5)).toBe('1,230 tokens/s');
    expect(formatTokenRate(149.37)).toBe('149 tokens/s');
  });
});

describe('formatSi, formatDollars, formatPercent, formatRange', () => {
  it('scales by thousands with the SI prefix', () => {
    // H100 SXM dense FP16: 989.4e12 FLOP/s
    expect(formatSi(989.4e12, 'FLOP/s')).toBe('989 TFLOP/s');
    expect(formatSi(3.35e12, 'B/s')).toBe('3.35 TB/s');
    expect(formatSi(0.667, 'FLOP/B')).toBe('0.667 FLOP/B');
    expect(formatSi(4100, 'FLOP/B')).toBe('4.1 kFLOP/B');
  });

  it('shows dollars with cents below $100', () => {
    expect(formatDollars(0.4321)).toBe('$0.43');
    expect(formatDollars(1234.4)).toBe('$1,234');
  });

  it('shows a fraction as a percentage and a range in one unit', () => {
    // 16.4 / 79.6 = 0.20603
    expect(formatPercent(16.4 / 79.6)).toBe('20.6%');
    expect(formatRange({ low: 0.0424, high: 0.0795 }, formatSeconds)).toBe('42.4 ms – 79.5 ms');
  });
});

describe('formatParameters', () => {
  it('gives billions and millions as model cards do', () => {
    // Llama 3.1 8B: 8,030,261,248 parameters = 8.03 x 10^9
    expect(formatParameters(8_030_261_248)).toBe('8.03B parameters');
    // GPT-2: 124,439,808 = 124 x 10^6
    expect(formatParameters(124_439_808)).toBe('124M parameters');
    // Kimi K2: about 1.03 x 10^12
    expect(formatParameters(1.0266e12)).toBe('1.03T parameters');
    expect(formatParameters(5000)).toBe('5,000 parameters');
  });
});
