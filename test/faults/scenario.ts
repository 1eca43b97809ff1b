// What the fault scenarios share: a sink pipeline's config for the private PostgreSQL, producing keyed records,
// counting rows (all and distinct), reading the status, and watching the status for the whole of a scenario.
import { Kafka, logLevel } from 'kafkajs';
import type { PrivatePostgres } from './privatePostgres.js';
import { upsertSinkConfig } from '../helpers/upsertSinkConfig.js';

export const schema = { type: 'struct', optional: false, fields: [{ field: 'id', type: 'int64', optional: false }, { field: 'name', type: 'string', optional: true }] };
export const envelope = (id: number) => JSON.stringify({ schema, payload: { id, name: `name-${id}` } });

/** Upsert keyed by id: a redelivered record overwrites its row, so rows = distinct ids is what "no duplicate" means. */
export function upsertSink(db: PrivatePostgres, topic: string, table: string, extra: Record<string, string> = {}): Record<string, string> {
  const connection = { 'connection.url': db.jdbcUrl, 'connection.user': db.user, 'connection.password': db.password };
  return upsertSinkConfig(topic, table, connection, { 'sluice.esm.batch.size': '100', ...extra });
}

export async function produce(bootstrap: string, topic: string, ids: readonly number[]): Promise<void> {
  const producer = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  try {
    for (let i = 0; i < ids.length; i += 500) await producer.send({ topic, messages: ids.slice(i, i + 500).map((id) => ({ key: String(id), value: envelope(id) })) });
  } finally {
    await producer.disconnect();
  }
}

export const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

/** Rows and distinct ids in `table` ({0, 0} while the table does not exist or the database is down). */
export async function rows(db: PrivatePostgres, table: string): Promise<{ n: number; d: number }> {
  return db
    .query<{ n: number; d: number }>(`SELECT count(*)::int AS n, count(DISTINCT id)::int AS d FROM "${table}"`)
    .then((r) => r[0]!)
    .catch(() => ({ n: 0, d: 0 }));
}

export interface TaskView {
  state: string;
  trace?: string;
}

export async function taskOf(url: string, name: string): Promise<TaskView | undefined> {
  const res = await fetch(`${url}/connectors/${encodeURIComponent(name)}/status`);
  if (res.status !== 200) return undefined;
  return ((await res.json()) as { tasks: TaskView[] }).tasks[0];
}

export async function post(url: string, path: string, body?: unknown, method = 'POST'): Promise<Response> {
  return fetch(`${url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

/** Samples a pipeline's task status until stopped: what the status said, in order, without repeats. */
export function watchStatus(url: string, name: string): { stop(): Promise<TaskView[]> } {
  const seen: TaskView[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = await taskOf(url, name).catch(() => undefined);
      const last = seen[seen.length - 1];
      if (t && (last?.state !== t.state || last?.trace !== t.trace)) seen.push(t);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return seen;
    },
  };
}

/** A logger that keeps what it is told, for "logged once" assertions. */
export function recordingLogger(): { logger: { info(m: string): void; warn(m: string): void; error(m: string): void }; lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (m: string, f?: Record<string, unknown>) => void lines.push(`${level} ${m}${f ? ` ${JSON.stringify(f)}` : ''}`);
  return { logger: { info: keep('info'), warn: keep('warn'), error: keep('error') }, lines };
}
