// Plugin packages from outside Sluice: the plugin path (standalone mode, cdk synth) and the packages bundled into a
// Lambda function.
export { bundledPlugins, provideBundledPlugins } from './bundledPlugins.js';
export { findPluginPackages, type PluginLoadFailure, type PluginPackageRef } from './findPluginPackages.js';
export { assertAllLoaded, BUILT_IN, type LoadedPluginPackage, loadPluginPath, type PluginPathReport } from './loadPluginPath.js';
export { pluginsOf } from './pluginShape.js';
