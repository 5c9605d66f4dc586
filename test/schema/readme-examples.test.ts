import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_PATH } from '../../scripts/api-reference.js';
import { readmeWithExampleOutputs } from '../../scripts/readme-examples.js';

describe('README example outputs', () => {
  it('are what the examples answer now (run `npm run docs:examples` after a refit)', async () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(readme).toBe(await readmeWithExampleOutputs(readme));
  });
});
