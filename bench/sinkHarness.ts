// The sink Lambda's handler as the benchmarks drive it: the real handler (lambdas/sink/createSinkHandler.ts), the real
// DynamoDB store through the AWS SDK against dynalite run as its own process (bench/dynaliteProcess.ts), the real JDBC
// writer, the real EMF metrics, and an MSK event built the way the event source mapping delivers it: base64 key and value, JsonConverter's schema envelope, records keyed by `<topic>-<partition>`.
// The store's SDK calls are counted per command (a middleware on the client), for the cost benchmark.
import { DynamoPipelineStore } from '../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import { EmfMetricsSink } from '../lambdas/adapters/metrics/EmfMetricsSink.js';
import { ConnectorService } from '../lambdas/runtime/connector/ConnectorService.js';
import { aliasForPipeline, pipelineOfPlainAlias } from '../lambdas/runtime/pipelineAlias.js';
import { builtinPlugins } from '../lambdas/runtime/builtins/builtins.js';
import { systemClock } from '../lambdas/runtime/ports/Clock.js';
import type { MskEvent, MskRecord } from '../lambdas/runtime/sink/mskEvent.js';
import type { PutResult } from '../lambdas/runtime/sink/WorkerSinkTask.js';
import { createSinkHandler } from '../lambdas/sink/createSinkHandler.js';
import { SinkPipelines, type SinkRuntime } from '../lambdas/sink/SinkPipelines.js';
import { localContext } from '../local/httpAdapter.js';
import { startDynaliteProcess } from './dynaliteProcess.js';

export const PARTITIONS = 3;
const FN = 'arn:aws:lambda:us-east-1:123456789012:function:sluice-sink';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** One row as the baseline writes it: id, name, qty, price, at (epoch ms). */
export type Row = readonly [id: number, name: string, qty: number, price: number, at: number];

export function rows(count: number, round: number): Row[] {
  return Array.from({ length: count }, (_, i) => [i, `name ${i} r${round}`, i * 3, (i * 100 + 99) / 100, 1_700_000_000_000 + i * 1000 + round] as const);
}

const KEY_SCHEMA = { type: 'struct', optional: false, fields: [{ field: 'id', type: 'int64', optional: false }] };
const VALUE_SCHEMA = {
  type: 'struct',
  optional: false,
  name: 'bench.Value',
  fields: [
    { field: 'id', type: 'int64', optional: false },
    { field: 'name', type: 'string', optional: false },
    { field: 'qty', type: 'int64', optional: true },
    { field: 'price', type: 'double', optional: false },
    { field: 'at', type: 'int64', optional: false, name: 'org.apache.kafka.connect.data.Timestamp', version: 1 },
  ],
};
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64');

/** The MSK event for `data`, spread round-robin over PARTITIONS partitions of `topic`. */
export function mskEvent(topic: string, data: readonly Row[]): MskEvent {
  const records: Record<string, MskRecord[]> = {};
  data.forEach(([id, name, qty, price, at], i) => {
    const partition = i % PARTITIONS;
    const list = records[`${topic}-${partition}`] ?? [];
    records[`${topic}-${partition}`] = list;
    list.push({
      topic,
      partition,
      offset: list.length,
      timestamp: at,
      timestampType: 'CREATE_TIME',
      key: b64({ schema: KEY_SCHEMA, payload: { id } }),
      value: b64({ schema: VALUE_SCHEMA, payload: { id, name, qty, price, at } }),
      headers: [],
    });
  });
  return { eventSource: 'aws:kafka', eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/bench/x', bootstrapServers: 'b-1.bench:9098', records };
}

export interface SinkBench {
  /** Registers a JDBC sink pipeline writing `topic` into `table`; returns an invoker of the handler through its alias. */
  pipeline(name: string, topic: string, table: string, connection: { url: string; user: string }): Promise<(event: MskEvent) => Promise<PutResult>>;
  /** SDK commands the store has sent, by command name (clear it to count from now). */
  readonly calls: Map<string, number>;
  /** Bytes of CloudWatch embedded-metric-format log lines the handler printed (kept off the bench's output). */
  readonly emf: { bytes: number; lines: number };
  close(): Promise<void>;
}

/** `admissionTtlMs`: the handler's reuse of CONFIG/STATUS reads (lambdas/sink/env.ts); 0, the default here, reads them every invocation. */
export async function startSinkBench(options: { admissionTtlMs?: number } = {}): Promise<SinkBench> {
  const dynamo = await startDynaliteProcess();
  const client = dynamo.client;
  const calls = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => (args) => {
      calls.set(context.commandName ?? '?', (calls.get(context.commandName ?? '?') ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'benchCallCounter' },
  );
  const emf = { bytes: 0, lines: 0 };
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    if (!text.startsWith('{"_aws"')) return write(chunk, ...rest);
    emf.bytes += Buffer.byteLength(text);
    emf.lines++;
    return true;
  }) as typeof process.stdout.write;
  const store = new DynamoPipelineStore(client, await dynamo.newTable());
  const registry = builtinPlugins();
  const runtime: SinkRuntime = { store, registry, metrics: new EmfMetricsSink('sink'), clock: systemClock, logger: quiet, producer: () => undefined };
  const pipelines = new SinkPipelines(runtime);
  const handler = createSinkHandler(runtime, pipelines, 'lambda:sink', options.admissionTtlMs ?? 0);
  const service = new ConnectorService({ store, registry, clock: systemClock, workerId: 'bench' });
  return {
    calls,
    emf,
    pipeline: async (name, topic, table, connection) => {
      await service.createConnector(name, {
        'connector.class': 'JdbcSink',
        'connection.url': connection.url,
        'connection.user': connection.user,
        topics: topic,
        'table.name.format': table,
        'insert.mode': 'upsert',
        'pk.mode': 'record_key',
        'auto.create': 'true',
        'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'key.converter.schemas.enable': 'true',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter.schemas.enable': 'true',
      });
      if (pipelineOfPlainAlias(aliasForPipeline(name)) === undefined) await store.putAlias(aliasForPipeline(name), name);
      return (event) => handler(event, localContext('sluice-sink', `${FN}:${aliasForPipeline(name)}`));
    },
    close: async () => {
      await pipelines.close();
      await dynamo.stop();
      process.stdout.write = write;
    },
  };
}
