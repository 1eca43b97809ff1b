// Kafka's ReplaceField$Key / ReplaceField$Value: keeps, drops and renames top-level fields.
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import { Struct } from '../../connect-api/data/Struct.js';
import { ConfigError } from '../../connect-api/errors.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { checked, javaString, optionalKey } from './configKeys.js';
import { operandOf, type Target, withOperand } from './operand.js';
import { keyValuePlugins } from './plugin.js';
import { requireMap, requireStruct } from './requirements.js';
import { fieldValue, REPLACE_NULL_WITH_DEFAULT, replaceNullWithDefaultKey, schemaCache, structLike } from './schemaUtil.js';

const PURPOSE = 'field replacement';

/** Parses `old:new` pairs; throws Kafka's ConfigException wording for a malformed one. */
export function parseRenameMappings(mappings: readonly string[], key = 'renames'): Map<string, string> {
  const out = new Map<string, string>();
  for (const mapping of mappings) {
    const parts = mapping.split(':');
    if (parts.length !== 2) throw new ConfigError(`Invalid value ${javaString(mappings)} for configuration ${key}: Invalid rename mapping: ${mapping}`, { key });
    out.set(parts[0]!, parts[1]!);
  }
  return out;
}

export const replaceFieldConfigDef = new ConfigDef([
  optionalKey('exclude', 'LIST', [], 'Fields to exclude. This takes precedence over the fields to include.'),
  optionalKey('include', 'LIST', [], 'Fields to include. If specified, only these fields will be used.'),
  optionalKey('renames', 'LIST', [], 'Field rename mappings.', {
    validator: checked('list of colon-delimited pairs, e.g. foo:bar,abc:xyz', (name, value) => {
      if (Array.isArray(value)) parseRenameMappings(value, name);
    }),
  }),
  optionalKey('blacklist', 'LIST', null, 'Deprecated. Use exclude instead.', { importance: 'LOW' }),
  optionalKey('whitelist', 'LIST', null, 'Deprecated. Use include instead.', { importance: 'LOW' }),
  replaceNullWithDefaultKey,
]);

/** Kafka 3.x's translation of the deprecated keys: the new name wins when both are set. */
function translateDeprecated(props: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const out = { ...props };
  if (out['exclude'] === undefined && out['blacklist'] !== undefined) out['exclude'] = out['blacklist'];
  if (out['include'] === undefined && out['whitelist'] !== undefined) out['include'] = out['whitelist'];
  return out;
}

export function replaceField(config: ParsedConfig, target: Target): Transformation {
  const exclude = new Set(config.getList('exclude'));
  const include = new Set(config.getList('include'));
  const renames = parseRenameMappings(config.getList('renames'));
  const reverse = new Map([...renames].map(([from, to]) => [to, from]));
  const replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT);
  const keep = (name: string) => !exclude.has(name) && (include.size === 0 || include.has(name));
  const renamed = (name: string) => renames.get(name) ?? name;

  const updatedSchema = schemaCache((schema) =>
    structLike(
      schema,
      (schema.fields ?? []).filter((f) => keep(f.name)).map((f) => [renamed(f.name), f.schema] as const),
    ),
  );

  return {
    apply(record) {
      const { schema, value } = operandOf(record, target);
      if (value === null || value === undefined) return record;
      if (schema === null) {
        const updated: Record<string, unknown> = {};
        for (const [name, v] of Object.entries(requireMap(value, PURPOSE))) if (keep(name)) updated[renamed(name)] = v;
        return withOperand(record, target, null, updated);
      }
      const struct = requireStruct(value, PURPOSE);
      const newSchema = updatedSchema(struct.schema);
      const fields = newSchema.fields ?? [];
      const values = new Array<unknown>(fields.length);
      for (let i = 0; i < fields.length; i++) values[i] = fieldValue(struct, reverse.get(fields[i]!.name) ?? fields[i]!.name, replaceNull);
      return withOperand(record, target, newSchema, Struct.ofFieldValues(newSchema, values));
    },
  };
}

const plugins = keyValuePlugins('ReplaceField', replaceFieldConfigDef, replaceField, translateDeprecated);
export const replaceFieldKeyPlugin = plugins.key;
export const replaceFieldValuePlugin = plugins.value;
