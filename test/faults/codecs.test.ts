// Compressed topics and a poison mix: librdkafka (kcat) produces gzip, snappy, lz4 and zstd batches, one record in ten
// not JSON; each topic's sink pipeline (errors.tolerance=all with a dead-letter queue) writes every good record once
// and dead-letters every poison one. A batch the emulator cannot read fails the task with the reason, logged once.
//
// Compression is a property of a Kafka record batch that every consumer undoes (Kafka protocol guide, "Record
// Batch": attributes bits 0-2 name the codec); the MSK event a Lambda receives carries each record's value as its
// plain bytes in base64 (AWS Lambda Developer Guide, "Using Lambda with Amazon MSK", example event). The emulator's
// consumer must therefore read every codec a producer may choose.
import { spawn } from 'node:child_process';
import { CompressionCodecs, CompressionTypes, Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandaloneHandle, startStandalone } from '../../local/standalone.js';
import { uniqueName } from '../helpers/pg.js';
import { waitFor } from '../helpers/waitFor.js';
import { type PrivatePostgres, startPrivatePostgres } from './privatePostgres.js';
import { envelope, post, produce, range, recordingLogger, rows, taskOf, upsertSink } from './scenario.js';

let db: PrivatePostgres;
let sluice: StandaloneHandle;
let kafka: Kafka;
const log = recordingLogger();

beforeAll(async () => {
  db = await startPrivatePostgres();
  sluice = await startStandalone({ restPort: 0, kafkaPort: 0, logger: log.logger, pollIntervalMs: 200 });
  kafka = new Kafka({ brokers: [sluice.kafkaBootstrap], logLevel: logLevel.NOTHING });
});
afterAll(async () => {
  await sluice?.stop();
  await db?.stop();
});

// kcat is librdkafka's command-line client; .ci/run installs it (apt-get install -y kcat).
function kcat(args: string[], input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', args, { stdio: ['pipe', 'ignore', 'pipe'], timeout: 30_000 });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`kcat exited ${code}: ${err}`))));
    child.stdin.end(input);
  });
}

async function endOffset(topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

const COUNT = 1_000;
const isPoison = (id: number) => id % 10 === 7;

describe('compressed topics with poison records', () => {
  it.each(['gzip', 'snappy', 'lz4', 'zstd'])('%s: every good record written once, every poison record dead-lettered, status RUNNING', async (codec) => {
    // Prepare
    const topic = uniqueName(`codec_${codec}`);
    const table = uniqueName(`codec_${codec}_tbl`);
    const dlq = `${topic}-dlq`;
    const name = `sink-${topic}`;
    const lines = range(0, COUNT).map((id) => `${id}|${isPoison(id) ? `not json ${id}` : envelope(id)}`);
    // Act
    await kcat(['-P', '-b', sluice.kafkaBootstrap, '-t', topic, '-z', codec, '-K|', '-X', 'linger.ms=50'], `${lines.join('\n')}\n`);
    const config = upsertSink(db, topic, table, { 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': dlq, 'sluice.esm.batch.size': '250' });
    expect((await post(sluice.url, '/connectors', { name, config })).status).toBe(201);
    // Assess
    const good = range(0, COUNT).filter((id) => !isPoison(id)).length;
    await waitFor(async () => (await rows(db, table)).n === good, 60_000, `${good} good rows of the ${codec} topic`);
    await waitFor(async () => (await endOffset(dlq)) === COUNT - good, 30_000, `${COUNT - good} dead-lettered records`);
    expect(await rows(db, table)).toEqual({ n: good, d: good });
    expect((await taskOf(sluice.url, name))?.state).toBe('RUNNING');
  });

  it('a batch the emulator cannot decompress fails the task with the reason within a poll interval, logged once', async () => {
    // Prepare: a zstd batch whose payload is not zstd (the broker stores batches as they come)
    const topic = uniqueName('unreadable');
    const table = uniqueName('unreadable_tbl');
    const name = `sink-${topic}`;
    await produce(sluice.kafkaBootstrap, topic, range(0, 10));
    expect((await post(sluice.url, '/connectors', { name, config: upsertSink(db, topic, table) })).status).toBe(201);
    await waitFor(async () => (await rows(db, table)).n === 10, 60_000, 'the 10 readable rows');
    const producer = kafka.producer();
    await producer.connect();
    const real = CompressionCodecs[CompressionTypes.ZSTD];
    CompressionCodecs[CompressionTypes.ZSTD] = () => ({ compress: async () => Buffer.from('this is not a zstd frame'), decompress: () => Promise.reject(new Error('not a zstd frame')) });
    try {
      await producer.send({ topic, compression: CompressionTypes.ZSTD, messages: [{ key: '10', value: envelope(10) }] });
    } finally {
      CompressionCodecs[CompressionTypes.ZSTD] = real;
      await producer.disconnect();
    }
    // Act: the emulator fetches the batch
    const failed = await waitFor(async () => {
      const t = await taskOf(sluice.url, name);
      return t?.state === 'FAILED' ? t : undefined;
    }, 30_000, 'the task FAILED');
    // Assess: FAILED as soon as the mapping reports its PROBLEM, then with the task's own trace
    expect(failed.trace).toMatch(/cannot be read|cannot read a record/);
    await waitFor(async () => (await taskOf(sluice.url, name))?.trace?.includes(`cannot read a record of ${topic}`), 10_000, 'the FAILED task names the topic');
    expect((await taskOf(sluice.url, name))?.trace).toContain('invalid zstd data');
    await waitFor(async () => !sluice.esm.active.includes(name), 10_000, 'the mapping of the FAILED pipeline stops');
    expect(log.lines.filter((l) => l.includes(`event source mapping of ${name} `) && l.includes('cannot be read'))).toHaveLength(1);
    expect(await rows(db, table)).toEqual({ n: 10, d: 10 });
  });
});
