// One standalone process per data directory: dynalite's LevelDB and the broker's logs cannot be shared, and a second
// process on the same directory would crash on its first read. A pid file says who holds it; a stale one (its process
// is gone) is taken over.
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';

  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the data directory ${dataDir} is in use by process ${pid}`);
  }
}

const LOCK_FILE = 'sluice.pid';
/** Directories this process holds (two standalone instances in one process cannot share one either). */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the directory for this process; the returned function gives it back. Throws DataDirInUseError when held. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(realpathSync(dataDir), LOCK_FILE);
  if (held.has(file)) throw new DataDirInUseError(dataDir, process.pid);
  for (;;) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = holder(file);
      if (pid !== undefined && pid !== process.pid && isAlive(pid)) throw new DataDirInUseError(dataDir, pid);
      // A stale file: its process is gone (or it is this process's own, left by an earlier run with the same pid).
      rmSync(file, { force: true });
    }
  }
  held.add(file);
  return () => {
    if (!held.delete(file)) return;
    if (holder(file) === process.pid) rmSync(file, { force: true });
  };
}
