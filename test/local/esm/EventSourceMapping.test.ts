// The ESM emulator's mapping heals its consumer as Lambda's ESM does: a broker that goes away and comes back (the
// consumer crashes, its member is forgotten) and a broker that is not there at start are shown as
// LastProcessingResult "PROBLEM: ..." (which the status API turns into the task's trace), logged once, and retried
// until the mapping delivers again, from the committed offset, with nothing skipped.
// Lambda's own wording for such states: LastProcessingResult "PROBLEM: Connection error ..." (AWS Lambda API
// Reference, GetEventSourceMapping / EventSourceMappingConfiguration.LastProcessingResult).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../../../local/broker/index.js';
import { freePort } from '../../../local/embeddedPostgres.js';
import { EventSourceMapping, type InvokeSink } from '../../../local/esm/EventSourceMapping.js';
import type { MskEvent } from '../../../lambdas/runtime/sink/mskEvent.js';
import { waitFor } from '../../helpers/waitFor.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

function recorder(): { invoke: InvokeSink; offsets: number[] } {
  const offsets: number[] = [];
  const invoke: InvokeSink = async (event: MskEvent) => {
    for (const records of Object.values(event.records)) for (const r of records) offsets.push(r.offset);
    return {};
  };
  return { invoke, offsets };
}

function logs(): { logger: { info(m: string): void; warn(m: string): void; error(m: string): void }; errors: string[] } {
  const errors: string[] = [];
  return { logger: { info: () => undefined, warn: () => undefined, error: (m: string) => void errors.push(m) }, errors };
}

async function produce(bootstrap: string, topic: string, from: number, count: number): Promise<void> {
  const producer = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: count }, (_, i) => ({ value: `v${from + i}` })) });
  await producer.disconnect();
}

function mapping(bootstrap: string, topic: string, invoke: InvokeSink, logger: ReturnType<typeof logs>['logger']): EventSourceMapping {
  const settings = { pipeline: 'p', groupId: `connect-${topic}`, topics: [topic], batchSize: 100, batchingWindowMs: 0, fromBeginning: true, invokedFunctionArn: 'arn:aws:lambda:local:0:function:sink:p', timeoutMs: 30_000, sessionTimeoutMs: 30_000 };
  const m = new EventSourceMapping(settings, new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }), invoke, bootstrap, logger);
  cleanups.push(() => m.stop());
  return m;
}

describe('event source mapping emulator', () => {
  it('shows a broker that went away as a PROBLEM, logged once, and rejoins when it is back, skipping nothing', async () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'sluice-esm-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    let broker: BrokerHandle = await startBroker({ port: 0, dataDir });
    cleanups.push(() => broker.stop());
    const { invoke, offsets } = recorder();
    const { logger, errors } = logs();
    const m = mapping(broker.bootstrap, 'heal', invoke, logger);
    await m.start();
    await produce(broker.bootstrap, 'heal', 0, 10);
    await waitFor(async () => offsets.length === 10, 20_000, 'the first 10 records');
    expect(m.health.lastProcessingResult).toBe('OK');
    // Act: the broker goes away
    await broker.stop();
    await waitFor(async () => m.health.lastProcessingResult.startsWith('PROBLEM'), 20_000, 'a PROBLEM while the broker is away');
    const problem = m.health.lastProcessingResult;
    const loggedWhileAway = errors.length;
    broker = await startBroker({ port: broker.port, dataDir });
    await produce(broker.bootstrap, 'heal', 10, 10);
    // Assess
    await waitFor(async () => offsets.includes(19), 60_000, () => `the records produced after the broker came back (${m.health.lastProcessingResult})`);
    // kafkajs retries a vanished broker without a word: the mapping notices the silence (or the crash) and rejoins.
    expect(problem).toMatch(/^PROBLEM: the consumer (crashed|showed no sign of life|could not (start|rejoin))/);
    expect(loggedWhileAway).toBeGreaterThanOrEqual(1);
    expect(new Set(errors).size).toBe(errors.length); // each distinct problem once, never repeated per retry
    expect(m.health.lastProcessingResult).toBe('OK');
    expect([...new Set(offsets)].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  }, 120_000);

  it('keeps trying a broker that is not there at start, with the problem logged once, and delivers once it is up', async () => {
    // Prepare: a port with nothing listening yet
    const port = await freePort();
    const { invoke, offsets } = recorder();
    const { logger, errors } = logs();
    const m = mapping(`127.0.0.1:${port}`, 'late-broker', invoke, logger);
    // Act
    await m.start();
    const atStart = m.health.lastProcessingResult;
    await waitFor(async () => errors.length >= 1, 20_000, 'the start problem logged');
    const broker = await startBroker({ port });
    cleanups.push(() => broker.stop());
    await produce(broker.bootstrap, 'late-broker', 0, 5);
    // Assess
    await waitFor(async () => offsets.length === 5, 60_000, () => `the records once the broker is up (${m.health.lastProcessingResult})`);
    expect(atStart).toMatch(/^PROBLEM: the consumer could not start; retrying/);
    expect(errors.filter((e) => e.includes('could not start'))).toHaveLength(1);
    expect(m.health.lastProcessingResult).toBe('OK');
  }, 90_000);
});
