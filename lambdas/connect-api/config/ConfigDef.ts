// A plugin's configuration, declared once (Kafka's ConfigDef): parsing, validation, the validate endpoint,
// password masking and the README reference all read the same table of keys.
import { ConfigError } from '../errors.js';
import { HIDDEN, maskSecrets } from '../maskSecrets.js';
import type { Validator } from './validators.js';

export type ConfigType = 'BOOLEAN' | 'STRING' | 'INT' | 'SHORT' | 'LONG' | 'DOUBLE' | 'LIST' | 'CLASS' | 'PASSWORD';
export type Importance = 'HIGH' | 'MEDIUM' | 'LOW';
export type Width = 'NONE' | 'SHORT' | 'MEDIUM' | 'LONG';
export type ConfigValue = string | number | boolean | readonly string[] | null;

/** One key of a plugin's configuration. A key with no `default` is required. */
export interface ConfigKey {
  readonly name: string;
  readonly type: ConfigType;
  /** Omitted: the key is required. `null`: optional with no value. */
  readonly default?: ConfigValue;
  readonly importance: Importance;
  readonly documentation: string;
  readonly group?: string;
  readonly orderInGroup?: number;
  readonly width?: Width;
  readonly displayName?: string;
  readonly validator?: Validator;
  readonly recommendedValues?: readonly string[];
  readonly dependents?: readonly string[];
  /** Accepted and parsed, but not listed by the API (Kafka's defineInternal). */
  readonly internal?: boolean;
}

/** Kafka Connect's ConfigKeyInfo, the JSON of GET /connector-plugins/{p}/config and of validate's `definition`. */
export interface ConfigKeyInfo {
  name: string;
  type: ConfigType;
  required: boolean;
  default_value: string | null;
  importance: Importance;
  documentation: string;
  group: string | null;
  width: Width;
  display_name: string;
  dependents: string[];
  order: number;
}

/** Kafka Connect's ConfigValueInfo, the `value` half of a validate entry. */
export interface ConfigValueInfo {
  name: string;
  value: string | null;
  recommended_values: string[];
  errors: string[];
  visible: boolean;
}

export { HIDDEN };

export function invalidValue(name: string, value: unknown, reason: string): string {
  return `Invalid value ${value === null ? 'null' : maskSecrets(String(value))} for configuration ${name}: ${reason}`;
}

/** Renders a parsed value back to its string form (LIST joined with commas). */
export function valueToString(value: ConfigValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/** Parses one raw string by type; throws ConfigError with Kafka's wording. */
export function parseType(key: ConfigKey, raw: string): ConfigValue {
  const text = raw.trim();
  switch (key.type) {
    case 'BOOLEAN':
      if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
      throw new ConfigError(invalidValue(key.name, raw, 'Expected value to be either true or false'), { key: key.name });
    case 'INT':
    case 'SHORT':
    case 'LONG': {
      const bits = key.type === 'SHORT' ? 16 : key.type === 'INT' ? 32 : 64;
      if (!/^[+-]?\d+$/.test(text)) throw new ConfigError(invalidValue(key.name, raw, `Not a number of type ${key.type}`), { key: key.name });
      const n = BigInt(text);
      const max = 2n ** BigInt(bits - 1);
      if (n < -max || n >= max) {
        throw new ConfigError(invalidValue(key.name, raw, `Not a number of type ${key.type}`), { key: key.name });
      }
      return Number(n);
    }
    case 'DOUBLE': {
      const n = Number(text);
      if (text === '' || Number.isNaN(n)) throw new ConfigError(invalidValue(key.name, raw, 'Not a number of type DOUBLE'), { key: key.name });
      return n;
    }
    case 'LIST':
      return text === '' ? [] : text.split(',').map((s) => s.trim());
    case 'CLASS':
      return text;
    case 'STRING':
    case 'PASSWORD':
      return raw;
  }
}

/** A configuration parsed once into typed values, with typed getters (Kafka's AbstractConfig). */
export class ParsedConfig {
  constructor(
    private readonly values: ReadonlyMap<string, ConfigValue>,
    /** The raw map as given, including keys no ConfigDef declares. */
    readonly originals: Readonly<Record<string, string>>,
  ) {}

  has(name: string): boolean {
    return this.values.has(name);
  }
  raw(name: string): ConfigValue | undefined {
    return this.values.get(name);
  }
  getString(name: string): string | null {
    const v = this.expect(name);
    return v === null ? null : String(v);
  }
  getPassword(name: string): string | null {
    return this.getString(name);
  }
  getInt(name: string): number {
    return this.expectType(name, 'number') as number;
  }
  getLong(name: string): number {
    return this.getInt(name);
  }
  getDouble(name: string): number {
    return this.getInt(name);
  }
  getBoolean(name: string): boolean {
    return this.expectType(name, 'boolean') as boolean;
  }
  getList(name: string): readonly string[] {
    const v = this.expect(name);
    return v === null ? [] : (v as readonly string[]);
  }
  /** Keys starting with `prefix`, with the prefix stripped (Kafka's originalsWithPrefix). */
  originalsWithPrefix(prefix: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.originals)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
    return out;
  }
  private expect(name: string): ConfigValue {
    if (!this.values.has(name)) throw new Error(`Unknown configuration '${name}'`);
    return this.values.get(name) ?? null;
  }
  private expectType(name: string, type: 'number' | 'boolean'): ConfigValue {
    const v = this.expect(name);
    if (typeof v !== type) throw new Error(`Configuration '${name}' has no ${type} value`);
    return v;
  }
}

