// Loads the plugin packages of plugin-path folders into a PluginRegistry (Kafka's plugin.path). A package that cannot
// be imported, exports no valid `plugins`, or defines a class name already defined (by a built-in or an earlier
// package) is not loaded and is reported with its file and the reason; the others load.
import { pathToFileURL } from 'node:url';
import { maskSecrets } from '../../connect-api/maskSecrets.js';
import type { Plugin } from '../../connect-api/plugins.js';
import type { PluginRegistry } from '../../runtime/plugins/PluginRegistry.js';
import type { Logger } from '../../runtime/ports/Logger.js';
import { findPluginPackages, type PluginLoadFailure, type PluginPackageRef } from './findPluginPackages.js';
import { pluginsOf } from './pluginShape.js';

export interface LoadedPluginPackage extends PluginPackageRef {
  readonly plugins: readonly Plugin[];
}

export interface PluginPathReport {
  readonly loaded: readonly LoadedPluginPackage[];
  readonly failures: readonly PluginLoadFailure[];
}

/** What a built-in plugin's place is called in a duplicate-class-name error. */
export const BUILT_IN = 'Sluice (built-in)';

function messageOf(e: unknown): string {
  // Not always an Error instance: a loader (tsx, vite) may throw an error-shaped object of another realm.
  if (typeof e !== 'object' || e === null || typeof (e as Error).message !== 'string') return String(e);
  const name = typeof (e as Error).name === 'string' ? (e as Error).name : 'Error';
  return `${name === 'Error' ? '' : `${name}: `}${(e as Error).message}`;
}

async function importPackage(ref: PluginPackageRef): Promise<Plugin[]> {
  let module: unknown;
  try {
    module = await import(pathToFileURL(ref.entry).href);
  } catch (e) {
    throw new Error(`cannot be imported: ${messageOf(e)}`);
  }
  return pluginsOf(module, ref.version);
}

/**
 * Imports every plugin package in `dirs` and registers its plugins in `registry` (whose plugins count as built-in for
 * the duplicate check); failures are logged as errors and returned with the packages that loaded.
 */
export async function loadPluginPath(dirs: readonly string[], registry: PluginRegistry, logger?: Logger): Promise<PluginPathReport> {
  const { packages, failures } = findPluginPackages(dirs);
  const placeOf = new Map<string, string>(registry.list().map((p) => [p.class, BUILT_IN]));
  const loaded: LoadedPluginPackage[] = [];
  const failed: PluginLoadFailure[] = [...failures];
  for (const ref of packages) {
    try {
      const plugins = await importPackage(ref);
      const seen = new Map<string, string>();
      for (const p of plugins) {
        if (seen.has(p.className)) throw new Error(`the class name ${p.className} is defined twice in this package`);
        const other = placeOf.get(p.className);
        if (other !== undefined) throw new Error(`the class name ${p.className} is defined twice: by ${other} and by ${ref.source}`);
        seen.set(p.className, ref.source);
      }
      for (const [name, source] of seen) placeOf.set(name, source);
      registry.register(...plugins);
      loaded.push({ ...ref, plugins });
      logger?.info(`Loaded plugin package ${ref.source}: ${plugins.map((p) => `${p.className}${p.version ? ` ${p.version}` : ''}`).join(', ')}`);
    } catch (e) {
      // A plugin's own error message may quote a credential (a URL with a password): masked like every log line.
      failed.push({ source: ref.source, reason: maskSecrets((e as Error).message) });
    }
  }
  for (const f of failed) logger?.error(`Plugin package ${f.source} was not loaded: ${f.reason}`);
  return { loaded, failures: failed };
}

/** Throws, naming every failure, when any package of the plugin path failed to load (cdk synth bundles none then). */
export function assertAllLoaded(report: PluginPathReport): void {
  if (report.failures.length === 0) return;
  throw new Error(`Sluice: the plugin path has packages that cannot be loaded:\n${report.failures.map((f) => `  ${f.source}: ${f.reason}`).join('\n')}`);
}
