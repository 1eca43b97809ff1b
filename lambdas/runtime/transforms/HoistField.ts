// Kafka's HoistField$Key / HoistField$Value: wraps the key or value in a single-field Struct (or map).
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import { structSchema } from '../../connect-api/data/Schema.js';
import { Struct } from '../../connect-api/data/Struct.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { requiredKey } from './configKeys.js';
import { operandOf, type Target, withOperand } from './operand.js';
import { keyValuePlugins } from './plugin.js';
import { schemaCache } from './schemaUtil.js';

export const hoistFieldConfigDef = new ConfigDef([
  requiredKey('field', 'STRING', 'Field name for the single field that will be created in the resulting Struct or Map.'),
]);

export function hoistField(config: ParsedConfig, target: Target): Transformation {
  const field = config.getString('field')!;
  const wrapped = schemaCache((schema) => structSchema([[field, schema]]));
  return {
    apply(record) {
      const { schema, value } = operandOf(record, target);
      if (schema === null) return withOperand(record, target, null, { [field]: value ?? null });
      const newSchema = wrapped(schema);
      const struct = new Struct(newSchema, new Map([[field, value ?? null]]));
      struct.validate();
      return withOperand(record, target, newSchema, struct);
    },
  };
}

const plugins = keyValuePlugins('HoistField', hoistFieldConfigDef, hoistField);
export const hoistFieldKeyPlugin = plugins.key;
export const hoistFieldValuePlugin = plugins.value;
