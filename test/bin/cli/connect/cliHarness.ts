// Runs `sluice connectors|plugins|validate` in-process against a real standalone instance, capturing its output.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { runConnectCli } from '../../../../bin/cli/connect/program.js';
import { type StandaloneHandle, startStandalone } from '../../../../local/standalone.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runConnectCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** A fresh folder holding the given files (name → text). */
export function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A unique connector/table name for this run (the shared PostgreSQL and this standalone). */
export function unique(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * A standalone instance for the test file (started before its tests, stopped after) and config folders that are
 * removed with it.
 */
export function standaloneForTests(): { readonly url: string; dir(files: Record<string, string>): string } {
  let sa: StandaloneHandle | undefined;
  const dirs: string[] = [];
  beforeAll(async () => {
    sa = await startStandalone({ restPort: 0, kafkaPort: 0, logger: quiet });
  }, 60_000);
  afterAll(async () => {
    await sa?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!sa) throw new Error('standalone is not started yet');
      return sa.url;
    },
    dir(files) {
      const d = folder(files);
      dirs.push(d);
      return d;
    },
  };
}
