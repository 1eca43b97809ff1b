// Plugins by class name and alias, per plugin type (Kafka's Plugins + PluginUtils aliases).
import type { Plugin, PluginInfo, PluginType } from '../../connect-api/plugins.js';

type PluginOf<T extends PluginType> = Extract<Plugin, { type: T }> | (T extends 'sink' | 'source' ? Extract<Plugin, { type: 'sink' | 'source' }> : never);

/** Simple class name, and simple name minus the type suffix: `JsonConverter`, `Json`. Nested classes keep `Outer$Inner`. */
export function defaultAliases(className: string, type: PluginType): string[] {
  const simple = className.slice(className.lastIndexOf('.') + 1);
  const suffix = { sink: 'Connector', source: 'Connector', converter: 'Converter', header_converter: 'Converter', transformation: '', predicate: '' }[type];
  const out = [simple];
  if (suffix && simple.endsWith(suffix) && simple.length > suffix.length) out.push(simple.slice(0, -suffix.length));
  return out;
}

/** What a plugin package declares before it is loaded: enough to know which configs need it. */
export interface PluginDescriptor {
  readonly className: string;
  readonly type: PluginType;
  readonly aliases?: readonly string[];
  readonly version?: string;
}

/**
 * A plugin package registered by its class names only and imported on first need (a chunk of the Lambda bundle):
 * `load` returns its plugin objects, checked and registered by `loadFor`.
 */
export interface LazyPluginPackage {
  /** Where the package came from (its folder or file), for error messages. */
  readonly source: string;
  readonly plugins: readonly PluginDescriptor[];
  load(): Promise<readonly Plugin[]>;
}

export class PluginRegistry {
  private readonly plugins: Plugin[] = [];
  private readonly fallbacks: Array<(name: string) => Plugin | undefined> = [];
  private readonly lazy: Array<{ readonly pkg: LazyPluginPackage; loading?: Promise<void> }> = [];
  private readonly familyNames: string[] = [];

  register(...plugins: Plugin[]): this {
    this.plugins.push(...plugins);
    return this;
  }

  /** Registers a package whose plugins are imported only when a config names one of them (`loadFor`). */
  registerLazy(pkg: LazyPluginPackage): this {
    this.lazy.push({ pkg });
    return this;
  }

  /**
   * Imports the lazily registered packages that `props` names (any value equal to one of their class names or aliases:
   * connector.class, converters, transforms.*.type, predicates.*.type), once each; a package that fails to load
   * rejects, naming it.
   */
  async loadFor(props: Readonly<Record<string, string | null>>): Promise<void> {
    const values = new Set(Object.values(props));
    const needed = this.lazy.filter((entry) => entry.pkg.plugins.some((d) => values.has(d.className) || (d.aliases ?? defaultAliases(d.className, d.type)).some((a) => values.has(a))));
    await Promise.all(needed.map((entry) => (entry.loading ??= this.loadLazy(entry.pkg))));
  }

  /** Imports every lazily registered package (the API function, which validates any config). */
  async loadAll(): Promise<void> {
    await Promise.all(this.lazy.map((entry) => (entry.loading ??= this.loadLazy(entry.pkg))));
  }

  private async loadLazy(pkg: LazyPluginPackage): Promise<void> {
    const plugins = await pkg.load();
    const declared = new Set(pkg.plugins.map((d) => `${d.type} ${d.className}`));
    const found = plugins.filter((p) => declared.has(`${p.type} ${p.className}`));
    if (found.length !== declared.size) throw new Error(`Sluice: the plugin package ${pkg.source} no longer exports the plugins it was bundled with (${[...declared].join(', ')})`);
    this.register(...plugins);
  }

  /**
   * A resolver for class names that are families rather than one class (e.g. any *.OracleSinkConnector); `family`
   * describes the names it resolves, for error messages.
   */
  registerResolver(resolve: (name: string) => Plugin | undefined, family?: string): this {
    this.fallbacks.push(resolve);
    if (family !== undefined) this.familyNames.push(family);
    return this;
  }

  /** What the resolvers resolve, as registered (e.g. `<Oracle|Postgres|MySql|MariaDb>(Sink|Source)Connector name`). */
  get families(): readonly string[] {
    return this.familyNames;
  }

  /** Finds a plugin of one of `types` by class name or alias; undefined when none or more than one alias matches. */
  find<T extends PluginType>(name: string, ...types: T[]): PluginOf<T> | undefined {
    const candidates = this.plugins.filter((p) => (types as PluginType[]).includes(p.type));
    const exact = candidates.find((p) => p.className === name);
    if (exact) return exact as PluginOf<T>;
    const byAlias = candidates.filter((p) => (p.aliases ?? defaultAliases(p.className, p.type)).includes(name));
    if (byAlias.length === 1) return byAlias[0] as PluginOf<T>;
    if (byAlias.length > 1) return undefined;
    for (const resolve of this.fallbacks) {
      const p = resolve(name);
      if (p && (types as PluginType[]).includes(p.type)) return p as PluginOf<T>;
    }
    return undefined;
  }

  /** Every class name of `types`, sorted, for error messages and GET /connector-plugins. */
  list(...types: PluginType[]): PluginInfo[] {
    return this.plugins
      .filter((p) => types.length === 0 || types.includes(p.type))
      .map((p) => (p.version === undefined ? { class: p.className, type: p.type } : { class: p.className, type: p.type, version: p.version }))
      .sort((a, b) => a.class.localeCompare(b.class) || a.type.localeCompare(b.type));
  }
}
