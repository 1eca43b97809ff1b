// Validators for ConfigKeys (Kafka's ConfigDef.Range, ValidString, NonEmptyStringWithoutControlChars, ...).
// Each throws ConfigError in Kafka's `Invalid value <v> for configuration <k>: <reason>` wording.
import { ConfigError } from '../errors.js';
import { type ConfigValue, invalidValue } from './ConfigDef.js';

export interface Validator {
  ensureValid(name: string, value: ConfigValue): void;
  /** A human description, shown in the config reference. */
  readonly description: string;
}

function fail(name: string, value: ConfigValue, reason: string): never {
  throw new ConfigError(invalidValue(name, Array.isArray(value) ? value.join(',') : value, reason), { key: name });
}

export function atLeast(min: number): Validator {
  return {
    description: `[${min},...]`,
    ensureValid(name, value) {
      if (typeof value === 'number' && value < min) fail(name, value, `Value must be at least ${min}`);
    },
  };
}

export function between(min: number, max: number): Validator {
  return {
    description: `[${min},...,${max}]`,
    ensureValid(name, value) {
      if (typeof value !== 'number') return;
      if (value < min) fail(name, value, `Value must be at least ${min}`);
      if (value > max) fail(name, value, `Value must be no more than ${max}`);
    },
  };
}

export function oneOf(values: readonly string[], options: { caseInsensitive?: boolean } = {}): Validator {
  const normalized = options.caseInsensitive ? values.map((v) => v.toLowerCase()) : values;
  return {
    description: `[${values.join(', ')}]`,
    ensureValid(name, value) {
      if (value === null) return;
      const v = options.caseInsensitive ? String(value).toLowerCase() : String(value);
      if (!normalized.includes(v)) {
        fail(name, value, `String must be one of${options.caseInsensitive ? ' (case insensitive)' : ''}: ${values.join(', ')}`);
      }
    },
  };
}

export function listOf(values: readonly string[]): Validator {
  return {
    description: `[${values.join(', ')}]`,
    ensureValid(name, value) {
      if (!Array.isArray(value)) return;
      for (const item of value) if (!values.includes(item)) fail(name, value, `Item ${item} must be one of: ${values.join(', ')}`);
    },
  };
}

export const nonEmptyString: Validator = {
  description: 'non-empty string',
  ensureValid(name, value) {
    if (typeof value === 'string' && value.trim() === '') fail(name, value, 'String may not be empty');
  },
};

export const nonEmptyStringWithoutControlChars: Validator = {
  description: 'non-empty string without ISO control characters',
  ensureValid(name, value) {
    if (value === null || typeof value !== 'string') return;
    if (value.trim() === '') fail(name, value, 'String may not be empty');
    const codes = [...value].map((c) => c.codePointAt(0)!).filter((c) => c <= 0x1f || (c >= 0x7f && c <= 0x9f));
    if (codes.length > 0) fail(name, value, `String may not contain control sequences but had the following ASCII chars: ${codes.join(', ')}`);
  },
};

export const validRegex: Validator = {
  description: 'valid regular expression',
  ensureValid(name, value) {
    if (typeof value !== 'string' || value === '') return;
    try {
      new RegExp(value);
    } catch (e) {
      fail(name, value, `Invalid regex: ${(e as Error).message}`);
    }
  },
};

/** A validator from a predicate; `reason` is the message when it fails. */
export function satisfies(description: string, test: (value: ConfigValue) => string | undefined): Validator {
  return {
    description,
    ensureValid(name, value) {
      const reason = test(value);
      if (reason !== undefined) fail(name, value, reason);
    },
  };
}

/** Runs several validators in turn. */
export function all(...validators: Validator[]): Validator {
  return {
    description: validators.map((v) => v.description).join(', '),
    ensureValid(name, value) {
      for (const v of validators) v.ensureValid(name, value);
    },
  };
}