export class ConfigDef {
  private readonly byName: ReadonlyMap<string, ConfigKey>;

  constructor(readonly keys: readonly ConfigKey[]) {
    const map = new Map<string, ConfigKey>();
    for (const k of keys) map.set(k.name, k);
    this.byName = map;
  }

  /** A new ConfigDef with `other`'s keys added; on a name clash, `other` wins (a plugin key beats a framework key). */
  merge(other: ConfigDef): ConfigDef {
    const names = new Set(other.keys.map((k) => k.name));
    return new ConfigDef([...this.keys.filter((k) => !names.has(k.name)), ...other.keys]);
  }

  key(name: string): ConfigKey | undefined {
    return this.byName.get(name);
  }

  isPassword(name: string): boolean {
    return this.byName.get(name)?.type === 'PASSWORD';
  }

  /** Parses and validates every key, or throws the first ConfigError. Used by tasks at start. */
  parse(props: Readonly<Record<string, string>>): ParsedConfig {
    const values = new Map<string, ConfigValue>();
    for (const key of this.keys) {
      const result = this.parseKey(key, props);
      if (result.errors.length > 0) throw new ConfigError(result.errors[0]!, { key: key.name });
      values.set(key.name, result.value);
    }
    return new ParsedConfig(values, { ...props });
  }

  /** Validates every key and reports all problems (the validate endpoint), never throwing for bad values. */
  validateAll(props: Readonly<Record<string, string | null>>): { values: Map<string, ConfigValue>; infos: Map<string, ConfigValueInfo> } {
    const values = new Map<string, ConfigValue>();
    const infos = new Map<string, ConfigValueInfo>();
    for (const key of this.keys) {
      const raw = props[key.name];
      const result =
        raw === null
          ? { value: null, errors: ['Null value can not be supplied as the configuration value.'] }
          : this.parseKey(key, props as Readonly<Record<string, string>>);
      values.set(key.name, result.value);
      infos.set(key.name, {
        name: key.name,
        value: key.type === 'PASSWORD' && raw !== undefined && raw !== null ? HIDDEN : maskedOrNull(raw ?? valueToString(key.default)),
        recommended_values: [...(key.recommendedValues ?? [])],
        errors: result.errors,
        visible: true,
      });
    }
    return { values, infos };
  }

  /** The API's description of every public key, in declaration order. */
  describe(): ConfigKeyInfo[] {
    return this.keys.filter((k) => !k.internal).map(describeKey);
  }

  private parseKey(key: ConfigKey, props: Readonly<Record<string, string>>): { value: ConfigValue; errors: string[] } {
    const raw = props[key.name];
    if (raw === undefined) {
      if (key.default === undefined) {
        return { value: null, errors: [`Missing required configuration "${key.name}" which has no default value.`] };
      }
      return { value: key.default, errors: [] };
    }
    try {
      const value = parseType(key, raw);
      key.validator?.ensureValid(key.name, value);
      return { value, errors: [] };
    } catch (e) {
      if (e instanceof ConfigError) return { value: null, errors: [e.message] };
      throw e;
    }
  }
}

export function describeKey(k: ConfigKey): ConfigKeyInfo {
  return {
    name: k.name,
    type: k.type,
    required: k.default === undefined,
    default_value: k.type === 'PASSWORD' && k.default ? HIDDEN : valueToString(k.default),
    importance: k.importance,
    documentation: k.documentation,
    group: k.group ?? null,
    width: k.width ?? 'NONE',
    display_name: k.displayName ?? k.name,
    dependents: [...(k.dependents ?? [])],
    order: k.orderInGroup ?? -1,
  };
}

function maskedOrNull(value: string | null): string | null {
  return value === null ? null : maskSecrets(value);
}
