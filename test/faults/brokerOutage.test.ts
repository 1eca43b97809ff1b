// The Kafka cluster goes away under a running sink pipeline and comes back: the status shows the task FAILED with
// the mapping's PROBLEM as its trace while the consumer cannot run (as GET /connectors/<name>/status does for a Lambda
// ESM whose LastProcessingResult is a PROBLEM), the problem is logged once, and when the broker is back the mapping
// rejoins, the status returns to RUNNING and every record is delivered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../../local/broker/index.js';
import { type StandaloneHandle, startStandalone } from '../../local/standalone.js';
import { MemoryWriter } from '../helpers/memoryWriter.js';
import { uniqueName } from '../helpers/pg.js';
import { waitFor } from '../helpers/waitFor.js';
import { post, produce, range, recordingLogger, taskOf } from './scenario.js';

const dataDir = mkdtempSync(join(tmpdir(), 'sluice-broker-outage-'));
let broker: BrokerHandle | undefined;
let sluice: StandaloneHandle | undefined;
afterAll(async () => {
  await sluice?.stop();
  await broker?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Kafka cluster outage', () => {
  it('shows the task FAILED with the mapping problem while the broker is away, logged once, and RUNNING again once it is back', async () => {
    // Prepare: Sluice on a broker of this test's own (KAFKA_BROKERS), writing to memory (the fault is Kafka's)
    broker = await startBroker({ port: 0, dataDir });
    const writer = new MemoryWriter();
    const { logger, lines } = recordingLogger();
    sluice = await startStandalone({ restPort: 0, kafkaBrokers: [broker.bootstrap], logger, pollIntervalMs: 200, createSinkTask: () => writer });
    const topic = uniqueName('kafka_outage');
    const name = `sink-${topic}`;
    const config = { 'connector.class': 'JdbcSink', 'connection.url': 'jdbc:postgresql://127.0.0.1:1/unused', topics: topic, 'sluice.esm.batching.window.ms': '0' };
    expect((await post(sluice.url, '/connectors', { name, config })).status).toBe(201);
    await produce(broker.bootstrap, topic, range(0, 10));
    await waitFor(async () => writer.rows.size === 10, 30_000, 'the first 10 records');
    // Act: the broker goes away
    const port = broker.port;
    await broker.stop();
    broker = undefined;
    const failed = await waitFor(async () => {
      const t = await taskOf(sluice!.url, name);
      return t?.state === 'FAILED' ? t : undefined;
    }, 20_000, 'the task FAILED while the broker is away');
    broker = await startBroker({ port, dataDir });
    await produce(broker.bootstrap, topic, range(10, 10));
    // Assess
    // The mapping is named by its UUID, as Lambda names an ESM (the emulator's ids are UUIDs since the lifecycle
    // reconciler creates the mappings; test/local/standalone/sinkPipeline.test.ts checks the format), then its topic.
    expect(failed.trace).toMatch(new RegExp(`^Event source mapping [0-9a-f-]{36} \\(topic ${topic}\\): PROBLEM: the consumer`));
    await waitFor(async () => writer.rows.size === 20, 60_000, () => `the records produced after the broker came back (${writer.rows.size})`);
    await waitFor(async () => (await taskOf(sluice!.url, name))?.state === 'RUNNING', 10_000, 'RUNNING again');
    expect((await taskOf(sluice.url, name))?.trace).toBeUndefined();
    const problems = lines.filter((l) => l.startsWith('error ') && l.includes(name));
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(new Set(problems).size).toBe(problems.length);
  }, 120_000);
});
