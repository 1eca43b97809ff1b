import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderLifecycleReference } from '../../lambdas/runtime/docs/lifecycleReference.js';
import { renderReadmeReference } from '../../lambdas/runtime/docs/readmeReference.js';

describe('README', () => {
  it('has the config reference the ConfigDefs generate (run `npm run docs` after changing a key)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(renderReadmeReference(readme)).toBe(readme);
  });

  it('has the lifecycle table that lambdas/runtime/lifecycle/transitions.ts holds (run `npm run docs` after changing it)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(renderLifecycleReference(readme)).toBe(readme);
  });
});
