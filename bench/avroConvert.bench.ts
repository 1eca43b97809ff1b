// Avro decode + convert of a 10k-record batch (Confluent wire format, AvroConverter: per-batch prefetch against the
// embedded schema registry, then toConnectData per record) against the JSON-with-schema path (JsonConverter with
// schemas.enable=true) on the same records, in the same run. The Avro bytes are written by avsc itself with the
// Confluent header, not by Sluice. Goal: Avro ≥ 0.8× the JSON path's records/s. Run: npx tsx bench/run.ts avroConvert
import avro from 'avsc';
import { Decimal } from '../lambdas/connect-api/data/Decimal.js';
import { Schemas, decimalSchema, structSchema, timestampSchema } from '../lambdas/connect-api/data/Schema.js';
import { Struct } from '../lambdas/connect-api/data/Struct.js';
import { avroConverterPlugin } from '../lambdas/runtime/converters/AvroConverter.js';
import { jsonConverterPlugins } from '../lambdas/runtime/converters/JsonConverter.js';
import { startSchemaRegistry } from '../local/schemaRegistry/server.js';

const RECORDS = 10_000;
const ROUNDS = 7;
const TOPIC = 'bench-orders';

const ORDER = structSchema(
  [
    ['id', Schemas.INT64],
    ['name', Schemas.STRING],
    ['amount', decimalSchema(2)],
    ['created_at', timestampSchema()],
    ['active', Schemas.BOOLEAN],
    ['note', Schemas.OPTIONAL_STRING],
  ],
  { name: 'bench.Order' },
);
const ORDER_AVRO = {
  type: 'record',
  name: 'Order',
  namespace: 'bench',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'name', type: 'string' },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
    { name: 'created_at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'active', type: 'boolean' },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};

const registry = await startSchemaRegistry({ port: 0 });
try {
  const res = await fetch(`${registry.url}/subjects/${TOPIC}-value/versions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema: JSON.stringify(ORDER_AVRO) }),
  });
  const { id } = (await res.json()) as { id: number };

  // The same records both ways: JSON envelopes written by the JsonConverter, Avro written by avsc + Confluent's header.
  const json = jsonConverterPlugins.converter.create({ 'schemas.enable': 'true' }, false);
  const type = avro.Type.forSchema(ORDER_AVRO as avro.Schema);
  const jsonBytes: Uint8Array[] = [];
  const avroBytes: Uint8Array[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const amount = new Decimal(BigInt((i * 7919) % 10_000_000), 2);
    const created = 1_700_000_000_000 + i * 1000;
    const note = i % 3 === 0 ? null : `note ${i}`;
    jsonBytes.push(json.fromConnectData(TOPIC, [], ORDER, new Struct(ORDER, { id: i, name: `customer-${i}`, amount, created_at: new Date(created), active: i % 2 === 0, note }))!);
    const body = type.toBuffer({ id: i, name: `customer-${i}`, amount: Buffer.from(amount.toBytes()), created_at: created, active: i % 2 === 0, note });
    const header = Buffer.alloc(5);
    header.writeUInt32BE(id, 1);
    avroBytes.push(Buffer.concat([header, body]));
  }
  const jsonSize = jsonBytes.reduce((n, b) => n + b.length, 0) / RECORDS;
  const avroSize = avroBytes.reduce((n, b) => n + b.length, 0) / RECORDS;

  const avroConverter = avroConverterPlugin.create({ 'schema.registry.url': registry.url }, false);
  let sink = 0;
  const runJson = (): number => {
    const started = performance.now();
    for (const b of jsonBytes) sink += (json.toConnectData(TOPIC, [], b).value as Struct).get('id') as number;
    return performance.now() - started;
  };
  const runAvro = async (): Promise<number> => {
    const started = performance.now();
    await avroConverter.prefetch!(TOPIC, avroBytes);
    for (const b of avroBytes) sink += (avroConverter.toConnectData(TOPIC, [], b).value as Struct).get('id') as number;
    return performance.now() - started;
  };

  // Warm-up (JIT, and the one schema fetch a container makes), then interleaved measured rounds; medians compared.
  for (let i = 0; i < 3; i++) {
    runJson();
    await runAvro();
  }
  const runs = { json: [] as number[], avro: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    runs.json.push(runJson());
    runs.avro.push(await runAvro());
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const jsonMs = median(runs.json);
  const avroMs = median(runs.avro);
  const rate = (ms: number) => Math.round(RECORDS / (ms / 1000));
  const ratio = jsonMs / avroMs;
  console.log(`median of ${ROUNDS} interleaved rounds, ${RECORDS} records per batch (checksum ${sink})`);
  console.log(`JsonConverter schemas.enable=true (${jsonSize.toFixed(0)} B/record): ${rate(jsonMs)} records/s (${jsonMs.toFixed(1)} ms per batch)`);
  console.log(`AvroConverter, prefetch + decode (${avroSize.toFixed(0)} B/record): ${rate(avroMs)} records/s (${avroMs.toFixed(1)} ms per batch) → ${ratio.toFixed(2)}× the JSON path`);
  console.log(`goal: ≥ 0.80× (${ratio >= 0.8 ? 'met' : 'NOT met'})`);
} finally {
  await registry.stop();
}
