import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../lambdas/runtime/converters/base64.js';
import { Decimal } from '../../../lambdas/connect-api/data/Decimal.js';

describe('toBase64', () => {
  it('writes what Node (and Java) base64 writes for every length, short path and Buffer path, and for a view into a larger array', () => {
    // Prepare
    const all = Uint8Array.from({ length: 70 }, (_, i) => (i * 97 + 251) % 256);
    for (let length = 0; length <= 60; length++) {
      const bytes = all.subarray(3, 3 + length);
      // Act
      const written = toBase64(bytes);
      // Assess
      expect(written).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('writes Decimal bytes as Kafka does: two’s complement, fewest bytes, sign bit kept', () => {
    // Prepare
    const cases: Array<[bigint, string]> = [
      [0n, 'AA=='],
      [255n, 'AP8='],
      [-1n, '/w=='],
      [-128n, 'gA=='],
      [-129n, '/38='],
      [-1234567n, '7Sl5'],
      [2n ** 53n - 1n, 'H////////w=='],
    ];
    // Act
    const written = cases.map(([unscaled]) => toBase64(new Decimal(unscaled, 2).toBytes()));
    // Assess
    expect(written).toEqual(cases.map(([, expected]) => expected));
  });
});
