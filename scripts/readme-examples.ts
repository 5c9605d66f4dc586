/**
 * The README's example outputs, produced by running examples/*.graphql against the app, so they
 * stay real after a catalog change or a refit: `npm run docs:examples` rewrites them, and a test
 * checks they are current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadExampleQueries } from '../src/server/examples.js';
import { createApp } from '../src/server/yoga.js';
import { README_PATH } from './api-reference.js';

type Json = { data?: Record<string, unknown>; errors?: unknown[] };

async function run(query: string): Promise<Json> {
  const app = createApp({ logging: false });
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as Json;
}

const operationName = (query: string) => /\bquery\s+(\w+)/.exec(query)?.[1] ?? '';

interface CompareRow {
  gpu: { id: string };
  fits: boolean;
  timeToFirstTokenSeconds: number;
  timePerOutputTokenSeconds: number;
  outputTokensPerSecond: number;
  outputTokensPerSecondRange: { low: number; high: number };
}

/** The CompareGpus section shows its first row as JSON and every row as a table. */
function compareTable(rows: CompareRow[]): string {
  const lines = ['| GPU | fits | TTFT s | TPOT s | output tokens/s (range) |', '|---|---|---:|---:|---|'];
  for (const r of rows) {
    const range = r.outputTokensPerSecondRange;
    lines.push(
      `| \`${r.gpu.id}\` | ${r.fits} | ${r.timeToFirstTokenSeconds.toPrecision(3)} | ${r.timePerOutputTokenSeconds.toPrecision(3)} | ${r.outputTokensPerSecond.toFixed(1)} (${range.low.toFixed(1)} to ${range.high.toFixed(1)}) |`,
    );
  }
  return lines.join('\n');
}

function replaceJsonBlock(readme: string, name: string, json: unknown): string {
  const header = readme.search(new RegExp(`^### ${name}\\b`, 'm'));
  if (header < 0) return readme;
  const next = readme.slice(header + 4).search(/^##/m);
  const sectionEnd = next < 0 ? readme.length : header + 4 + next;
  const open = readme.indexOf('```json\n', header);
  if (open < 0 || open > sectionEnd) return readme;
  const close = readme.indexOf('\n```', open + 8);
  return `${readme.slice(0, open + 8)}${JSON.stringify(json, null, 2)}${readme.slice(close)}`;
}

function replaceCompareTable(readme: string, rows: CompareRow[]): string {
  const start = readme.indexOf('| GPU | fits | TTFT s |');
  if (start < 0) return readme;
  const end = readme.indexOf('\n\n', start);
  return `${readme.slice(0, start)}${compareTable(rows)}${readme.slice(end)}`;
}

/** README.md with every example's output block replaced by a fresh response. */
export async function readmeWithExampleOutputs(readme: string): Promise<string> {
  let updated = readme;
  for (const query of loadExampleQueries()) {
    const name = operationName(query);
    const result = await run(query);
    if (result.errors) throw new Error(`example ${name} failed: ${JSON.stringify(result.errors)}`);
    if (name === 'CompareGpus') {
      const rows = (result.data?.compare ?? []) as CompareRow[];
      updated = replaceJsonBlock(updated, name, { data: { compare: rows.slice(0, 1) } });
      updated = replaceCompareTable(updated, rows);
    } else {
      updated = replaceJsonBlock(updated, name, result);
    }
  }
  return updated;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync(README_PATH, 'utf8');
  writeFileSync(README_PATH, await readmeWithExampleOutputs(readme));
  console.log('README.md: example outputs regenerated');
}
