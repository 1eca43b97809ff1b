// Standalone mode across its lifecycle: a restart resumes pipelines and offsets with no duplicate row; deleting a
// pipeline stops its consumer; records produced by kcat (librdkafka) are written by a sink pipeline.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { type StandaloneHandle, startStandalone } from '../../../local/standalone.js';
import { PG_URL, uniqueName, withPg } from '../../helpers/pg.js';
import { waitFor } from '../../helpers/waitFor.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const tables: string[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await withPg(async (c) => {
    for (const t of tables) await c.query(`DROP TABLE IF EXISTS "${t}"`);
  });
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const schema = { type: 'struct', optional: false, fields: [{ field: 'id', type: 'int64', optional: false }] };

async function produce(bootstrap: string, topic: string, ids: number[]): Promise<void> {
  const kafka = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: ids.map((id) => ({ key: String(id), value: JSON.stringify({ schema, payload: { id } }) })) });
  await producer.disconnect();
}

const counts = (table: string) =>
  withPg(async (c) => {
    const r = (await c.query(`SELECT count(*)::int AS n, count(DISTINCT id)::int AS d FROM "${table}"`)).rows[0];
    return { n: r.n as number, d: r.d as number };
  }).catch(() => ({ n: 0, d: 0 }));

/** insert mode with no primary key: a redelivered batch would show up as duplicate rows. */
function insertOnly(topic: string, table: string): Record<string, string> {
  return { 'connector.class': 'JdbcSink', 'connection.url': PG_URL, 'connection.user': 'postgres', topics: topic, 'table.name.format': table, 'auto.create': 'true', 'sluice.esm.batching.window.ms': '0' };
}

const create = (sluice: StandaloneHandle, name: string, config: Record<string, string>) =>
  fetch(`${sluice.url}/connectors`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, config }) });

describe('standalone lifecycle', () => {
  it('resumes pipelines and offsets after a restart, with no duplicate and no lost row', async () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'sluice-restart-'));
    dirs.push(dataDir);
    const topic = uniqueName('restart');
    const table = uniqueName('restart_tbl');
    tables.push(table);
    const first = await startStandalone({ restPort: 0, kafkaPort: 0, dataDir, logger: quiet, pollIntervalMs: 200 });
    await create(first, 'restart-sink', insertOnly(topic, table));
    await produce(first.kafkaBootstrap, topic, Array.from({ length: 100 }, (_, i) => i));
    await waitFor(async () => (await counts(table)).n === 100, 30_000, 'first 100 rows');
    // Act
    await first.stop();
    const second = await startStandalone({ restPort: 0, kafkaPort: 0, dataDir, logger: quiet, pollIntervalMs: 200 });
    await produce(second.kafkaBootstrap, topic, Array.from({ length: 100 }, (_, i) => 100 + i));
    await waitFor(async () => (await counts(table)).n >= 200, 30_000, 'rows produced after the restart');
    await second.controller.reconcile();
    const after = await counts(table);
    await second.stop();
    // Assess
    expect(after).toEqual({ n: 200, d: 200 });
  });

  it('stops the consumer of a deleted pipeline, leaving its group with no member', async () => {
    const sluice = await startStandalone({ restPort: 0, kafkaPort: 0, logger: quiet, pollIntervalMs: 200 });
    const topic = uniqueName('deleted');
    const table = uniqueName('deleted_tbl');
    tables.push(table);
    await create(sluice, 'to-delete', insertOnly(topic, table));
    await produce(sluice.kafkaBootstrap, topic, [1]);
    await waitFor(async () => (await counts(table)).n === 1, 30_000, 'the first row');
    const admin = new Kafka({ brokers: [sluice.kafkaBootstrap], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const before = (await admin.describeGroups(['connect-to-delete'])).groups[0]!;
    // Act
    const deleted = await fetch(`${sluice.url}/connectors/to-delete`, { method: 'DELETE' });
    const group = await waitFor(async () => {
      const g = (await admin.describeGroups(['connect-to-delete'])).groups[0]!;
      return g.members.length === 0 ? g : undefined;
    }, 2_000, 'the consumer group still has members 2 s after the delete');
    await produce(sluice.kafkaBootstrap, topic, [2]);
    await sluice.controller.reconcile();
    await admin.disconnect();
    await sluice.stop();
    // Assess
    expect(before.members).toHaveLength(1);
    expect(deleted.status).toBe(204);
    expect(group.state).toBe('Empty');
    expect((await counts(table)).n).toBe(1);
  });

  it('writes records produced with kcat', async () => {
    const sluice = await startStandalone({ restPort: 0, kafkaPort: 0, logger: quiet, pollIntervalMs: 200 });
    const topic = uniqueName('kcat');
    const table = uniqueName('kcat_tbl');
    tables.push(table);
    await create(sluice, 'kcat-sink', insertOnly(topic, table));
    const input = [1, 2, 3].map((id) => `${id}|${JSON.stringify({ schema, payload: { id } })}`).join('\n');
    // kcat runs as its own process while this one serves the broker (a synchronous exec would block the broker).
    await new Promise<void>((resolve, reject) => {
      const kcat = spawn('kcat', ['-b', sluice.kafkaBootstrap, '-t', topic, '-P', '-K|'], { stdio: ['pipe', 'ignore', 'pipe'] });
      let stderr = '';
      kcat.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      kcat.on('error', reject);
      kcat.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kcat exited with ${code}: ${stderr}`))));
      kcat.stdin.end(`${input}\n`);
    });
    await waitFor(async () => (await counts(table)).n === 3, 30_000, 'the three kcat records');
    await sluice.stop();
    expect(await counts(table)).toEqual({ n: 3, d: 3 });
  });
});
