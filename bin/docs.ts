// `npm run docs`: rewrites the README's generated config reference from the ConfigDefs.
// The test suite fails when the README and the ConfigDefs disagree (test/docs/readme.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { renderReadmeReference } from '../lambdas/runtime/docs/readmeReference.js';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const next = renderReadmeReference(readme);
if (next !== readme) {
  writeFileSync(path, next);
  console.log('README.md config reference updated');
} else {
  console.log('README.md config reference is up to date');
}
