// JSON text -> JS values, losslessly. JSON.parse is used unless the text holds a number token of 16 or more
// digits; then a small parser keeps such numbers as JsonNumber (their source text), so int64 values beyond
// 2^53 and long decimals reach the converter exactly, as Jackson's BigInteger/BigDecimal nodes do.
import { DataError } from '../../connect-api/errors.js';
import { setOwn } from './jsonNodes.js';

/** A JSON number whose text a double cannot hold exactly; resolved by schema (bigint, Decimal or double). */
export class JsonNumber {
  constructor(readonly text: string) {}
  get isIntegral(): boolean {
    return !/[.eE]/.test(this.text);
  }
}

export type JsonValue = null | boolean | number | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

const LONG_NUMBER = /\d[\d.]{15}/;

/** True when `text` may hold a number JSON.parse would round; only then can parseJson return JsonNumbers. */
export function hasLongNumber(text: string): boolean {
  return LONG_NUMBER.test(text);
}

export function parseJson(text: string): JsonValue {
  try {
    if (!LONG_NUMBER.test(text)) return JSON.parse(text) as JsonValue;
    return new LosslessParser(text).parseDocument();
  } catch (e) {
    throw new DataError(`Converting byte[] to Kafka Connect data failed due to serialization error: ${(e as Error).message}`, {
      cause: e,
    });
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;
const SPACE = /[ \t\n\r]*/y;

class LosslessParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseDocument(): JsonValue {
    const value = this.value();
    this.skip();
    if (this.pos !== this.text.length) this.fail();
    return value;
  }

  private value(): JsonValue {
    this.skip();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    for (const [word, v] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    return this.number();
  }

  private object(): JsonValue {
    const out: Record<string, JsonValue> = {};
    this.pos++;
    if (this.eat('}')) return out;
    for (;;) {
      this.skip();
      const key = this.string();
      if (this.peek() !== ':') this.fail();
      this.pos++;
      setOwn(out, key, this.value());
      const c = this.peek();
      this.pos++;
      if (c === '}') return out;
      if (c !== ',') this.fail();
    }
  }

  private array(): JsonValue {
    const out: JsonValue[] = [];
    this.pos++;
    if (this.eat(']')) return out;
    for (;;) {
      out.push(this.value());
      const c = this.peek();
      this.pos++;
      if (c === ']') return out;
      if (c !== ',') this.fail();
    }
  }

  private string(): string {
    return JSON.parse(this.match(STRING)) as string;
  }

  private number(): number | JsonNumber {
    const token = this.match(NUMBER);
    const significant = token.replace(/[eE].*$/, '').replace(/[-.]/g, '').replace(/^0+/, '');
    return significant.length < 16 ? Number(token) : new JsonNumber(token);
  }

  private match(re: RegExp): string {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) this.fail();
    this.pos = re.lastIndex;
    return m[0];
  }

  private eat(c: string): boolean {
    if (this.peek() !== c) return false;
    this.pos++;
    return true;
  }

  private peek(): string | undefined {
    this.skip();
    return this.text[this.pos];
  }

  private skip(): void {
    SPACE.lastIndex = this.pos;
    SPACE.exec(this.text);
    this.pos = SPACE.lastIndex;
  }

  private fail(): never {
    throw new SyntaxError(`Unexpected token at position ${this.pos} in JSON`);
  }
}

const LITERALS: ReadonlyArray<readonly [string, JsonValue]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];
