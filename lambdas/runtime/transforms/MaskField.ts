// Kafka's MaskField$Key / MaskField$Value: replaces listed fields with a type-neutral value or a replacement.
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import { nonEmptyString } from '../../connect-api/config/validators.js';
import { Decimal } from '../../connect-api/data/Decimal.js';
import type { Schema } from '../../connect-api/data/Schema.js';
import { Struct } from '../../connect-api/data/Struct.js';
import { DataError } from '../../connect-api/errors.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { nonEmptyList, optionalKey, requiredKey } from './configKeys.js';
import { operandOf, type Target, withOperand } from './operand.js';
import { keyValuePlugins } from './plugin.js';
import { isMap, javaClassName, requireMap, requireStruct } from './requirements.js';
import { fieldValue, REPLACE_NULL_WITH_DEFAULT, replaceNullWithDefaultKey } from './schemaUtil.js';

const PURPOSE = 'mask fields';

export const maskFieldConfigDef = new ConfigDef([
  requiredKey('fields', 'LIST', 'Names of fields to mask.', { validator: nonEmptyList }),
  optionalKey('replacement', 'STRING', null, 'Custom value replacement, that will be applied to all fields values (numeric or non-empty string values only).', {
    validator: nonEmptyString,
  }),
  replaceNullWithDefaultKey,
]);

const INTEGER_BITS: Partial<Record<Schema['type'], number>> = { INT8: 8, INT16: 16, INT32: 32, INT64: 64 };

function neutral(value: unknown): unknown {
  if (typeof value === 'boolean') return false;
  if (typeof value === 'number') return 0;
  if (typeof value === 'bigint') return 0n;
  if (typeof value === 'string') return '';
  if (value instanceof Decimal) return new Decimal(0n, value.scale);
  if (value instanceof Date) return new Date(0);
  if (Array.isArray(value)) return [];
  if (isMap(value)) return {};
  throw new DataError(`Cannot mask value of type: ${javaClassName(value)}`);
}

function parseInteger(replacement: string, bits: number): number | bigint {
  if (!/^[+-]?\d+$/.test(replacement)) throw new DataError(`Unable to convert ${replacement} (class java.lang.String) to number`);
  const n = BigInt(replacement);
  const max = 1n << BigInt(bits - 1);
  if (n < -max || n >= max) throw new DataError(`Unable to convert ${replacement} (class java.lang.String) to number`);
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

function custom(value: unknown, replacement: string, schema: Schema | undefined): unknown {
  if (typeof value === 'string') return replacement;
  const bits = schema ? INTEGER_BITS[schema.type] : undefined;
  if (typeof value === 'bigint' || (typeof value === 'number' && (bits !== undefined || (schema === undefined && Number.isInteger(value))))) {
    return parseInteger(replacement, bits ?? 64);
  }
  if (typeof value === 'number') {
    const n = Number(replacement);
    if (replacement.trim() === '' || Number.isNaN(n)) throw new DataError(`Unable to convert ${replacement} (class java.lang.String) to number`);
    return schema?.type === 'FLOAT32' ? Math.fround(n) : n;
  }
  if (value instanceof Decimal) {
    try {
      return Decimal.parse(replacement);
    } catch (e) {
      throw new DataError(`Unable to convert ${replacement} (class java.lang.String) to number`, { cause: e });
    }
  }
  throw new DataError(`Cannot mask value of type class ${javaClassName(value)} with custom replacement.`);
}

export function maskField(config: ParsedConfig, target: Target): Transformation {
  const fields = new Set(config.getList('fields'));
  const replacement = config.getString('replacement');
  const replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT);
  const masked = (value: unknown, schema?: Schema) => {
    if (value === null || value === undefined) return null;
    return replacement === null ? neutral(value) : custom(value, replacement, schema);
  };

  return {
    apply(record) {
      const { schema, value } = operandOf(record, target);
      if (schema === null) {
        const updated = { ...requireMap(value, PURPOSE) };
        for (const f of fields) updated[f] = masked(updated[f]);
        return withOperand(record, target, null, updated);
      }
      const struct = requireStruct(value, PURPOSE);
      const values = new Map<string, unknown>();
      for (const f of struct.schema.fields ?? []) {
        const v = fieldValue(struct, f, replaceNull);
        values.set(f.name, fields.has(f.name) ? masked(v, f.schema) : v);
      }
      return withOperand(record, target, schema, Struct.adopting(struct.schema, values));
    },
  };
}

const plugins = keyValuePlugins('MaskField', maskFieldConfigDef, maskField);
export const maskFieldKeyPlugin = plugins.key;
export const maskFieldValuePlugin = plugins.value;
