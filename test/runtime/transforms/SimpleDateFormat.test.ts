import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimpleDateFormat } from '../../../lambdas/runtime/transforms/SimpleDateFormat.js';

const AT = new Date(Date.UTC(2024, 0, 2, 13, 4, 5, 67));

describe('SimpleDateFormat', () => {
  it('formats common Java patterns in UTC', () => {
    // Prepare
    const patterns = ["yyyy-MM-dd'T'HH:mm:ss.SSSZ", "yyyy-MM-dd'T'HH:mm:ss.SSSX", 'yyyyMMdd', 'dd MMM yyyy hh:mm a', "EEE, d MMMM yy 'at' H'h'", "''z''"];
    // Act
    const out = patterns.map((p) => new SimpleDateFormat(p).format(AT));
    // Assess
    expect(out).toEqual([
      '2024-01-02T13:04:05.067+0000',
      '2024-01-02T13:04:05.067Z',
      '20240102',
      '02 Jan 2024 01:04 PM',
      'Tue, 2 January 24 at 13h',
      "'UTC'",
    ]);
  });

  it('parses what it formats, abutting numeric fields by width', () => {
    // Prepare
    const format = new SimpleDateFormat('yyyyMMddHHmmssSSS');
    // Act
    const parsed = format.parse(format.format(AT));
    // Assess
    expect(parsed).toEqual(AT);
  });

  it('round-trips any instant between years 1000 and 9999 through full ISO patterns', () => {
    // Prepare
    const formats = ["yyyy-MM-dd'T'HH:mm:ss.SSSZ", 'yyyyMMddHHmmssSSS', "yyyy-MM-dd HH:mm:ss.SSSXXX"].map((p) => new SimpleDateFormat(p));
    const instants = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) });
    // Act
    const property = fc.property(instants, (ms) => formats.every((f) => f.parse(f.format(new Date(ms))).getTime() === ms));
    // Assess
    fc.assert(property);
  });

  it('applies zone offsets when parsing', () => {
    // Prepare
    const format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ssXXX");
    // Act
    const parsed = format.parse('2024-01-02T15:04:05+02:00');
    // Assess
    expect(parsed).toEqual(new Date(Date.UTC(2024, 0, 2, 13, 4, 5)));
  });

  it('rejects illegal pattern letters and unmatched text', () => {
    // Prepare
    const format = new SimpleDateFormat('yyyy-MM-dd');
    // Act
    const actPattern = () => new SimpleDateFormat('yyyy-bb');
    const actParse = () => format.parse('2024/01/02');
    // Assess
    expect(actPattern).toThrow("Illegal pattern character 'b'");
    expect(actParse).toThrow('Unparseable date');
  });
});
