/**
 * How numbers are shown: every figure carries its unit. Three significant digits are enough to
 * compare GPUs and honest for estimates whose ranges span tens of percent.
 */

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

function significant(value: number, digits = 3): string {
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(digits));
  // Grouping makes 12,300 readable; toPrecision alone would print 1.23e+4.
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 20 });
}

/** Bytes in binary units (GPU drivers report MiB): 13476831232 -> "12.6 GiB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // Whole bytes are exact; larger amounts are rounded.
  return `${sign}${unit === 0 ? value.toLocaleString('en-US') : significant(value)} ${BINARY_UNITS[unit]}`;
}

/** Seconds in the largest unit that keeps the number at or above 1: 0.0123 -> "12.3 ms". */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const abs = Math.abs(seconds);
  if (abs === 0 || abs >= 1) return `${significant(seconds)} s`;
  if (abs >= 1e-3) return `${significant(seconds * 1e3)} ms`;
  if (abs >= 1e-6) return `${significant(seconds * 1e6)} µs`;
  return `${significant(seconds * 1e9)} ns`;
}

/** A whole count of tokens with grouping: 131072 -> "131,072 tokens". */
export function formatTokens(tokens: number): string {
  if (!Number.isFinite(tokens)) return '—';
  const rounded = Math.round(tokens);
  return `${rounded.toLocaleString('en-US')} ${rounded === 1 ? 'token' : 'tokens'}`;
}

/** A token rate: 1234.5 -> "1,230 tokens/s". */
export function formatTokenRate(tokensPerSecond: number): string {
  if (!Number.isFinite(tokensPerSecond)) return '—';
  return `${significant(tokensPerSecond)} tokens/s`;
}

const SI_PREFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E'];

/** A quantity with an SI prefix: (3.12e14, 'FLOP/s') -> "312 TFLOP/s". */
export function formatSi(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  let scaled = Math.abs(value);
  let prefix = 0;
  while (scaled >= 1000 && prefix < SI_PREFIXES.length - 1) {
    scaled /= 1000;
    prefix += 1;
  }
  return `${value < 0 ? '-' : ''}${significant(scaled)} ${SI_PREFIXES[prefix]}${unit}`;
}

/** Dollars with cents below $100 and whole dollars above: 0.4321 -> "$0.43". */
export function formatDollars(dollars: number): string {
  if (!Number.isFinite(dollars)) return '—';
  return `$${dollars.toLocaleString('en-US', { maximumFractionDigits: dollars < 100 ? 2 : 0, minimumFractionDigits: dollars < 100 ? 2 : 0 })}`;
}

/** A low-high range in one unit: "10.2 ms – 14.1 ms". */
export function formatRange(range: { low: number; high: number }, format: (value: number) => string): string {
  return `${format(range.low)} – ${format(range.high)}`;
}

/** A fraction as a percentage: 0.8734 -> "87.3%". */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${significant(fraction * 100)}%`;
}

/** A parameter count as model cards give it: 8030261248 -> "8.03B parameters", 124439808 -> "124M parameters". */
export function formatParameters(count: number): string {
  if (!Number.isFinite(count)) return '—';
  if (count >= 1e12) return `${significant(count / 1e12)}T parameters`;
  if (count >= 1e9) return `${significant(count / 1e9)}B parameters`;
  if (count >= 1e6) return `${significant(count / 1e6)}M parameters`;
  return `${significant(count)} parameters`;
}
