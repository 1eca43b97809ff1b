// `npm run docs`: rewrites the README's generated config reference from the ConfigDefs, and its lifecycle table from
// lambdas/runtime/lifecycle/transitions.ts. The test suite fails when they disagree (test/docs/readme.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { renderLifecycleReference } from '../lambdas/runtime/docs/lifecycleReference.js';
import { renderReadmeReference } from '../lambdas/runtime/docs/readmeReference.js';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const next = renderLifecycleReference(renderReadmeReference(readme));
if (next !== readme) {
  writeFileSync(path, next);
  console.log('README.md config reference and lifecycle table updated');
} else {
  console.log('README.md config reference and lifecycle table are up to date');
}
