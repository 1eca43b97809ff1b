// Not a benchmark (npm run bench does not run it): where the sink handler's time goes, per phase, for
// bench/sinkEndToEnd.bench.ts's event. Wall time per phase (store calls, WorkerSinkTask.put, conversion, the JDBC
// task's put, each database statement kind, the EMF flush), averaged over rounds 2..ROUNDS, then a CPU profile
// (or, with HEAP=1, an allocation sampling profile) of those rounds written to /tmp/sluice-profile/<db>.cpuprofile.
// Usage: DB=pg|my ROUNDS=6 node --max-semi-space-size=64 --import tsx bench/profileSinkHandler.ts (SQL=1 prints each statement).
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import mysql from 'mysql2/promise';
import { mskEvent, rows, startSinkBench } from './sinkHarness.js';
import { decodeMskEvent } from '../lambdas/runtime/sink/mskEvent.js';
import { WorkerSinkTask } from '../lambdas/runtime/sink/WorkerSinkTask.js';
import { JdbcSinkTask } from '../lambdas/connectors/jdbc/sink/JdbcSinkTask.js';
import { EmfMetricsSink } from '../lambdas/adapters/metrics/EmfMetricsSink.js';
import { DynamoPipelineStore } from '../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import { PgConnector } from '../lambdas/connectors/jdbc/drivers/PgConnector.js';
import { MySqlConnector } from '../lambdas/connectors/jdbc/drivers/MySqlConnector.js';

const phases = new Map<string, number>();
const add = (k: string, ms: number) => phases.set(k, (phases.get(k) ?? 0) + ms);
type Methods = Record<string, (...a: unknown[]) => unknown>;
function wrap(target: object, name: string, label: string) {
  const proto = target as Methods;
  const orig = proto[name]!;
  proto[name] = async function (this: unknown, ...a: unknown[]) {
    const t = performance.now();
    try {
      return await orig.apply(this, a);
    } finally {
      add(label, performance.now() - t);
    }
  };
}
for (const m of Object.getOwnPropertyNames(DynamoPipelineStore.prototype)) if (m !== 'constructor' && typeof (DynamoPipelineStore.prototype as unknown as Methods)[m] === 'function') wrap(DynamoPipelineStore.prototype, m, `store.${m}`);
wrap(WorkerSinkTask.prototype, 'put', 'WorkerSinkTask.put');
wrap(JdbcSinkTask.prototype, 'put', 'JdbcSinkTask.put');
wrap(EmfMetricsSink.prototype, 'flush', 'metrics.flush');
const workerProto = WorkerSinkTask.prototype as unknown as Methods;
const origPrep = workerProto['prepare']!;
workerProto['prepare'] = function (this: unknown, r: unknown) {
  const t = performance.now();
  try {
    return origPrep.call(this, r);
  } finally {
    add('convert (prepare)', performance.now() - t);
  }
};
for (const C of [PgConnector, MySqlConnector]) {
  const oc = C.prototype.connect;
  C.prototype.connect = async function (spec) {
    const connection = await oc.call(this, spec);
    const c = connection as unknown as Methods;
    for (const m of ['query', 'execute', 'load', 'begin', 'commit']) {
      const o = c[m]?.bind(c);
      if (o === undefined) continue;
      c[m] = async (...a: unknown[]) => {
        const t = performance.now();
        try {
          return await o(...a);
        } finally {
          add(`db.${m} ${String(a[0] ?? '').slice(0, 22)}`, performance.now() - t);
          if (process.env.SQL) console.log(m, String(a[0] ?? '').slice(0, 100));
        }
      };
    }
    return connection;
  };
}
const RECORDS = 10_000;
mkdirSync('/tmp/sluice-profile', { recursive: true });
const suffix = randomUUID().replaceAll('-', '').slice(0, 8);
const bench = await startSinkBench();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
const which = process.env.DB ?? 'pg';
const conn = which === 'pg' ? { url: 'jdbc:postgresql://127.0.0.1:5432/test', user: 'postgres' } : { url: 'jdbc:mariadb://127.0.0.1:3306/test', user: 'root' };
const table = `bench_profile_${suffix}`;
const invoke = await bench.pipeline(`bench-profile-${suffix}`, `bench-profile-${suffix}`, table, conn);
const N = Number(process.env.ROUNDS ?? 6);
for (let round = 0; round < N; round++) {
  const data = rows(RECORDS, round);
  const event = mskEvent(`bench-profile-${suffix}`, data);
  if (round === 1) { phases.clear(); if (process.env.HEAP) await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never); else await session.post('Profiler.start'); }
  const td = performance.now(); decodeMskEvent(event); const dec = performance.now() - td;
  const t0 = performance.now();
  await invoke(event);
  const total = performance.now() - t0;
  if (round >= 1) { add('TOTAL handler', total); add('(separate) decodeMskEvent', dec); }
  console.log(`round ${round}: ${total.toFixed(0)} ms`);
}
if (process.env.HEAP) { const { profile } = await session.post('HeapProfiler.stopSampling'); writeFileSync(`/tmp/sluice-profile/${which}.heapprofile`, JSON.stringify(profile)); } else {
const { profile } = await session.post('Profiler.stop');
writeFileSync(`/tmp/sluice-profile/${which}.cpuprofile`, JSON.stringify(profile)); }
for (const [k, v] of [...phases].sort((a, b) => b[1] - a[1])) console.log(`${k.padEnd(30)} ${(v / (N - 1)).toFixed(1)} ms/event`);
if (which === 'pg') { const c = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'test' }); await c.connect(); await c.query(`DROP TABLE IF EXISTS "${table}"`); await c.end(); }
else { const c = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: 'test' }); await c.query(`DROP TABLE IF EXISTS \`${table}\``); await c.end(); }
await bench.close();
