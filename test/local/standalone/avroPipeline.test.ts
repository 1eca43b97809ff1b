// Standalone mode with Avro, against clients no one here wrote: records a standard producer wrote
// (@kafkajs/confluent-schema-registry against the embedded registry, kafkajs to the embedded broker) land in
// PostgreSQL with typed columns; a source pipeline's Avro output decodes with that same library.
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandaloneHandle, startStandalone } from '../../../local/standalone.js';
import { PG_URL, uniqueName, withPg } from '../../helpers/pg.js';
import { upsertSinkConfig } from '../../helpers/upsertSinkConfig.js';
import { waitFor } from '../../helpers/waitFor.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let sluice: StandaloneHandle;
let kafka: Kafka;
let registry: SchemaRegistry;
const tables: string[] = [];

beforeAll(async () => {
  sluice = await startStandalone({ restPort: 0, kafkaPort: 0, schemaRegistryPort: 0, logger: quiet, pollIntervalMs: 200 });
  kafka = new Kafka({ brokers: [sluice.kafkaBootstrap], logLevel: logLevel.NOTHING });
  registry = new SchemaRegistry({ host: sluice.schemaRegistryUrl!, retry: { retries: 0 } });
});
afterAll(async () => {
  await sluice.stop();
  await withPg(async (c) => {
    for (const t of tables) await c.query(`DROP TABLE IF EXISTS "${t}"`);
  });
});

const avroConverter = () => ({ 'value.converter': 'io.confluent.connect.avro.AvroConverter', 'value.converter.schema.registry.url': sluice.schemaRegistryUrl! });

const INVOICE = {
  type: 'record',
  name: 'Invoice',
  namespace: 'p16cf.e2e',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
    { name: 'issued_at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'due', type: { type: 'int', logicalType: 'date' } },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};

describe('standalone Avro sink pipeline', () => {
  it('writes Avro records a standard producer wrote into numeric, timestamp and date columns', async () => {
    // Prepare: the producer registers its schema and encodes with its own client
    const topic = uniqueName('p16cf_invoices');
    const table = uniqueName('p16cf_invoices_tbl');
    tables.push(table);
    const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(INVOICE) }, { subject: `${topic}-value` });
    const values = await Promise.all([
      registry.encode(id, { id: 1, amount: Buffer.from([0x30, 0x39]), issued_at: Date.UTC(2024, 4, 1, 12, 30), due: 19_875, note: 'first' }),
      registry.encode(id, { id: 2, amount: Buffer.from([0xff, 0x38]), issued_at: Date.UTC(2024, 4, 2), due: 19_876, note: null }),
    ]);
    // Act
    const created = await fetch(`${sluice.url}/connectors`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `sink-${topic}`, config: upsertSinkConfig(topic, table, undefined, avroConverter()) }),
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: values.map((value, i) => ({ key: String(i + 1), value })) });
    await producer.disconnect();
    // Assess
    expect(created.status).toBe(201);
    await waitFor(async () => (await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "${table}"`))).rows[0].n === 2, 60_000, `rows of ${table} did not reach 2`);
    const columns = await withPg(async (c) => (await c.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [table])).rows);
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'bigint' },
      { column_name: 'amount', data_type: 'numeric' },
      { column_name: 'issued_at', data_type: 'timestamp without time zone' },
      { column_name: 'due', data_type: 'date' },
      { column_name: 'note', data_type: 'text' },
    ]);
    const rows = await withPg(async (c) => (await c.query(`SELECT id::int, amount::text, to_char(issued_at, 'YYYY-MM-DD HH24:MI') AS issued, due::text, note FROM "${table}" ORDER BY id`)).rows);
    expect(rows).toEqual([
      { id: 1, amount: '123.45', issued: '2024-05-01 12:30', due: '2024-06-01', note: 'first' },
      { id: 2, amount: '-2.00', issued: '2024-05-02 00:00', due: '2024-06-02', note: null },
    ]);
  }, 90_000);
});

describe('standalone Avro source pipeline', () => {
  it('registers its schema and produces Avro that @kafkajs/confluent-schema-registry decodes', async () => {
    // Prepare
    const table = uniqueName('p16cf_src');
    tables.push(table);
    await withPg(async (c) => {
      await c.query(`CREATE TABLE "${table}" (id SERIAL PRIMARY KEY, price NUMERIC(10,2) NOT NULL, seen TIMESTAMP NOT NULL, day DATE)`);
      await c.query(`INSERT INTO "${table}" (price, seen, day) VALUES (12.50, '2024-03-04 05:06:07', '2024-03-04'), (-0.99, '2024-03-05 00:00:00', NULL)`);
    });
    const decoded: unknown[] = [];
    const consumer = kafka.consumer({ groupId: uniqueName('p16cf_reader') });
    await consumer.connect();
    await consumer.subscribe({ topic: `avro-${table}`, fromBeginning: true });
    const reader = new SchemaRegistry({ host: sluice.schemaRegistryUrl! });
    await consumer.run({ eachMessage: async ({ message }) => void decoded.push(await reader.decode(message.value!)) });
    // Act
    const created = await fetch(`${sluice.url}/connectors`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: `src-${table}`,
        config: { 'connector.class': 'JdbcSource', 'connection.url': `${PG_URL}?user=postgres`, mode: 'incrementing', 'incrementing.column.name': 'id', 'table.whitelist': table, 'topic.prefix': 'avro-', 'poll.interval.ms': '200', ...avroConverter() },
      }),
    });
    await waitFor(async () => decoded.length >= 2, 60_000, () => `only ${decoded.length} of 2 records decoded`);
    await consumer.disconnect();
    // Assess
    expect(created.status).toBe(201);
    const subjectId = await registry.getLatestSchemaId(`avro-${table}-value`);
    expect(subjectId).toBeGreaterThan(0);
    expect(decoded).toEqual([
      { id: 1, price: Buffer.from([0x04, 0xe2]), seen: Date.UTC(2024, 2, 4, 5, 6, 7), day: 19_786 },
      { id: 2, price: Buffer.from([0x9d]), seen: Date.UTC(2024, 2, 5), day: null },
    ]);
  }, 90_000);
});
