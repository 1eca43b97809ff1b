// Jackson's JsonNodeType names for parsed JSON values, as Kafka's error messages print them.
import { JsonNumber, type JsonValue } from './jsonText.js';

export function nodeType(v: JsonValue | undefined): string {
  if (v === undefined) return 'MISSING';
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return 'BOOLEAN';
  if (typeof v === 'number' || v instanceof JsonNumber) return 'NUMBER';
  if (typeof v === 'string') return 'STRING';
  return Array.isArray(v) ? 'ARRAY' : 'OBJECT';
}

export function isJsonObject(v: JsonValue | undefined): v is { [key: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber);
}

/** Sets an own property, including one named `__proto__` (plain assignment would change the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** An int64 as Connect values carry it: a number when exact, a bigint beyond 2^53. */
export function int64(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}
