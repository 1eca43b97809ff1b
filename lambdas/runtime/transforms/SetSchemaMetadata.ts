// Kafka's SetSchemaMetadata$Key / $Value: replaces the schema's name and/or version.
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import { Struct } from '../../connect-api/data/Struct.js';
import { ConfigError } from '../../connect-api/errors.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { optionalKey } from './configKeys.js';
import { operandOf, type Target, withOperand } from './operand.js';
import { keyValuePlugins } from './plugin.js';
import { requireSchema } from './requirements.js';
import { fieldValue, REPLACE_NULL_WITH_DEFAULT, replaceNullWithDefaultKey, schemaCache } from './schemaUtil.js';

export const setSchemaMetadataConfigDef = new ConfigDef([
  optionalKey('schema.name', 'STRING', null, 'Schema name to set.', { importance: 'HIGH' }),
  optionalKey('schema.version', 'INT', null, 'Schema version to set.', { importance: 'HIGH' }),
  replaceNullWithDefaultKey,
]);

export function setSchemaMetadata(config: ParsedConfig, target: Target): Transformation {
  const name = config.getString('schema.name');
  const version = config.raw('schema.version') as number | null;
  if (name === null && version === null) throw new ConfigError('Neither schema name nor version configured');
  const replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT);
  const updatedSchema = schemaCache((schema) => Object.freeze({ ...schema, name: name ?? schema.name, version: version ?? schema.version }));

  return {
    apply(record) {
      const { schema, value } = operandOf(record, target);
      if (schema === null && (value === null || value === undefined)) return record;
      const newSchema = updatedSchema(requireSchema(schema, 'updating schema metadata'));
      if (!(value instanceof Struct)) return withOperand(record, target, newSchema, value);
      const values = new Map((newSchema.fields ?? []).map((f) => [f.name, fieldValue(value, f, replaceNull)]));
      return withOperand(record, target, newSchema, Struct.adopting(newSchema, values));
    },
  };
}

const plugins = keyValuePlugins('SetSchemaMetadata', setSchemaMetadataConfigDef, setSchemaMetadata);
export const setSchemaMetadataKeyPlugin = plugins.key;
export const setSchemaMetadataValuePlugin = plugins.value;
