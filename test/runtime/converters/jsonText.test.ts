import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonNumber, type JsonValue, parseJson } from '../../../lambdas/runtime/converters/jsonText.js';

/** Replaces JsonNumbers by the double JSON.parse would have produced. */
function asDoubles(v: JsonValue): unknown {
  if (v instanceof JsonNumber) return Number(v.text);
  if (Array.isArray(v)) return v.map(asDoubles);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asDoubles(x)]));
  return v;
}

describe('parseJson', () => {
  it('keeps number tokens of 16 or more significant digits as JsonNumber text', () => {
    // Act
    const value = parseJson('{"big":-9223372036854775808,"long":0.12345678901234567,"short":1.5,"s":"1234567890123456"}');
    // Assess
    expect(value).toEqual({ big: new JsonNumber('-9223372036854775808'), long: new JsonNumber('0.12345678901234567'), short: 1.5, s: '1234567890123456' });
  });

  it('agrees with JSON.parse on any document once long numbers are read as doubles (lossless path forced)', () => {
    fc.assert(
      fc.property(fc.json(), (json) => {
        // Prepare
        const text = ` [ ${json} , "0000000000000000" ] `;
        // Act
        const parsed = parseJson(text);
        // Assess
        expect(asDoubles(parsed)).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('reports malformed documents on both paths', () => {
    // Act
    const fast = () => parseJson('{"a":1,}');
    const lossless = () => parseJson('{"a":12345678901234567,}');
    // Assess
    expect(fast).toThrow(/serialization error/);
    expect(lossless).toThrow(/serialization error/);
  });
});
