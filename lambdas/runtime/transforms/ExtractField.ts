// Kafka's ExtractField$Key / ExtractField$Value: replaces the key or value with one of its fields.
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { requiredKey } from './configKeys.js';
import { fieldAt, fieldSyntaxVersionKey, parseFieldPath, valueAt } from './fieldPath.js';
import { operandOf, type Target, withOperand } from './operand.js';
import { keyValuePlugins } from './plugin.js';
import { requireMapOrNull, requireStructOrNull } from './requirements.js';
import { REPLACE_NULL_WITH_DEFAULT, replaceNullWithDefaultKey } from './schemaUtil.js';

const PURPOSE = 'field extraction';

export const extractFieldConfigDef = new ConfigDef([
  requiredKey('field', 'STRING', 'Field name to extract.'),
  fieldSyntaxVersionKey,
  replaceNullWithDefaultKey,
]);

export function extractField(config: ParsedConfig, target: Target): Transformation {
  const original = config.getString('field')!;
  const path = parseFieldPath(original, config.getString('field.syntax.version')!);
  const replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT);
  return {
    apply(record) {
      const { schema, value } = operandOf(record, target);
      if (schema === null) {
        const map = requireMapOrNull(value, PURPOSE);
        return withOperand(record, target, null, map === null ? null : valueAt(map, path));
      }
      const struct = requireStructOrNull(value, PURPOSE);
      const field = fieldAt(schema, path);
      if (field === undefined) throw new Error(`Unknown field: ${original}`);
      return withOperand(record, target, field.schema, struct === null ? null : valueAt(struct, path, replaceNull));
    },
  };
}

const plugins = keyValuePlugins('ExtractField', extractFieldConfigDef, extractField);
export const extractFieldKeyPlugin = plugins.key;
export const extractFieldValuePlugin = plugins.value;
