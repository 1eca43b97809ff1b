import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiKey } from '../../../local/broker/protocol/apiKeys.js';
import { ErrorCode } from '../../../local/broker/protocol/errors.js';
import { Writer } from '../../../local/broker/protocol/Writer.js';
import { RawClient, waitFor } from './helpers.js';

const cli = fileURLToPath(new URL('../../../local/broker/cli.ts', import.meta.url));

describe('broker CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-broker-cli-'));

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the address it serves on, keeps data in --data-dir and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--data-dir', dataDir, '--partitions', '2'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await waitFor(() => /broker on 127\.0\.0\.1:\d+/.test(out), 20_000, 'the CLI to print its address');
    const port = Number(/broker on 127\.0\.0\.1:(\d+)/.exec(out)![1]);
    const client = await RawClient.connect(port);
    const r = await client.request(ApiKey.Metadata, 1, new Writer().array(['from-cli'], (w, t) => void w.string(t)));
    expect(r.int32()).toBe(1); // brokers
    r.int32();
    r.string();
    r.int32();
    r.nullableString();
    r.int32(); // controller
    expect(r.int32()).toBe(1); // topics
    expect(r.int16()).toBe(ErrorCode.NONE);
    client.close();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('stopping');
    expect(existsSync(join(dataDir, 'meta.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, 'meta.json'), 'utf8')).topics).toEqual([{ name: 'from-cli', partitions: 2 }]);
  }, 30_000);
});
