// The dead-letter context headers name the real error class and never carry a password.
import mysql from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { DeadLetterQueueReporter } from '../../../lambdas/runtime/errorhandling/DeadLetterQueueReporter.js';
import { DataError } from '../../../lambdas/connect-api/errors.js';
import type { ProducerRecord, RecordProducer } from '../../../lambdas/runtime/ports/RecordProducer.js';
import type { RawRecord } from '../../../lambdas/runtime/sink/mskEvent.js';
import { withPg } from '../../helpers/pg.js';

class RecordingProducer implements RecordProducer {
  readonly sent: ProducerRecord[] = [];
  async send(_topic: string, records: readonly ProducerRecord[]): Promise<void> {
    this.sent.push(...records);
  }
  async close(): Promise<void> {}
}

const raw: RawRecord = { topic: 'orders', partition: 0, offset: 7, timestamp: 1, timestampType: 'CREATE_TIME', key: null, value: new TextEncoder().encode('{}'), headers: [] };

async function headersFor(error: unknown): Promise<Record<string, string>> {
  const producer = new RecordingProducer();
  const reporter = new DeadLetterQueueReporter(producer, 'dlq', 'p', 0, true);
  reporter.report({ stage: 'TASK_PUT', className: 'org.apache.kafka.connect.sink.SinkTask', error: new DataError('write failed', { cause: error }), raw });
  await reporter.flush();
  return Object.fromEntries(producer.sent[0]!.headers.map((h) => [h.key, h.value === null ? '' : new TextDecoder().decode(h.value)]));
}

describe('__connect.errors.exception.class.name', () => {
  it("names PostgreSQL's error by class and SQLSTATE, not node-postgres' 'error'", async () => {
    // Prepare: a real rejection by the server (a NOT NULL violation in a temporary table)
    const error = await withPg(async (c) => {
      await c.query('CREATE TEMP TABLE dlq_probe (id int NOT NULL)');
      return c.query('INSERT INTO dlq_probe VALUES (NULL)').then(
        () => undefined,
        (e: unknown) => e,
      );
    });
    expect((error as Error).name).toBe('error');
    // Act
    const headers = await headersFor(error);
    // Assess
    expect(headers['__connect.errors.exception.class.name']).toBe('DatabaseError (SQLSTATE 23502)');
  });

  it("names a MySQL error by its code and SQLSTATE, not mysql2's plain 'Error'", async () => {
    const connection = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', database: 'test' });
    const error = await connection.query('SELECT * FROM dlq_probe_does_not_exist_x').then(
      () => undefined,
      (e: unknown) => e,
    );
    await connection.end();
    expect(await headersFor(error)).toMatchObject({ '__connect.errors.exception.class.name': 'ER_NO_SUCH_TABLE (SQLSTATE 42S02)' });
  });

  it('keeps our own error names', async () => {
    expect((await headersFor(new DataError('bad')))['__connect.errors.exception.class.name']).toBe('DataError');
  });
});

describe('dead-letter headers and secrets', () => {
  it('masks a password inside a URL in the exception message and stacktrace headers', async () => {
    const headers = await headersFor(new Error('could not connect to postgres://app:Canary7q3xZ@db:5432/x?sslpassword=Canary7q3xZ'));
    expect(JSON.stringify(headers)).not.toContain('Canary7q3xZ');
    expect(headers['__connect.errors.exception.stacktrace']).toContain('postgres://app:[hidden]@db:5432/x?sslpassword=[hidden]');
  });
});
