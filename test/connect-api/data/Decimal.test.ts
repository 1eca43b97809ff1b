// Decimal's wire form is Java's BigInteger.toByteArray: minimal big-endian two's complement.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../lambdas/connect-api/data/Decimal.js';

/** The definition, byte by byte with BigInt shifts: the oracle the fast paths are checked against. */
function reference(v: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = Number(v & 0xffn);
    out.unshift(byte);
    v >>= 8n;
    const sign = byte & 0x80;
    if ((v === 0n && !sign) || (v === -1n && sign)) break;
  }
  return out;
}

describe('Decimal', () => {
  it.each([0n, 1n, -1n, 127n, 128n, -128n, -129n, 255n, 256n, 32767n, 32768n, -32768n, 2n ** 53n - 1n, -(2n ** 53n) + 1n, 2n ** 53n, 2n ** 64n, -(2n ** 64n)])('encodes %s as BigInteger.toByteArray does', (v) => {
    expect([...new Decimal(v, 2).toBytes()]).toEqual(reference(v));
  });

  it('round-trips any unscaled value through its bytes', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }), fc.integer({ min: 0, max: 20 }), (v, scale) => {
        const bytes = new Decimal(v, scale).toBytes();
        expect([...bytes]).toEqual(reference(v));
        expect(Decimal.fromBytes(bytes, scale).equals(new Decimal(v, scale))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses and prints decimal text exactly', () => {
    expect(Decimal.parse('2.55')).toEqual(new Decimal(255n, 2));
    expect(Decimal.parse('-0.001').toString()).toBe('-0.001');
    expect(Decimal.parse('1e3').toString()).toBe('1000');
    expect(new Decimal(255n, 2).rescale(4).toString()).toBe('2.5500');
    expect(() => new Decimal(255n, 2).rescale(1)).toThrow(/without rounding/);
  });
});
