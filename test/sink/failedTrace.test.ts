// A task that fails on a database rejection says where: the FAILED trace names topic, partition and offset(s).
import { describe, expect, it } from 'vitest';
import { InMemoryMetricsSink } from '../../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import { errorTrace } from '../../lambdas/connect-api/errors.js';
import { builtinPlugins } from '../../lambdas/runtime/builtins/builtins.js';
import { systemClock } from '../../lambdas/runtime/ports/Clock.js';
import { createSinkTask } from '../../lambdas/runtime/sink/createSinkTask.js';
import type { RawRecord } from '../../lambdas/runtime/sink/mskEvent.js';
import { PG_URL, uniqueName, withPg } from '../helpers/pg.js';

const enc = (s: string) => new TextEncoder().encode(s);
const record = (offset: number, value: unknown): RawRecord => ({ topic: 'orders', partition: 2, offset, timestamp: 1, timestampType: 'CREATE_TIME', key: enc(String(offset)), value: enc(JSON.stringify(value)), headers: [] });

async function failedTrace(records: RawRecord[]): Promise<string> {
  const table = uniqueName('failed_trace');
  await withPg((c) => c.query(`CREATE TABLE ${table} (id int PRIMARY KEY, name text NOT NULL)`));
  const registry = builtinPlugins();
  const config = { name: 'p', 'connector.class': 'JdbcSink', 'connection.url': PG_URL, 'connection.user': 'postgres', topics: 'orders', table, 'insert.mode': 'insert', 'pk.mode': 'none', 'value.converter': 'org.apache.kafka.connect.json.JsonConverter', 'value.converter.schemas.enable': 'false', 'max.retries': '0' };
  const task = createSinkTask(config, { registry, metrics: new InMemoryMetricsSink(), clock: systemClock, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
  try {
    const error = await task.put(records, Date.now() + 60_000).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    return errorTrace(error);
  } finally {
    await task.close();
    await withPg((c) => c.query(`DROP TABLE ${table}`));
  }
}

describe('the FAILED trace of a database rejection (errors.tolerance=none)', () => {
  it('names the topic, partition and offset of the one record written alone', async () => {
    const trace = await failedTrace([record(41, { id: 1, name: null })]);
    expect(trace).toMatch(/Tolerance exceeded in error handler while handling topic 'orders' partition 2 offset 41/);
    expect(trace).toMatch(/null value in column "name"/);
  });

  it("names the topic, partition and offsets of the batch the database rejected", async () => {
    const trace = await failedTrace([record(10, { id: 1, name: 'a' }), record(11, { id: 2, name: null }), record(12, { id: 3, name: 'c' })]);
    expect(trace).toMatch(/while handling topic 'orders' partition 2 offsets 10 to 12/);
  });
});
