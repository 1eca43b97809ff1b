import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../local/dataDirLock.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function freshDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sluice-lock-'));
  dirs.push(d);
  return d;
}

describe('the data directory lock', () => {
  it('holds the directory with a pid file and gives it back', () => {
    const dir = freshDir();
    const unlock = lockDataDir(dir);
    expect(readFileSync(join(dir, 'sluice.pid'), 'utf8')).toBe(`${process.pid}\n`);
    unlock();
    expect(existsSync(join(dir, 'sluice.pid'))).toBe(false);
  });

  it('refuses a directory another live process holds, naming that process', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'sluice.pid'), `${process.ppid}\n`);
    expect(() => lockDataDir(dir)).toThrow(new DataDirInUseError(dir, process.ppid));
  });

  it('refuses a directory this process already holds', () => {
    const dir = freshDir();
    const unlock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    unlock();
    lockDataDir(dir)();
  });

  it('takes over a pid file whose process is gone', () => {
    // Prepare: the pid of a process that has exited
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const dir = freshDir();
    writeFileSync(join(dir, 'sluice.pid'), `${gone}\n`);
    // Act
    const unlock = lockDataDir(dir);
    // Assess
    expect(readFileSync(join(dir, 'sluice.pid'), 'utf8')).toBe(`${process.pid}\n`);
    unlock();
  });
});
