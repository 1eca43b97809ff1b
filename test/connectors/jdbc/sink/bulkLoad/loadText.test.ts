// The text the bulk loads read: COPY text format and LOAD DATA's default format.
import { describe, expect, it } from 'vitest';
import { escapeField, loadChunks, mysqlFieldText, pgFieldText } from '../../../../../lambdas/connectors/jdbc/sink/bulkLoad/loadText.js';

describe('bulk load text', () => {
  it('escapes backslash, tab, newline, carriage return and NUL, and leaves other text (unicode included) alone', () => {
    expect(escapeField('a\\b\tc\nd\re\0f')).toBe('a\\\\b\\tc\\nd\\re\\0f');
    expect(escapeField('\\N')).toBe('\\\\N');
    expect(escapeField('NULL ünï 😀')).toBe('NULL ünï 😀');
  });

  it('writes bytes as bytea hex for PostgreSQL and as plain hex (UNHEXed by the load) for MySQL', () => {
    const bytes = Buffer.from([0x00, 0x5c, 0xff]);
    expect(pgFieldText(bytes)).toBe('\\\\x005cff');
    expect(mysqlFieldText(bytes)).toBe('005cff');
    expect(pgFieldText(true)).toBe('true');
    expect(mysqlFieldText(-0.5)).toBe('-0.5');
  });

  it('writes NULL as \\N, fields tab-separated, rows newline-terminated, in chunks of whole rows', () => {
    const rows = Array.from({ length: 1030 }, (_, i) => [String(i), i % 2 === 0 ? null : 'x']);
    const chunks = loadChunks(rows);
    expect(chunks).toHaveLength(3);
    expect(chunks[0]!.startsWith('0\t\\N\n1\tx\n')).toBe(true);
    expect(chunks.every((c) => c.endsWith('\n'))).toBe(true);
    expect(chunks.join('').split('\n')).toHaveLength(1031);
  });
});
