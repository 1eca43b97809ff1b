// Kafka's SingleFieldPath (KIP-821): `field.syntax.version` V1 takes the name as is; V2 reads dotted paths,
// with backticks around names that contain dots (`a.b`.c) and \` for a backtick inside them.
import type { ConfigKey } from '../../connect-api/config/ConfigDef.js';
import { oneOf } from '../../connect-api/config/validators.js';
import type { Field, Schema } from '../../connect-api/data/Schema.js';
import { Struct } from '../../connect-api/data/Struct.js';
import { isMap } from './requirements.js';
import { fieldValue } from './schemaUtil.js';

export const fieldSyntaxVersionKey: ConfigKey = {
  name: 'field.syntax.version',
  type: 'STRING',
  default: 'V1',
  importance: 'HIGH',
  documentation: 'Defines the version of the syntax to access fields. V1 takes names as they are; V2 accepts dotted paths to nested fields, with backticks around names that contain dots.',
  validator: oneOf(['V1', 'V2'], { caseInsensitive: true }),
};

export function parseFieldPath(path: string, version: string): readonly string[] {
  if (version.toUpperCase() !== 'V2' || path === '') return [path];
  const steps: string[] = [];
  let i = 0;
  for (;;) {
    let name = '';
    const close = path[i] === '`' ? findClosingBacktick(path, i + 1) : -1;
    if (close >= 0) {
      name = path.slice(i + 1, close).replace(/\\`/g, '`');
      i = close + 1;
    } else {
      const dot = path.indexOf('.', i);
      name = path.slice(i, dot < 0 ? path.length : dot);
      i = dot < 0 ? path.length : dot;
    }
    steps.push(name);
    if (i >= path.length) return steps;
    i++; // the dot
    if (i === path.length) return [...steps, ''];
  }
}

function findClosingBacktick(path: string, from: number): number {
  for (let j = from; j < path.length; j++) {
    if (path[j] === '\\' && path[j + 1] === '`') j++;
    else if (path[j] === '`' && (j + 1 === path.length || path[j + 1] === '.')) return j;
  }
  return -1;
}

/** The field a path names in a STRUCT schema, or undefined. */
export function fieldAt(schema: Schema, steps: readonly string[]): Field | undefined {
  let current: Schema | undefined = schema;
  let field: Field | undefined;
  for (const step of steps) {
    if (current?.type !== 'STRUCT') return undefined;
    field = current.fields?.find((f) => f.name === step);
    if (field === undefined) return undefined;
    current = field.schema;
  }
  return field;
}

/** The value at a path in a Struct (whose schema has the path) or a schemaless map; null when absent. */
export function valueAt(value: unknown, steps: readonly string[], replaceNullWithDefault = true): unknown {
  let current = value;
  for (const step of steps) {
    if (current instanceof Struct) current = fieldValue(current, step, replaceNullWithDefault);
    else if (isMap(current)) current = current[step] ?? null;
    else return null;
  }
  return current ?? null;
}
