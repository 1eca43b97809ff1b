// Kafka's TimestampConverter$Key / $Value: converts a timestamp (whole value or one field) between string,
// unix epoch, and the Date / Time / Timestamp logical types. All formats are in UTC.
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import { oneOf } from '../../connect-api/config/validators.js';
import { LogicalNames, type Schema } from '../../connect-api/data/Schema.js';
import { Struct } from '../../connect-api/data/Struct.js';
import { ConfigError, DataError } from '../../connect-api/errors.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { optionalKey, requiredKey } from './configKeys.js';
import { operandOf, type Target, withOperand } from './operand.js';
import { keyValuePlugins } from './plugin.js';
import { requireMap, requireStructOrNull } from './requirements.js';
import { fieldValue, REPLACE_NULL_WITH_DEFAULT, replaceNullWithDefaultKey, schemaCache, structLike } from './schemaUtil.js';
import { SimpleDateFormat } from './SimpleDateFormat.js';
import { TRANSLATORS, type TimestampType, type TranslatorConfig, type UnixPrecision } from './timestampTranslators.js';

const PURPOSE = 'converting timestamp formats';

export const timestampConverterConfigDef = new ConfigDef([
  requiredKey('target.type', 'STRING', 'The desired timestamp representation: string, unix, Date, Time, or Timestamp', {
    validator: oneOf(['string', 'unix', 'Date', 'Time', 'Timestamp']),
  }),
  optionalKey('field', 'STRING', '', 'The field containing the timestamp, or empty if the entire value is a timestamp'),
  optionalKey('format', 'STRING', '', 'A SimpleDateFormat-compatible format for the timestamp. Used to generate the output when type=string or used to parse the input if the input is a string.'),
  optionalKey('unix.precision', 'STRING', 'milliseconds', 'The desired Unix precision for the timestamp: seconds, milliseconds, microseconds, or nanoseconds.', {
    validator: oneOf(['nanoseconds', 'microseconds', 'milliseconds', 'seconds']),
    importance: 'LOW',
  }),
  replaceNullWithDefaultKey,
]);

function typeFromSchema(schema: Schema): TimestampType {
  if (schema.name === LogicalNames.Timestamp) return 'Timestamp';
  if (schema.name === LogicalNames.Date) return 'Date';
  if (schema.name === LogicalNames.Time) return 'Time';
  if (schema.type === 'STRING') return 'string';
  if (schema.type === 'INT64') return 'unix';
  throw new DataError(`Schema ${schema.type}${schema.name ? ` (${schema.name})` : ''} does not correspond to a known timestamp type format`);
}

function inferType(value: unknown): TimestampType {
  if (value instanceof Date) return 'Timestamp';
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value))) return 'unix';
  if (typeof value === 'string') return 'string';
  throw new DataError(`TimestampConverter does not support ${typeof value} objects as timestamps`);
}

function parseFormat(pattern: string): SimpleDateFormat | null {
  if (pattern === '') return null;
  try {
    return new SimpleDateFormat(pattern);
  } catch (e) {
    throw new ConfigError(`TimestampConverter requires a SimpleDateFormat-compatible pattern for string timestamps: ${pattern}`, { key: 'format', cause: e });
  }
}

export function timestampConverter(config: ParsedConfig, target: Target): Transformation {
  const targetType = config.getString('target.type') as TimestampType;
  const field = config.getString('field') ?? '';
  const format = parseFormat(config.getString('format') ?? '');
  if (targetType === 'string' && format === null) {
    throw new ConfigError('TimestampConverter requires format option to be specified when using string timestamps', { key: 'format' });
  }
  const translatorConfig: TranslatorConfig = { format, precision: config.getString('unix.precision') as UnixPrecision };
  const replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT);
  const targetTranslator = TRANSLATORS[targetType];

  const convert = (value: unknown, sourceType?: TimestampType): unknown => {
    if (value === null || value === undefined) return null;
    const raw = TRANSLATORS[sourceType ?? inferType(value)].toRaw(translatorConfig, value);
    return targetTranslator.toType(translatorConfig, raw);
  };
  const convertStruct = (struct: Struct | null, schema: Schema): Struct | null => {
    if (struct === null) return null;
    // `schema` has the struct's fields in their order: one value per field, by position.
    const fields = struct.schema.fields ?? [];
    const values = new Array<unknown>(fields.length);
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      const v = fieldValue(struct, f, replaceNull);
      values[i] = f.name === field ? convert(v, typeFromSchema(f.schema)) : v;
    }
    return Struct.ofFieldValues(schema, values);
  };
  const updatedSchema = schemaCache((schema) => {
    const fields = (schema.fields ?? []).map((f) => [f.name, f.name === field ? targetTranslator.typeSchema(f.schema.optional) : f.schema] as const);
    const shape = structLike(schema, fields, { optional: schema.optional });
    const defaultValue = schema.defaultValue instanceof Struct ? convertStruct(schema.defaultValue, shape) : undefined;
    return defaultValue ? { ...shape, defaultValue } : shape;
  });

  return {
    apply(record) {
      const { schema, value } = operandOf(record, target);
      if (schema === null) {
        if (value === null || value === undefined || field === '') return withOperand(record, target, null, convert(value));
        const updated = { ...requireMap(value, PURPOSE) };
        updated[field] = convert(updated[field]);
        return withOperand(record, target, null, updated);
      }
      if (field === '') return withOperand(record, target, targetTranslator.typeSchema(schema.optional), convert(value, typeFromSchema(schema)));
      const struct = requireStructOrNull(value, PURPOSE);
      const newSchema = updatedSchema(schema);
      return withOperand(record, target, newSchema, convertStruct(struct, newSchema));
    },
  };
}

const plugins = keyValuePlugins('TimestampConverter', timestampConverterConfigDef, timestampConverter);
export const timestampConverterKeyPlugin = plugins.key;
export const timestampConverterValuePlugin = plugins.value;
