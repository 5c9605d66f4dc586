import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's examples/ folder: the playground's default tabs, the docs and the tests share it. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));

/** Every examples/*.graphql file's text, in file-name order (the files are numbered). */
export function loadExampleQueries(dir: string = EXAMPLES_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(`${dir}/${file}`, 'utf8'));
}
