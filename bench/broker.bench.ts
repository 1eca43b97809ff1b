// Embedded broker throughput: kafkajs produces then consumes 100k records of 1 KB through the
// broker (run as its own process by local/broker/cli.ts, so its CPU time can be read apart from
// the client's). Baseline, measured in the same run: the same client's own cost for those records
// with no broker at all — kafkajs' internal record batch encoder and decoder
// (kafkajs/src/protocol/recordBatch/v0 and its decoder), in batches of the size the producer sends.
// Goal: the broker adds under 50% on top of the client's own cost (broker CPU / client codec CPU < 0.5).
// What the ratio is: the broker process's CPU time (utime + stime from /proc, 10 ms ticks) while it takes the 100k
// records in and serves them out, over the CPU time this process spends in kafkajs's record batch encoder + decoder
// for the same records. It is not a throughput figure. Both sides are measured warm: the codec baseline runs twice and
// the second pass counts, and the broker first takes a 20k-record warm-up on another topic, so neither side is charged
// for V8 compiling its hot path (a cold baseline is slower, which made the ratio look better than it is). CPU time is
// also inflated when the 2 cores are shared with other work, so the figure moves between runs: quote a range.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';

const TOTAL = 100_000;
const SIZE = 1024;
const PER_SEND = 1_000;
const WARM_UP = 20_000;

interface KafkajsEncoder {
  buffer: Buffer;
}
interface KafkajsBatch {
  records: unknown[];
}
type RecordFn = (r: { offsetDelta: number; timestampDelta: number; key: Buffer; value: Buffer; headers: Record<string, string> }) => KafkajsEncoder;
type RecordBatchFn = (b: { records: KafkajsEncoder[]; firstTimestamp: number; maxTimestamp: number; lastOffsetDelta: number }) => Promise<KafkajsEncoder>;

const require = createRequire(import.meta.url);
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as RecordFn;
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0') as { RecordBatch: RecordBatchFn };
const decodeBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder') as (d: unknown) => Promise<KafkajsBatch>;
const Decoder = require('kafkajs/src/protocol/decoder') as new (b: Buffer) => unknown;

const value = Buffer.alloc(SIZE, 'x');
const keyOf = (i: number) => Buffer.from(`key-${i}`);

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function clientCodecCost(): Promise<{ wallMs: number; cpuMs: number }> {
  const t0 = performance.now();
  const c0 = cpuMs();
  let decoded = 0;
  for (let start = 0; start < TOTAL; start += PER_SEND) {
    const now = Date.now();
    const records = Array.from({ length: PER_SEND }, (_, i) =>
      Record({ offsetDelta: i, timestampDelta: 0, key: keyOf(start + i), value, headers: {} }),
    );
    const batch = await RecordBatch({ records, firstTimestamp: now, maxTimestamp: now, lastOffsetDelta: PER_SEND - 1 });
    const back = await decodeBatch(new Decoder(batch.buffer));
    decoded += back.records.length;
  }
  if (decoded !== TOTAL) throw new Error(`decoded ${decoded} records`);
  return { wallMs: performance.now() - t0, cpuMs: cpuMs() - c0 };
}

/** CPU milliseconds a process has used so far (utime + stime from /proc). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

async function startBrokerProcess(): Promise<{ pid: number; port: number; stop: () => Promise<void> }> {
  const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'local', 'broker', 'cli.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--partitions', '4'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /broker on 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`broker exited ${code}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { pid: child.pid!, port, stop };
}

async function warmUp(kafka: Kafka): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  for (let start = 0; start < WARM_UP; start += PER_SEND) {
    await producer.send({ topic: 'bench-warm-up', messages: Array.from({ length: PER_SEND }, (_, i) => ({ key: keyOf(start + i), value })) });
  }
  const consumer = kafka.consumer({ groupId: 'bench-warm-up', maxBytes: 50 * 1024 * 1024, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'bench-warm-up', fromBeginning: true });
  let seen = 0;
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        seen += batch.messages.length;
        if (seen >= WARM_UP) resolve();
      },
    });
  });
  await consumer.disconnect();
  await producer.disconnect();
}

async function throughBroker(): Promise<{ produceMs: number; consumeMs: number; brokerCpuMs: number; clientCpuMs: number }> {
  const broker = await startBrokerProcess();
  const kafka = new Kafka({ brokers: [`127.0.0.1:${broker.port}`], logLevel: logLevel.NOTHING });
  await warmUp(kafka);
  const producer = kafka.producer();
  await producer.connect();
  const consumer = kafka.consumer({ groupId: 'bench', maxBytes: 50 * 1024 * 1024, maxWaitTimeInMs: 100 });
  await consumer.connect();
  const cpu0 = processCpuMs(broker.pid);
  const clientCpu0 = cpuMs();
  const t0 = performance.now();
  for (let start = 0; start < TOTAL; start += PER_SEND) {
    await producer.send({
      topic: 'bench',
      messages: Array.from({ length: PER_SEND }, (_, i) => ({ key: keyOf(start + i), value })),
    });
  }
  const produceMs = performance.now() - t0;
  const t1 = performance.now();
  let seen = 0;
  await consumer.subscribe({ topic: 'bench', fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        seen += batch.messages.length;
        if (seen >= TOTAL) resolve();
      },
    });
  });
  const consumeMs = performance.now() - t1;
  const brokerCpuMs = processCpuMs(broker.pid) - cpu0;
  const clientCpuMs = cpuMs() - clientCpu0;
  await consumer.disconnect();
  await producer.disconnect();
  await broker.stop();
  return { produceMs, consumeMs, brokerCpuMs, clientCpuMs };
}

await clientCodecCost(); // warm-up pass: V8 compiles the codec
const baseline = await clientCodecCost();
const run = await throughBroker();
const rate = (ms: number) => Math.round((TOTAL * 1000) / ms).toLocaleString('en-US');
const ratio = run.brokerCpuMs / baseline.cpuMs;
console.log(`records: ${TOTAL} x ${SIZE} B, ${PER_SEND} per send, topic with 4 partitions`);
console.log(`client codec only (kafkajs encode+decode, no broker, warm): ${baseline.wallMs.toFixed(0)} ms wall, ${baseline.cpuMs.toFixed(0)} ms CPU = ${rate(baseline.wallMs)} records/s`);
console.log(`through the broker: produce ${run.produceMs.toFixed(0)} ms (${rate(run.produceMs)} records/s), consume ${run.consumeMs.toFixed(0)} ms (${rate(run.consumeMs)} records/s)`);
console.log(`end to end ${rate(run.produceMs + run.consumeMs)} records/s; end-to-end wall time / client codec wall time = ${((run.produceMs + run.consumeMs) / baseline.wallMs).toFixed(2)}x`);
console.log(`client process CPU during the broker run: ${run.clientCpuMs.toFixed(0)} ms`);
console.log(`broker process CPU (warm, after a ${WARM_UP}-record warm-up): ${run.brokerCpuMs.toFixed(0)} ms; broker CPU / client codec CPU = ${ratio.toFixed(2)}`);
console.log(`goal "the broker adds under 50% on top of the client's own cost": ${ratio < 0.5 ? 'MET' : 'NOT MET'} (${(ratio * 100).toFixed(0)}%)`);
