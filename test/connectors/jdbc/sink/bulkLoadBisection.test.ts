// A record the database refuses among 10,000 written through the bulk path: the real SinkTask bisects the batch
// (bulk loads for the large slices, multi-row statements below bulk.load.threshold or after a refused load), dead-letters that one record
// through the embedded broker and writes all the others, on PostgreSQL and on MariaDB.
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryMetricsSink } from '../../../../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import { KafkaRecordProducer } from '../../../../lambdas/adapters/kafka/KafkaRecordProducer.js';
import { MySqlConnector } from '../../../../lambdas/connectors/jdbc/drivers/MySqlConnector.js';
import { PgConnector } from '../../../../lambdas/connectors/jdbc/drivers/PgConnector.js';
import { builtinPlugins } from '../../../../lambdas/runtime/builtins/builtins.js';
import type { SqlConnector } from '../../../../lambdas/connectors/jdbc/drivers/SqlConnection.js';
import { createSinkTask } from '../../../../lambdas/runtime/sink/createSinkTask.js';
import { JdbcSinkTask } from '../../../../lambdas/connectors/jdbc/sink/JdbcSinkTask.js';
import { parseJdbcSinkConfig } from '../../../../lambdas/connectors/jdbc/sink/JdbcSinkConfig.js';
import type { RawRecord } from '../../../../lambdas/runtime/sink/mskEvent.js';
import { type BrokerHandle, startBroker } from '../../../../local/broker/index.js';
import { FakeClock } from '../../../helpers/fakeClock.js';
import { recording, uniqueTable } from './fixtures.js';

const RECORDS = 10_000;
const BAD = 7_777;

let broker: BrokerHandle;
let kafka: Kafka;
let producer: KafkaRecordProducer;
beforeAll(async () => {
  broker = await startBroker({ port: 0 });
  kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  producer = new KafkaRecordProducer(kafka);
});
afterAll(async () => {
  await producer.close();
  await broker.stop();
});

const enc = (s: string) => new TextEncoder().encode(s);

async function deadLetterOffsets(topic: string): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: `reader-${topic}` });
  const offsets: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no dead letter arrived on ${topic}`)), 20_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        offsets.push(String(message.headers?.['__connect.errors.offset']));
        clearTimeout(timer);
        resolve();
      },
    });
  });
  await consumer.disconnect();
  return offsets;
}

// PostgreSQL with bulk.load.mode=auto (COPY from 1,000 rows), MariaDB with always (auto keeps MySQL on multi-row).
const databases: Array<{ label: string; url: string; connector: SqlConnector; quote: (t: string) => string; mode: string }> = [
  { label: 'PostgreSQL', url: 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres', connector: new PgConnector(), quote: (t) => `"${t}"`, mode: 'auto' },
  { label: 'MariaDB', url: 'jdbc:mariadb://127.0.0.1:3306/test?user=root', connector: new MySqlConnector(), quote: (t) => `\`${t}\``, mode: 'always' },
];

describe.each(databases)('bulk path bisection on $label', (db) => {
  it(`finds the one refused record among ${RECORDS}, dead-letters it and writes the others`, async () => {
    // Prepare: a table whose CHECK refuses one record's name; 10k schemaless JSON records, one of them 'poison'.
    const table = uniqueTable('bulk_bisect');
    const dlq = `dlq-${table}`;
    const props = {
      name: 'bulk-bisect',
      'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
      'connection.url': db.url,
      topics: table,
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
      'insert.mode': 'upsert',
      'pk.mode': 'record_value',
      'pk.fields': 'id',
      'bulk.load.mode': db.mode,
      'bulk.load.threshold': '1000',
      'errors.tolerance': 'all',
      'errors.deadletterqueue.topic.name': dlq,
      'errors.deadletterqueue.context.headers.enable': 'true',
    };
    const spy = recording(db.connector);
    const writer = new JdbcSinkTask(parseJdbcSinkConfig(props), spy.connector);
    const admin = await db.connector.connect(parseJdbcSinkConfig(props).connection);
    await admin.execute(`CREATE TABLE ${db.quote(table)} (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL CHECK (name <> 'poison'))`, []);
    const clock = new FakeClock();
    const task = createSinkTask(props, { registry: builtinPlugins(), createTask: () => writer, metrics: new InMemoryMetricsSink(), clock, logger: { info: () => undefined, warn: () => undefined, error: () => undefined }, producer });
    const raws: RawRecord[] = Array.from({ length: RECORDS }, (_, i) => ({
      topic: table,
      partition: 0,
      offset: i,
      timestamp: 1_700_000_000_000,
      timestampType: 'CREATE_TIME',
      key: enc(`k${i}`),
      value: enc(JSON.stringify({ id: i, name: i === BAD ? 'poison' : `name ${i}` })),
      headers: [],
    }));
    try {
      // Act
      const result = await task.put(raws, clock.now() + 600_000);

      // Assess
      expect(result).toMatchObject({ received: RECORDS, written: RECORDS - 1, failed: 1 });
      expect(await deadLetterOffsets(dlq)).toEqual([String(BAD)]);
      const [count] = await admin.query(`SELECT COUNT(*) AS n, SUM(CASE WHEN id = ${BAD} THEN 1 ELSE 0 END) AS bad FROM ${db.quote(table)}`, []);
      expect(Number(count!['n'])).toBe(RECORDS - 1);
      expect(Number(count!['bad'])).toBe(0);
      // The large slices went through the bulk path, the small ones through multi-row statements.
      expect(spy.calls.filter((c) => c.method === 'load').length).toBeGreaterThan(3);
      expect(spy.calls.some((c) => c.method === 'execute' && /^INSERT INTO .* VALUES/.test(c.sql ?? ''))).toBe(true);
    } finally {
      await task.close();
      await admin.execute(`DROP TABLE IF EXISTS ${db.quote(table)}`, []);
      await admin.close();
    }
  });
});
