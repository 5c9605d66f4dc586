/**
 * The README's Layout table matches the tree: every directory that holds code or data is listed, and every
 * path the table names exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ROOTS = ['src', 'data', 'web', 'scripts', 'bench', 'docs', 'examples', 'test', '.ci'];
const NOT_SOURCE = new Set(['node_modules', 'dist', 'coverage']);

/** Directories (repo-relative, with a trailing slash) that hold at least one file directly. */
function directoriesWithFiles(dir: string): string[] {
  const entries = readdirSync(join(ROOT, dir), { withFileTypes: true });
  const subdirectories = entries
    .filter((e) => e.isDirectory() && !NOT_SOURCE.has(e.name))
    .flatMap((e) => directoriesWithFiles(`${dir}/${e.name}`));
  return entries.some((e) => e.isFile()) ? [`${dir}/`, ...subdirectories] : subdirectories;
}

function layoutSection(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n### Layout\n');
  if (start < 0) throw new Error('README.md has no "### Layout" section');
  const end = readme.slice(start + 1).search(/\n#{2,3} /);
  return end < 0 ? readme.slice(start) : readme.slice(start, start + 1 + end);
}

const section = layoutSection();
const rows = section.split('\n').filter((line) => line.startsWith('| `'));
const listed = rows.map((row) => /^\| `([^`]+)`/.exec(row)?.[1]);
const named = [...section.matchAll(/`([^`\s():]+\/[^`\s():]*)`/g)].map((m) => m[1]);

describe("the README's Layout table", () => {
  it('lists directories', () => {
    expect(listed).toContain('src/core/');
  });

  it('lists every directory that holds code or data', () => {
    const present = ROOTS.filter((dir) => existsSync(join(ROOT, dir))).flatMap(directoriesWithFiles);
    const missing = present.filter((dir) => !listed.includes(dir));
    expect(missing, 'add a row for each to the Layout table in README.md').toEqual([]);
  });

  it('names only paths that exist', () => {
    expect(named.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});
