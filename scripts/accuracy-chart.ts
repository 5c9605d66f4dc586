/** A log-log predicted-vs-measured SVG: one panel per metric, one point per case, the diagonal drawn. */
import type { CaseResult } from '../src/core/calibration/fit.js';

const PANEL = 260;
const MARGIN = { left: 56, right: 14, top: 30, bottom: 44 };
const COLORS: Record<string, string> = {
  OPTIMIZED: '#1f77b4',
  LLAMA_CPP: '#d62728',
  EXLLAMA: '#2ca02c',
  HF_TRANSFORMERS: '#9467bd',
};

export interface Panel {
  title: string;
  unit: string;
  results: CaseResult[];
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function panelSvg(panel: Panel, x0: number): string {
  const values = panel.results.flatMap((r) => [r.predicted, r.case.measured]);
  const lo = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values)));
  const scale = (v: number) => (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
  const px = (v: number) => x0 + MARGIN.left + scale(v) * PANEL;
  const py = (v: number) => MARGIN.top + PANEL - scale(v) * PANEL;
  const parts: string[] = [
    `<text x="${x0 + MARGIN.left + PANEL / 2}" y="18" text-anchor="middle" font-weight="bold">${escapeXml(panel.title)} (${panel.results.length})</text>`,
    `<rect x="${px(lo)}" y="${py(hi)}" width="${PANEL}" height="${PANEL}" fill="none" stroke="#999"/>`,
    `<line x1="${px(lo)}" y1="${py(lo)}" x2="${px(hi)}" y2="${py(hi)}" stroke="#444"/>`,
  ];
  for (const factor of [2, 0.5]) {
    const a = factor > 1 ? lo : lo / factor;
    const b = factor > 1 ? hi / factor : hi;
    parts.push(
      `<line x1="${px(a)}" y1="${py(a * factor)}" x2="${px(b)}" y2="${py(b * factor)}" stroke="#bbb" stroke-dasharray="4 3"/>`,
    );
  }
  for (let v = lo; v <= hi * 1.0001; v *= 10) {
    const label = v.toExponential(0).replace('e+', 'e');
    parts.push(
      `<text x="${px(v)}" y="${MARGIN.top + PANEL + 14}" text-anchor="middle" font-size="10">${label}</text>`,
      `<text x="${x0 + MARGIN.left - 4}" y="${py(v) + 3}" text-anchor="end" font-size="10">${label}</text>`,
    );
  }
  parts.push(
    `<text x="${x0 + MARGIN.left + PANEL / 2}" y="${MARGIN.top + PANEL + 32}" text-anchor="middle" font-size="11">measured (${panel.unit})</text>`,
    `<text transform="translate(${x0 + 12},${MARGIN.top + PANEL / 2}) rotate(-90)" text-anchor="middle" font-size="11">predicted (${panel.unit})</text>`,
  );
  for (const r of panel.results) {
    parts.push(
      `<circle cx="${px(r.case.measured).toFixed(1)}" cy="${py(r.predicted).toFixed(1)}" r="3.5" fill="${COLORS[r.case.engine]}" fill-opacity="0.75"><title>${escapeXml(r.case.id)}: measured ${r.case.measured.toPrecision(4)}, predicted ${r.predicted.toPrecision(4)}</title></circle>`,
    );
  }
  return parts.join('\n');
}

export function accuracyChart(panels: Panel[]): string {
  const width = panels.length * (PANEL + MARGIN.left + MARGIN.right);
  const height = MARGIN.top + PANEL + MARGIN.bottom + 24;
  const legend = Object.entries(COLORS)
    .map(
      ([engine, color], i) =>
        `<circle cx="${20 + i * 170}" cy="${height - 10}" r="4" fill="${color}"/><text x="${28 + i * 170}" y="${height - 6}" font-size="11">${engine}</text>`,
    )
    .join('\n');
  const body = panels.map((p, i) => panelSvg(p, i * (PANEL + MARGIN.left + MARGIN.right))).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
${body}
<text x="${width - 8}" y="${height - 6}" text-anchor="end" font-size="10">solid: predicted = measured; dashed: 2x off</text>
${legend}
</svg>
`;
}
