// Structural schema equality (Connect's ConnectSchema.equals), with a reference-equality fast path.
import { Decimal } from '../../connect-api/data/Decimal.js';
import type { Schema } from '../../connect-api/data/Schema.js';

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Decimal && b instanceof Decimal) return a.equals(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return false;
}

function sameParameters(a: Schema['parameters'], b: Schema['parameters']): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => a?.[k] === b?.[k]);
}

export function schemaEquals(a: Schema | null | undefined, b: Schema | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (a.type !== b.type || a.optional !== b.optional || a.name !== b.name || a.version !== b.version || a.doc !== b.doc) return false;
  if (!sameValue(a.defaultValue, b.defaultValue) || !sameParameters(a.parameters, b.parameters)) return false;
  if (!schemaEquals(a.keySchema, b.keySchema) || !schemaEquals(a.valueSchema, b.valueSchema)) return false;
  const fa = a.fields ?? [];
  const fb = b.fields ?? [];
  return fa.length === fb.length && fa.every((f, i) => f.name === fb[i]!.name && schemaEquals(f.schema, fb[i]!.schema));
}
