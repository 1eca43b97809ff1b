// The standalone key lives in a file of the data directory: created once (mode 0600), reused after a restart.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalConfigCipher } from '../../../lambdas/adapters/crypto/LocalConfigCipher.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('LocalConfigCipher', () => {
  it('keeps its key in a 0600 file, so a restarted process opens what the previous one sealed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-key-'));
    dirs.push(dir);
    const path = join(dir, 'data', 'config.key');
    const sealed = await LocalConfigCipher.fromKeyFile(path).seal('pw', { p: 'a' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await LocalConfigCipher.fromKeyFile(path).open(sealed, { p: 'a' })).toBe('pw');
    await expect(new LocalConfigCipher().open(sealed, { p: 'a' })).rejects.toThrow();
  });
});
