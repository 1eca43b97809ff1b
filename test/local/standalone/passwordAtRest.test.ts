// Password-type config values are not stored in clear: the canary password sent in a connector config is absent from
// every raw item of the table (read from dynalite with the plain DynamoDB client, not through Sluice), in the
// password key and inside a connection.url, and yet the sink task connects with it: the target is an embedded
// PostgreSQL with password authentication, so rows arrive only if the task opened the sealed value.
import { randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedPg, startEmbeddedPostgres } from '../../../local/embeddedPostgres.js';
import { localDynamoClient } from '../../../local/localDynamo.js';
import { type StandaloneHandle, startStandalone } from '../../../local/standalone.js';
import { uniqueName } from '../../helpers/pg.js';
import { waitFor } from '../../helpers/waitFor.js';
import { upsertSinkConfig } from '../../helpers/upsertSinkConfig.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const CANARY = `canary-${randomBytes(9).toString('base64url')}`;
const ROLE = 'canary_writer';
let database: EmbeddedPg;
let sluice: StandaloneHandle;
let port: number;

/** A client of the embedded PostgreSQL as its superuser (user sluice, from startEmbeddedPostgres). */
async function asAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: database.url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  database = await startEmbeddedPostgres('sealed');
  port = Number(new URL(database.url).port);
  await asAdmin(async (c) => {
    await c.query(`CREATE ROLE ${ROLE} LOGIN PASSWORD '${CANARY}'`);
    await c.query(`GRANT ALL ON SCHEMA public TO ${ROLE}`);
  });
  sluice = await startStandalone({ restPort: 0, kafkaPort: 0, logger: quiet, pollIntervalMs: 200 });
}, 120_000);
afterAll(async () => {
  await sluice?.stop();
  await database?.stop();
});

const schema = { type: 'struct', optional: false, fields: [{ field: 'id', type: 'int64', optional: false }] };

async function produce(topic: string, ids: readonly number[]): Promise<void> {
  const producer = new Kafka({ brokers: [sluice.kafkaBootstrap], logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  await producer.send({ topic, messages: ids.map((id) => ({ key: String(id), value: JSON.stringify({ schema, payload: { id } }) })) });
  await producer.disconnect();
}

async function rawItems(): Promise<string> {
  const dynamo = localDynamoClient(sluice.dynamo.endpoint);
  const items = await dynamo.send(new ScanCommand({ TableName: sluice.dynamo.tableName, ConsistentRead: true }));
  dynamo.destroy();
  return JSON.stringify(items.Items ?? []);
}

const rows = (table: string) => asAdmin(async (c) => Number((await c.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n)).catch(() => 0);

describe('passwords at rest', () => {
  it('runs against a PostgreSQL that refuses a wrong password (so rows prove the task had the real one)', async () => {
    const wrong = new pg.Client({ host: '127.0.0.1', port, database: 'sealed', user: ROLE, password: 'not-the-canary' });
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
    await wrong.end().catch(() => undefined);
  });

  it('stores connection.password sealed, and the sink task connects with the real password', async () => {
    // Prepare
    const topic = uniqueName('sealed');
    const table = uniqueName('sealed_tbl');
    const config = upsertSinkConfig(topic, table, { 'connection.url': `jdbc:postgresql://127.0.0.1:${port}/sealed`, 'connection.user': ROLE, 'connection.password': CANARY });
    // Act
    const created = await fetch(`${sluice.url}/connectors`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: `sink-${topic}`, config }) });
    await produce(topic, [1, 2, 3]);
    // Assess
    expect(created.status).toBe(201);
    const stored = await rawItems();
    expect(stored).toContain(`sink-${topic}`);
    expect(stored).toContain('${sluice:sealed:');
    expect(stored).not.toContain(CANARY);
    await waitFor(async () => (await rows(table)) === 3, 60_000, () => `rows of ${table} did not reach 3 (did the task get the password?)`);
    expect(JSON.stringify(await (await fetch(`${sluice.url}/connectors/sink-${topic}/config`)).json())).not.toContain(CANARY);
  });

  it('stores the password inside a connection.url sealed in place, and the task connects with it', async () => {
    const topic = uniqueName('sealedurl');
    const table = uniqueName('sealedurl_tbl');
    const url = `jdbc:postgresql://127.0.0.1:${port}/sealed?user=${ROLE}&password=${CANARY}`;
    const created = await fetch(`${sluice.url}/connectors`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: `sink-${topic}`, config: upsertSinkConfig(topic, table, { 'connection.url': url }) }) });
    await produce(topic, [7, 8]);
    expect(created.status).toBe(201);
    const stored = await rawItems();
    expect(stored).toContain(`jdbc:postgresql://127.0.0.1:${port}/sealed?user=${ROLE}&password=\${sluice:sealed:`);
    expect(stored).not.toContain(CANARY);
    await waitFor(async () => (await rows(table)) === 2, 60_000, () => `rows of ${table} did not reach 2`);
  });
});
