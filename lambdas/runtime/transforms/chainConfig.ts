// Reads the transforms/predicates part of a connector's flat config: aliases, and each alias' prefixed keys.
import { invalidValue } from '../../connect-api/config/ConfigDef.js';
import { javaString } from './configKeys.js';

export const TRANSFORMS = 'transforms';
export const PREDICATES = 'predicates';

/** The aliases listed under `key` (a LIST: comma-separated, trimmed, empty means none). */
export function aliasesOf(props: Readonly<Record<string, string>>, key: string): string[] {
  const raw = props[key]?.trim() ?? '';
  return raw === '' ? [] : raw.split(',').map((s) => s.trim());
}

/** Kafka's alias validator message when an alias is listed twice, or undefined. */
export function duplicateAliasError(key: string, aliases: readonly string[]): string | undefined {
  return new Set(aliases).size < aliases.length ? invalidValue(key, javaString(aliases), 'Duplicate alias provided.') : undefined;
}

/** The keys under `prefix`, with the prefix stripped and `omit` left out (Kafka's originalsWithPrefix). */
export function withPrefix(props: Readonly<Record<string, string>>, prefix: string, omit: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(props)) {
    if (k.startsWith(prefix) && !omit.includes(k.slice(prefix.length))) out[k.slice(prefix.length)] = v;
  }
  return out;
}

export function classNotFound(key: string, name: string): string {
  return invalidValue(key, name, `Class ${name} could not be found.`);
}

export function missingRequired(key: string): string {
  return `Missing required configuration "${key}" which has no default value.`;
}

export function negateWithoutPredicate(prefix: string): string {
  return `Config '${prefix}negate' was provided but there is no config '${prefix}predicate' defining a predicate to be negated.`;
}

export function undeclaredPredicate(prefix: string, alias: string): string {
  return invalidValue(`${prefix}predicate`, alias, `Predicate ${alias} is not listed in ${PREDICATES}.`);
}
