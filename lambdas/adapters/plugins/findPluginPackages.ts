// The plugin packages directly inside plugin-path folders (Kafka's plugin.path): each npm package folder (its
// package.json `exports` or `main`) and each single ES module file (.js, .mjs, .ts). Folders without a package.json,
// node_modules and dot-entries are not packages; a package whose entry cannot be found is a failure naming it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface PluginPackageRef {
  /** The package folder or module file, absolute: what error messages name. */
  readonly source: string;
  /** The module to import, absolute. */
  readonly entry: string;
  /** package.json's version, the default of plugins that declare none. */
  readonly version?: string;
}

export interface PluginLoadFailure {
  /** The package folder or module file. */
  readonly source: string;
  readonly reason: string;
}

const MODULE = /\.(?:m?js|ts)$/;

/** The entry file named by package.json's `exports` (its "." import/node/default condition) or `main`, else index.*. */
function entryOf(dir: string, pkg: { main?: unknown; exports?: unknown }): string | undefined {
  const dot = typeof pkg.exports === 'object' && pkg.exports !== null && '.' in pkg.exports ? (pkg.exports as Record<string, unknown>)['.'] : pkg.exports;
  const conditional = (v: unknown): unknown => (typeof v === 'object' && v !== null ? conditional((v as Record<string, unknown>)['import'] ?? (v as Record<string, unknown>)['node'] ?? (v as Record<string, unknown>)['default']) : v);
  const named = conditional(dot) ?? pkg.main;
  const candidates = typeof named === 'string' ? [named] : ['index.js', 'index.mjs', 'index.ts'];
  return candidates.map((c) => join(dir, c)).find((f) => existsSync(f) && statSync(f).isFile());
}

/** The plugin packages in `dirs`, in folder order then name order, and the entries that could not be read as one. */
export function findPluginPackages(dirs: readonly string[]): { packages: PluginPackageRef[]; failures: PluginLoadFailure[] } {
  const packages: PluginPackageRef[] = [];
  const failures: PluginLoadFailure[] = [];
  for (const d of dirs) {
    const dir = resolve(d);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      failures.push({ source: dir, reason: `cannot read the plugin path folder: ${(e as Error).message}` });
      continue;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(dir, name);
      let stat: ReturnType<typeof statSync>;
      try {
        stat = statSync(path);
      } catch (e) {
        failures.push({ source: path, reason: `cannot be read: ${(e as Error).message}` });
        continue;
      }
      if (stat.isFile()) {
        if (MODULE.test(name) && !name.endsWith('.d.ts')) packages.push({ source: path, entry: path });
        continue;
      }
      const manifest = join(path, 'package.json');
      if (!stat.isDirectory() || !existsSync(manifest)) continue;
      let pkg: { main?: unknown; exports?: unknown; version?: unknown };
      try {
        pkg = JSON.parse(readFileSync(manifest, 'utf8')) as typeof pkg;
      } catch (e) {
        failures.push({ source: path, reason: `package.json is not valid JSON: ${(e as Error).message}` });
        continue;
      }
      const entry = entryOf(path, pkg);
      if (!entry) {
        failures.push({ source: path, reason: 'package.json names no entry file that exists (exports or main, else index.js)' });
        continue;
      }
      packages.push({ source: path, entry, ...(typeof pkg.version === 'string' ? { version: pkg.version } : {}) });
    }
  }
  return { packages, failures };
}
