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

export class PluginRegistry {
  private readonly plugins: Plugin[] = [];
  private readonly fallbacks: Array<(name: string) => Plugin | undefined> = [];
  private readonly familyNames: string[] = [];

  register(...plugins: Plugin[]): this {
    this.plugins.push(...plugins);
    return this;
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
