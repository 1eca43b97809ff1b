// connection.attempts / connection.backoff.ms and query.retry.attempts, as Confluent's source uses them
// (CachedConnectionProvider: "Maximum number of attempts to retrieve a valid JDBC connection", then the task fails;
// query.retry.attempts: "Number of times to retry SQL exceptions encountered when executing queries", -1 without
// limit), against the real servers' addresses and the real PostgreSQL.
import { describe, expect, it } from 'vitest';
import { MYSQL_URL, PG_URL, soon, useHarness, uniqueName } from './harness.js';

const h = useHarness();

function source(url: string, extra: Record<string, string>): Record<string, string> {
  return { 'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector', 'connection.url': url, mode: 'bulk', 'topic.prefix': `${uniqueName('ca')}-`, 'poll.interval.ms': '60000', ...extra };
}

describe('connection and query attempts', () => {
  it.each([
    ['PostgreSQL', PG_URL],
    ['MariaDB', MYSQL_URL],
  ])('%s: a refused connection fails the task after connection.attempts tries, connection.backoff.ms apart', async (_, url) => {
    // Prepare: nothing listens on port 1.
    const refused = url.replace(/:\d+\//, ':1/');
    const name = await h.createPipeline(source(refused, { 'table.whitelist': 't', 'connection.attempts': '2', 'connection.backoff.ms': '10' }));

    // Act
    const result = await (await h.task(name)).runInvocation(soon());

    // Assess
    expect(result.outcome).toBe('failed');
    expect(result.trace).toMatch(/Could not open a database connection after 2 attempts \(connection\.attempts=2\)/);
  });

  it('PostgreSQL: a query whose connection dies every time fails the task after query.retry.attempts retries', async () => {
    // Prepare: the query terminates its own backend (SQLSTATE 57P01, a transient error).
    const query = 'SELECT 1 AS id, pg_terminate_backend(pg_backend_pid()) AS gone';
    const name = await h.createPipeline(source(PG_URL, { query, 'query.retry.attempts': '1' }));

    // Act
    const result = await (await h.task(name)).runInvocation(soon());

    // Assess
    expect(result.outcome).toBe('failed');
    expect(result.trace).toMatch(/A query failed after 1 retry \(query\.retry\.attempts=1\)/);
  });
});
