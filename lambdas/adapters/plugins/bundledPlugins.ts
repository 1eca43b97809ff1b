// The plugin packages bundled into a Lambda function (the stack's pluginPath input). None in standalone mode and tests,
// which load the plugin path with loadPluginPath. In a bundle built with plugins, lib/pluginBundle.ts's generated entry
// imports a module that provides them before the handler's own module runs; each package's load() is a dynamic
// import: its own chunk, loaded on first need.
import type { LazyPluginPackage } from '../../runtime/plugins/PluginRegistry.js';

let provided: readonly LazyPluginPackage[] = [];

/** Called once by the generated module, before any handler module is evaluated. */
export function provideBundledPlugins(packages: readonly LazyPluginPackage[]): void {
  provided = packages;
}

export function bundledPlugins(): readonly LazyPluginPackage[] {
  return provided;
}
