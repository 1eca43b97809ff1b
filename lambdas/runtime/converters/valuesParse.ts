// Values.parseString: infers a schema and value from text, as SimpleHeaderConverter reads headers.
// `true`/`false` -> BOOLEAN, numbers -> the smallest numeric type, ISO dates/times -> logical types,
// `[…]` -> ARRAY and `{…}` -> MAP of embedded values (strings quoted); anything else stays a STRING.
import { arraySchema, mapSchema, optional, type Schema, Schemas } from '../../connect-api/data/Schema.js';
import { DataError } from '../../connect-api/errors.js';
import type { SchemaAndValue } from '../../connect-api/plugins.js';
import { setOwn } from './jsonNodes.js';
import { parseScalar, parseTemporal } from './valuesScalar.js';

const NULL: SchemaAndValue = Object.freeze({ schema: null, value: null });
const NUMERIC = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64'];

export function parseString(text: string): SchemaAndValue {
  const trimmed = text.trim();
  if (trimmed === '') return { schema: Schemas.STRING, value: text };
  if (trimmed === 'null') return NULL;
  if (trimmed === 'true' || trimmed === 'false') return { schema: Schemas.BOOLEAN, value: trimmed === 'true' };
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      const parser = new EmbeddedParser(trimmed);
      const parsed = parser.value();
      if (parser.atEnd()) return parsed;
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
    }
    return { schema: Schemas.STRING, value: text };
  }
  return parseScalar(trimmed) ?? { schema: Schemas.STRING, value: text };
}

/** Connect's Values.commonSchemaFor: equal types keep the first schema, numbers widen, anything else has none. */
function widen(a: Schema, b: Schema): Schema | undefined {
  if (a.type === b.type) return a;
  const [ia, ib] = [NUMERIC.indexOf(a.type), NUMERIC.indexOf(b.type)];
  if (ia < 0 || ib < 0) return undefined;
  return ia > ib ? a : b;
}

/** The common schema of a list's elements (or a map's keys or values); null when they have none. */
class Collected {
  private schema: Schema | undefined;
  private mixed = false;
  private nulls = false;

  add(item: SchemaAndValue): void {
    if (item.value === null) this.nulls = true;
    else if (item.schema === null) this.mixed = true;
    else if (this.schema === undefined) this.schema = item.schema;
    else {
      const widened = widen(this.schema, item.schema);
      if (widened === undefined) this.mixed = true;
      else this.schema = widened;
    }
  }

  result(): Schema | null {
    if (this.mixed || !this.schema) return null;
    return this.nulls ? optional(this.schema) : this.schema;
  }
}

const DELIMITERS = new Set([',', ':', '[', ']', '{', '}', '"']);
const TEMPORAL_TOKEN = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z|\d{2}:\d{2}:\d{2}\.\d{3}Z/y;

class EmbeddedParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    this.skip();
    return this.pos >= this.text.length;
  }

  value(): SchemaAndValue {
    this.skip();
    const c = this.text[this.pos];
    if (c === '"') return this.quoted();
    if (c === '[') return this.array();
    if (c === '{') return this.map();
    const token = this.token();
    if (token === 'null') return NULL;
    if (token === 'true' || token === 'false') return { schema: Schemas.BOOLEAN, value: token === 'true' };
    const scalar = parseScalar(token);
    if (!scalar) throw new DataError('Failed to parse embedded value');
    return scalar;
  }

  private quoted(): SchemaAndValue {
    let out = '';
    for (this.pos++; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos]!;
      if (c === '"') {
        this.pos++;
        return parseTemporal(out) ?? { schema: Schemas.STRING, value: out };
      }
      if (c === '\\' && this.pos + 1 < this.text.length) this.pos++;
      out += this.text[this.pos];
    }
    throw new DataError(`Missing closing quote: ${this.text}`);
  }

  private array(): SchemaAndValue {
    const values: unknown[] = [];
    const element = new Collected();
    this.pos++;
    if (this.eat(']')) return { schema: null, value: values };
    do {
      if (this.peek() === ',') throw new DataError(`Unable to parse an empty array element: ${this.text}`);
      const item = this.value();
      element.add(item);
      values.push(item.value);
    } while (this.eat(','));
    if (!this.eat(']')) throw new DataError(`Array is missing terminating ']': ${this.text}`);
    const schema = element.result();
    return { schema: schema && arraySchema(schema), value: values };
  }

  private map(): SchemaAndValue {
    const entries: Array<[unknown, unknown]> = [];
    const [keys, values] = [new Collected(), new Collected()];
    this.pos++;
    if (this.eat('}')) return { schema: null, value: {} };
    do {
      const key = this.value();
      if (key.value === null) throw new DataError(`Map entry may not have a null key: ${this.text}`);
      if (!this.eat(':')) throw new DataError(`Map entry is missing ':' at ${this.pos} in ${this.text}`);
      const value = this.value();
      keys.add(key);
      values.add(value);
      entries.push([key.value, value.value]);
    } while (this.eat(','));
    if (!this.eat('}')) throw new DataError(`Map is missing terminating '}': ${this.text}`);
    const [keySchema, valueSchema] = [keys.result(), values.result()];
    const stringKeys = entries.every(([k]) => typeof k === 'string');
    const value = stringKeys ? toObject(entries) : new Map(entries);
    return { schema: keySchema && valueSchema && mapSchema(keySchema, valueSchema), value };
  }

  private token(): string {
    TEMPORAL_TOKEN.lastIndex = this.pos;
    const temporal = TEMPORAL_TOKEN.exec(this.text);
    const start = this.pos;
    if (temporal) this.pos = TEMPORAL_TOKEN.lastIndex;
    else while (this.pos < this.text.length && !DELIMITERS.has(this.text[this.pos]!)) this.pos++;
    return this.text.slice(start, this.pos).trim();
  }

  private peek(): string | undefined {
    this.skip();
    return this.text[this.pos];
  }

  private eat(c: string): boolean {
    if (this.peek() !== c) return false;
    this.pos++;
    return true;
  }

  private skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }
}

function toObject(entries: Array<[unknown, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) setOwn(out, k as string, v);
  return out;
}
