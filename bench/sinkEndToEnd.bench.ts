// Sink end to end: a 10,000-record MSK event (base64 JSON with JsonConverter's schema envelope, key {id} and value
// {id, name, qty, price, at}, 3 partitions, as the event source mapping delivers it) through the real sink handler
// (alias → pipeline from the store on dynalite, task gate, decode, JsonConverter, JDBC writer, status, EMF metrics)
// into PostgreSQL and into MariaDB, insert.mode=upsert, pk.mode=record_key (bench/sinkHarness.ts).
// Baseline, in the same run: the same rows already parsed (plain JS values), written by a hand-written multi-row
// upsert (INSERT … ON CONFLICT DO UPDATE with pg, INSERT … ON DUPLICATE KEY UPDATE with mysql2) in statements of
// 1,000 rows, in one transaction, no validation, no Connect values, no store calls.
// Each side runs ROUNDS rounds interleaved with new values (every round updates every row), which side goes first
// alternating from round to round; the first round (table creation, connection, V8 warm-up) is not counted. The
// ratio is the median baseline time / the median handler time over the counted rounds (the machine is shared: a
// median ignores the rounds another process slowed down), printed with the range of the per-round ratios.
// Goal: ≥ 0.8× the baseline on each database.
// The bench runs under the V8 flags the sink function is deployed with (bench/asDeployed.ts: it re-executes itself).
import { randomUUID } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { DEPLOYED_FLAGS, runAsDeployed, runsAsDeployed } from './asDeployed.js';
import { mskEvent, type Row, rows, startSinkBench } from './sinkHarness.js';

if (!runsAsDeployed()) process.exit(runAsDeployed(fileURLToPath(import.meta.url)));
console.log(`V8 flags as deployed: ${DEPLOYED_FLAGS.join(' ')}`);

const RECORDS = 10_000;
const PER_STATEMENT = 1_000;
const ROUNDS = 9;
const GOAL = 0.8;
const suffix = randomUUID().replaceAll('-', '').slice(0, 8);

interface Database {
  readonly label: string;
  readonly connection: { url: string; user: string };
  /** Creates the baseline's table; returns a writer of one batch of rows (one transaction) and a closer. */
  baseline(table: string): Promise<{ write(data: readonly Row[]): Promise<void>; rowsOf(table: string, round: number): Promise<number>; drop(tables: string[]): Promise<void> }>;
}

const postgres: Database = {
  label: 'PostgreSQL',
  connection: { url: 'jdbc:postgresql://127.0.0.1:5432/test', user: 'postgres' },
  baseline: async (table) => {
    const client = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
    await client.connect();
    await client.query(`CREATE TABLE "${table}" (id BIGINT PRIMARY KEY, name TEXT NOT NULL, qty BIGINT, price DOUBLE PRECISION NOT NULL, "at" TIMESTAMP NOT NULL)`);
    return {
      write: async (data) => {
        await client.query('BEGIN');
        for (let from = 0; from < data.length; from += PER_STATEMENT) {
          const params: unknown[] = [];
          const groups: string[] = [];
          for (const [id, name, qty, price, at] of data.slice(from, from + PER_STATEMENT)) {
            const n = params.length;
            groups.push(`($${n + 1},$${n + 2},$${n + 3},$${n + 4},$${n + 5})`);
            params.push(id, name, qty, price, new Date(at));
          }
          await client.query(`INSERT INTO "${table}" (id,name,qty,price,"at") VALUES ${groups.join(',')} ON CONFLICT (id) DO UPDATE SET name=EXCLUDED.name,qty=EXCLUDED.qty,price=EXCLUDED.price,"at"=EXCLUDED."at"`, params);
        }
        await client.query('COMMIT');
      },
      rowsOf: async (t, round) => Number((await client.query(`SELECT count(*) AS n FROM "${t}" WHERE name LIKE $1`, [`% r${round}`])).rows[0].n),
      drop: async (tables) => {
        for (const t of tables) await client.query(`DROP TABLE IF EXISTS "${t}"`);
        await client.end();
      },
    };
  },
};

