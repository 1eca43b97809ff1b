// `kill -9` of a standalone Sluice in the middle of a stream, then a restart on the same data directory: every record
// is written, none twice (upsert keyed by id), every offset committed, status RUNNING. Sluice runs as a user runs it,
// in a child process (`sluice standalone --data-dir`), against the fault suite's own PostgreSQL.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/pg.js';
import { waitFor } from '../helpers/waitFor.js';
import { type PrivatePostgres, startPrivatePostgres } from './privatePostgres.js';
import { post, produce, range, rows, taskOf, upsertSink } from './scenario.js';

const children: ChildProcess[] = [];
let db: PrivatePostgres | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'sluice-kill-'));
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `sluice standalone` on free ports and returns its REST URL and Kafka bootstrap once it has printed them. */
async function startSluice(): Promise<{ child: ChildProcess; url: string; kafka: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/sluice.ts', 'standalone', '--port', '0', '--kafka-port', '0', '--data-dir', dataDir], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', () => undefined);
  return waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`sluice exited ${child.exitCode}: ${out}`);
      const url = /REST API\s+(http:\/\/\S+)/.exec(out)?.[1];
      const kafka = /Kafka\s+(\S+:\d+)/.exec(out)?.[1];
      return url && kafka ? { child, url, kafka } : undefined;
    },
    60_000,
    () => `sluice standalone did not start: ${out}`,
  );
}

async function committed(bootstrap: string, groupId: string, topic: string): Promise<number> {
  const admin = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return Number((await admin.fetchOffsets({ groupId, topics: [topic] }))[0]!.partitions[0]!.offset);
  } finally {
    await admin.disconnect();
  }
}

describe('kill -9 mid-stream', () => {
  it('a restart on the same data directory writes every record exactly once and commits every offset', async () => {
    // Prepare
    db = await startPrivatePostgres();
    const total = 20_000;
    const topic = uniqueName('killed');
    const table = uniqueName('killed_tbl');
    const name = `sink-${topic}`;
    const first = await startSluice();
    expect((await post(first.url, '/connectors', { name, config: upsertSink(db, topic, table) })).status).toBe(201);
    await produce(first.kafka, topic, range(0, total));
    // Act: kill while batches are being written
    await waitFor(async () => (await rows(db!, table)).n >= 1_000, 60_000, 'the first 1000 rows');
    first.child.kill('SIGKILL');
    await waitFor(async () => first.child.signalCode === 'SIGKILL', 10_000, 'the process is gone');
    const atKill = await rows(db, table);
    const second = await startSluice();
    // Assess
    expect(atKill.n).toBeLessThan(total);
    await waitFor(async () => (await rows(db!, table)).n === total, 120_000, `all ${total} rows after the restart`);
    await waitFor(async () => (await committed(second.kafka, `connect-${name}`, topic)) === total, 30_000, 'every offset committed');
    expect(await rows(db, table)).toEqual({ n: total, d: total });
    expect((await taskOf(second.url, name))?.state).toBe('RUNNING');
    second.child.kill('SIGTERM');
    await waitFor(async () => second.child.exitCode !== null || second.child.signalCode !== null, 30_000, 'the second process stops');
  }, 180_000);
});
