// The stack's plugin path (stackInputs pluginPath) in the sink, source and API bundles. At synth the packages are loaded
// once by the CDK app (bin/app.ts), as standalone mode loads them, so a broken package or a class name defined twice
// fails synth naming the file. The bundle's entry is then generated: it first imports a module that provides one
// lazily loaded entry per package (lambdas/adapters/plugins/bundledPlugins.ts), whose load() is an `import()` of the
// package's entry file, which esbuild's code splitting makes its own chunk (the package and its dependencies), and
// then re-exports the handler's module. A sink or source function imports a package's chunk only for a pipeline that
// names one of its classes. (esbuild plugins would be simpler, but they need esbuild's async API, and CDK's local
// bundling is synchronous.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertAllLoaded, loadPluginPath } from '../lambdas/adapters/plugins/loadPluginPath.js';
import { builtinPlugins } from '../lambdas/runtime/builtins/builtins.js';
import type { PluginDescriptor } from '../lambdas/runtime/plugins/PluginRegistry.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PLUGINS_DIR = join(ROOT, 'lambdas', 'adapters', 'plugins');

/** One plugin package as bundled: where it is, and the plugins it was found to export at synth. */
export interface BundledPluginPackage {
  /** The package folder or module file, absolute. */
  readonly source: string;
  /** The module the bundle imports, absolute. */
  readonly entry: string;
  readonly version?: string;
  readonly plugins: readonly PluginDescriptor[];
}

/** Loads the plugin path's packages (duplicates checked against the built-ins); throws naming every failure. */
export async function loadStackPlugins(dirs: readonly string[]): Promise<BundledPluginPackage[]> {
  if (dirs.length === 0) return [];
  const report = await loadPluginPath(dirs, builtinPlugins());
  assertAllLoaded(report);
  return report.loaded.map((pkg) => ({
    source: pkg.source,
    entry: pkg.entry,
    ...(pkg.version !== undefined ? { version: pkg.version } : {}),
    plugins: pkg.plugins.map((p) => ({ className: p.className, type: p.type, ...(p.aliases ? { aliases: [...p.aliases] } : {}), ...(p.version !== undefined ? { version: p.version } : {}) })),
  }));
}

/** The generated module providing `packages`, each loaded by a dynamic import of its entry. */
export function bundledPluginsModule(packages: readonly BundledPluginPackage[]): string {
  const lines = packages.map((pkg) => {
    // Named relative to the project in the bundle: the build machine's absolute paths stay out of it.
    const source = relative(ROOT, pkg.source) || pkg.source;
    const version = pkg.version === undefined ? '' : `, ${JSON.stringify(pkg.version)}`;
    return `  { source: ${JSON.stringify(source)}, plugins: ${JSON.stringify(pkg.plugins)}, load: async () => pluginsOf(await import(${JSON.stringify(pkg.entry)})${version}) },`;
  });
  return [
    `import { provideBundledPlugins } from ${JSON.stringify(join(PLUGINS_DIR, 'bundledPlugins.ts'))};`,
    `import { pluginsOf } from ${JSON.stringify(join(PLUGINS_DIR, 'pluginShape.ts'))};`,
    'provideBundledPlugins([',
    ...lines,
    ']);',
    '',
  ].join('\n');
}

/**
 * Writes into `dir` the entry that bundles `entry` with `packages`: plugins.mjs (run first: ESM evaluates imports in
 * order) and index.mjs re-exporting the handler. Returns the generated entry's path.
 */
export function writePluginEntry(dir: string, entry: string, packages: readonly BundledPluginPackage[]): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'plugins.mjs'), bundledPluginsModule(packages));
  const index = join(dir, 'index.mjs');
  writeFileSync(index, `import './plugins.mjs';\nexport * from ${JSON.stringify(entry)};\n`);
  return index;
}
