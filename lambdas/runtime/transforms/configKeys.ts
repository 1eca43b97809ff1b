// Validators and key shapes the transforms share, worded as Kafka's ConfigDef validators are.
import { type ConfigKey, type ConfigValue, invalidValue } from '../../connect-api/config/ConfigDef.js';
import type { Validator } from '../../connect-api/config/validators.js';
import { ConfigError } from '../../connect-api/errors.js';

/** Renders a config value as Java prints it in ConfigException messages (lists as `[a, b]`). */
export function javaString(value: ConfigValue): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

/** Kafka's NonEmptyListValidator. */
export const nonEmptyList: Validator = {
  description: 'non-empty list',
  ensureValid(name, value) {
    if (Array.isArray(value) && value.length === 0) throw new ConfigError(invalidValue(name, javaString(value), 'Empty list'), { key: name });
  },
};

/** Kafka's NonNullValidator, for STRING keys whose absence has already been reported as missing. */
export const nonNull: Validator = {
  description: 'non-null string',
  ensureValid(name, value) {
    if (value === null) throw new ConfigError(invalidValue(name, null, 'entry must be non null'), { key: name });
  },
};

/** A validator whose check throws ConfigError itself, for Kafka validators that raise bare ConfigException messages. */
export function checked(description: string, check: (name: string, value: ConfigValue) => void): Validator {
  return { description, ensureValid: check };
}

/** A required key (no default). */
export function requiredKey(name: string, type: ConfigKey['type'], documentation: string, extra: Partial<ConfigKey> = {}): ConfigKey {
  return { name, type, importance: 'HIGH', documentation, ...extra };
}

/** An optional key with a default. */
export function optionalKey(
  name: string,
  type: ConfigKey['type'],
  defaultValue: ConfigValue,
  documentation: string,
  extra: Partial<ConfigKey> = {},
): ConfigKey {
  return { name, type, default: defaultValue, importance: 'MEDIUM', documentation, ...extra };
}
