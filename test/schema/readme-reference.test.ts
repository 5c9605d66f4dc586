import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_PATH, readmeWithReference } from '../../scripts/api-reference.js';

describe('README API reference', () => {
  it('is what `npm run docs:api` generates from the schema (run it after a schema change)', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(readme).toBe(readmeWithReference(readme));
  });
});
