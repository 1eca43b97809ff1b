// A PostgreSQL outage in the middle of a stream, against the fault suite's own PostgreSQL (killed as by
// `pg_ctl stop -m immediate`, then started again on the same data). The two outages run concurrently, each with its
// own database and standalone Sluice, so the file takes about as long as the longest outage. Shortened emulator
// timeouts let short outages take the paths long ones take with the defaults (10 s ~ 40 s, 20 s ~ 60 s).
//
// Lambda runs a Kafka ESM's function for up to 14 minutes, and the ESM keeps its consumer in the group meanwhile
// (AWS Lambda Developer Guide, "Configuring Amazon MSK event sources for Lambda": "event source mappings for Amazon
// MSK ... only support functions with maximum timeout limits of 14 minutes"; a failed batch is retried "until
// processing succeeds or the messages expire"). So a sink invocation that retries through an outage must not cost the
// emulated consumer its group membership.
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { type StandaloneHandle, startStandalone } from '../../local/standalone.js';
import { uniqueName } from '../helpers/pg.js';
import { waitFor } from '../helpers/waitFor.js';
import { type PrivatePostgres, startPrivatePostgres } from './privatePostgres.js';
import { post, produce, range, recordingLogger, rows, upsertSink, watchStatus } from './scenario.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

async function setup(options: { esmSessionTimeoutMs?: number; sinkTimeoutMs?: number }): Promise<{ db: PrivatePostgres; sluice: StandaloneHandle; lines: string[] }> {
  const db = await startPrivatePostgres();
  cleanups.push(() => db.stop());
  const { logger, lines } = recordingLogger();
  const sluice = await startStandalone({ restPort: 0, kafkaPort: 0, logger, pollIntervalMs: 200, ...options });
  cleanups.push(() => sluice.stop());
  return { db, sluice, lines };
}

async function committedOffset(bootstrap: string, groupId: string, topic: string): Promise<number> {
  const admin = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return Number(t!.partitions[0]!.offset);
  } finally {
    await admin.disconnect();
  }
}

describe('database outage mid-stream', () => {
  it.concurrent(
    'an outage longer than the consumer session timeout: the invocation retries through it, nothing stalls, each record is written once and committed, status RUNNING throughout',
    async () => {
      // Prepare: a 6 s session timeout makes a 10 s outage outlast it, as a 40 s outage outlasts the default 30 s
      // (the invocation's own retries, 3 s backoff doubling, then last about 21 s).
      const { db, sluice } = await setup({ esmSessionTimeoutMs: 6_000 });
      const topic = uniqueName('outage10');
      const table = uniqueName('outage10_tbl');
      const name = `sink-${topic}`;
      expect((await post(sluice.url, '/connectors', { name, config: upsertSink(db, topic, table) })).status).toBe(201);
      await produce(sluice.kafkaBootstrap, topic, range(0, 300));
      await waitFor(async () => (await rows(db, table)).n === 300, 60_000, 'the first 300 rows');
      const watch = watchStatus(sluice.url, name);
      // Act: the database goes away, records keep coming
      const outage = db.outage(10_000);
      await produce(sluice.kafkaBootstrap, topic, range(300, 700));
      await outage;
      // Assess
      await waitFor(async () => (await rows(db, table)).n === 1_000, 90_000, 'all 1000 rows after the outage');
      await waitFor(async () => (await committedOffset(sluice.kafkaBootstrap, `connect-${name}`, topic)) === 1_000, 30_000, 'every offset committed');
      const seen = await watch.stop();
      expect(await rows(db, table)).toEqual({ n: 1_000, d: 1_000 });
      expect(seen.map((t) => t.state)).toEqual(['RUNNING']);
    },
    150_000,
  );

  it.concurrent(
    'an outage longer than the invocation may retry: the task is FAILED with the cause, logged once, and a restart delivers every record once',
    async () => {
      // Prepare: a 20 s sink timeout (retries stop about 9 s in, as they stop about 45 s in with the default 60 s) makes
      // a 20 s outage take the path a 60 s outage takes with the defaults, in a third of the time.
      const { db, sluice, lines } = await setup({ sinkTimeoutMs: 20_000 });
      const topic = uniqueName('outage_long');
      const table = uniqueName('outage_long_tbl');
      const name = `sink-${topic}`;
      expect((await post(sluice.url, '/connectors', { name, config: upsertSink(db, topic, table) })).status).toBe(201);
      await produce(sluice.kafkaBootstrap, topic, range(0, 300));
      await waitFor(async () => (await rows(db, table)).n === 300, 60_000, 'the first 300 rows');
      const watch = watchStatus(sluice.url, name);
      // Act
      const outage = db.outage(20_000);
      await produce(sluice.kafkaBootstrap, topic, range(300, 700));
      await outage;
      const seenDuringOutage = await watch.stop();
      expect((await post(sluice.url, `/connectors/${name}/restart?includeTasks=true`)).status).toBeLessThan(300);
      // Assess
      await waitFor(async () => (await rows(db, table)).n === 1_000, 90_000, 'all 1000 rows after the restart');
      expect(await rows(db, table)).toEqual({ n: 1_000, d: 1_000 });
      const failed = seenDuringOutage.find((t) => t.state === 'FAILED');
      expect(failed?.trace).toMatch(/failed after retries|Could not connect/);
      expect(seenDuringOutage.map((t) => t.state)).toEqual(['RUNNING', 'FAILED']);
      expect(lines.filter((l) => l.startsWith(`error Pipeline ${name} failed`))).toHaveLength(1);
      await waitFor(async () => (await fetch(`${sluice.url}/connectors/${name}/status`).then((r) => r.json()) as { tasks: Array<{ state: string }> }).tasks[0]?.state === 'RUNNING', 30_000, 'RUNNING after the restart');
    },
    150_000,
  );
});