const mariadb: Database = {
  label: 'MariaDB',
  connection: { url: 'jdbc:mariadb://127.0.0.1:3306/test', user: 'root' },
  baseline: async (table) => {
    const client = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', database: 'test' });
    await client.query(`CREATE TABLE \`${table}\` (id BIGINT PRIMARY KEY, name TEXT NOT NULL, qty BIGINT, price DOUBLE NOT NULL, \`at\` DATETIME(3) NOT NULL)`);
    return {
      write: async (data) => {
        await client.beginTransaction();
        for (let from = 0; from < data.length; from += PER_STATEMENT) {
          const chunk = data.slice(from, from + PER_STATEMENT);
          const params = chunk.flatMap(([id, name, qty, price, at]) => [id, name, qty, price, new Date(at)]);
          await client.query(
            `INSERT INTO \`${table}\` (id,name,qty,price,\`at\`) VALUES ${chunk.map(() => '(?,?,?,?,?)').join(',')} ON DUPLICATE KEY UPDATE name=VALUES(name),qty=VALUES(qty),price=VALUES(price),\`at\`=VALUES(\`at\`)`,
            params,
          );
        }
        await client.commit();
      },
      rowsOf: async (t, round) => {
        const [found] = await client.query(`SELECT count(*) AS n FROM \`${t}\` WHERE name LIKE ?`, [`% r${round}`]);
        return Number((found as Array<{ n: number }>)[0]?.n);
      },
      drop: async (tables) => {
        for (const t of tables) await client.query(`DROP TABLE IF EXISTS \`${t}\``);
        await client.end();
      },
    };
  },
};

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const cpuSeconds = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};
const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const bench = await startSinkBench();
try {
  console.log(`${RECORDS} records per MSK event, 3 partitions, JSON with schema envelope; baseline: multi-row upsert of ${PER_STATEMENT} rows per statement, one transaction`);
  for (const db of [postgres, mariadb]) {
    const sinkTable = `bench_e2e_sink_${suffix}`;
    const baseTable = `bench_e2e_base_${suffix}`;
    const invoke = await bench.pipeline(`bench-e2e-${db.label.toLowerCase()}-${suffix}`, `bench-e2e-${suffix}`, sinkTable, db.connection);
    const base = await db.baseline(baseTable);
    try {
      const handlerTimes: number[] = [];
      const baseTimes: number[] = [];
      const handlerCpu: number[] = [];
      const baseCpu: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const data = rows(RECORDS, round);
        const event = mskEvent(`bench-e2e-${suffix}`, data);
        const runHandler = async () => {
          const c0 = process.cpuUsage();
          const t0 = process.hrtime.bigint();
          const result = await invoke(event);
          const h = seconds(t0);
          hc = cpuSeconds(c0);
          if (result.written !== RECORDS) throw new Error(`the handler wrote ${result.written} of ${RECORDS} records`);
          return h;
        };
        const runBaseline = async () => {
          const c1 = process.cpuUsage();
          const t1 = process.hrtime.bigint();
          await base.write(data);
          const b = seconds(t1);
          bc = cpuSeconds(c1);
          return b;
        };
        let h: number;
        let b: number;
        let hc = 0;
        let bc = 0;
        if (round % 2 === 0) {
          h = await runHandler();
          b = await runBaseline();
        } else {
          b = await runBaseline();
          h = await runHandler();
        }
        if (round > 0) {
          handlerTimes.push(h);
          baseTimes.push(b);
          handlerCpu.push(hc);
          baseCpu.push(bc);
        }
      }
      // Both tables hold every row, with the last round's values.
      for (const t of [sinkTable, baseTable]) {
        const n = await base.rowsOf(t, ROUNDS - 1);
        if (n !== RECORDS) throw new Error(`${db.label}: ${t} holds ${n} rows of the last round, not ${RECORDS}`);
      }
      const handler = median(handlerTimes);
      const baseline = median(baseTimes);
      const ratio = baseline / handler;
      const perRound = baseTimes.map((b, i) => b / handlerTimes[i]!).sort((x, y) => x - y);
      const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
      const rate = (s: number) => Math.round(RECORDS / s).toLocaleString('en-US');
      console.log(`${db.label}: sink handler median ${ms(handler)} per event (${rate(handler)} records/s, rounds ${ms(Math.min(...handlerTimes))}–${ms(Math.max(...handlerTimes))}); baseline median ${ms(baseline)} (${rate(baseline)} records/s, rounds ${ms(Math.min(...baseTimes))}–${ms(Math.max(...baseTimes))})`);
      console.log(`${db.label}: CPU of this process (median): handler ${ms(median(handlerCpu))} per event, baseline ${ms(median(baseCpu))} (the databases and the store's process not counted)`);
      console.log(`${db.label}: handler / baseline throughput = ${ratio.toFixed(2)}x (medians of ${ROUNDS - 1} rounds; per-round ratios ${perRound[0]!.toFixed(2)}–${perRound.at(-1)!.toFixed(2)}); goal >= ${GOAL}x: ${ratio >= GOAL ? 'met' : 'NOT MET'}`);
    } finally {
      await base.drop([sinkTable, baseTable]);
    }
  }
} finally {
  await bench.close();
}
