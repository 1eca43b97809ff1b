// What the console derives from the API's bodies, and how the editor lines up validation errors with keys.
import { describe, expect, it } from 'vitest';
import { keyReports, parseConfig } from '../../../local/ui/app/configEdit.js';
import { chartPoints, currentRate, deadLettered, endpoints, formatNumber, headline, lastError, parseRoute, pipelineState, ratePoints, throughputMetric } from '../../../local/ui/app/model.js';
import type { ConfigInfos, ConnectorStatus, RuntimeInfo } from '../../../local/ui/app/types.js';

const status = (connector: string, ...tasks: Array<{ state: string; trace?: string }>): ConnectorStatus =>
  ({ name: 'p', type: 'sink', connector: { state: connector, worker_id: 'w' }, tasks: tasks.map((t, id) => ({ id, worker_id: 'w', ...t })) }) as ConnectorStatus;

describe('pipeline state and error', () => {
  it('shows FAILED when a task failed under a RUNNING connector, and that task’s trace', () => {
    const s = status('RUNNING', { state: 'RUNNING' }, { state: 'FAILED', trace: 'ConnectionError: no db\n    at x' });
    expect(pipelineState(s)).toBe('FAILED');
    expect(lastError(s)).toEqual({ where: 'task 1', trace: 'ConnectionError: no db\n    at x' });
    expect(headline(lastError(s)!.trace)).toBe('ConnectionError: no db');
  });

  it('shows the connector’s state otherwise, and no error', () => {
    expect(pipelineState(status('PAUSED', { state: 'PAUSED' }))).toBe('PAUSED');
    expect(lastError(status('RUNNING', { state: 'RUNNING' }))).toBeUndefined();
    expect(pipelineState(undefined)).toBe('UNKNOWN');
  });
});

describe('throughput', () => {
  const history: RuntimeInfo = {
    metrics: { RecordsWritten: 300, RecordsDeadLettered: 4 },
    metrics_window_minutes: 5,
    metrics_history: { period_seconds: 60, series: { RecordsWritten: [[120_000, 60], [60_000, 120]] } },
  };

  it('turns per-period sums into records/s, oldest first, and reads the latest period', () => {
    expect(ratePoints(history, 'RecordsWritten')).toEqual([[60_000, 2], [120_000, 1]]);
    expect(currentRate(history, 'RecordsWritten')).toBe(1);
  });

  it('falls back to the window average without a history, and to nothing without metrics', () => {
    const sums: RuntimeInfo = { metrics: { RecordsWritten: 300 }, metrics_window_minutes: 5 };
    expect(ratePoints(sums, 'RecordsWritten')).toEqual([]);
    expect(currentRate(sums, 'RecordsWritten')).toBe(1);
    expect(currentRate({ metrics: {}, metrics_window_minutes: 5 }, 'RecordsWritten')).toBe(0);
    expect(currentRate(undefined, 'RecordsWritten')).toBeUndefined();
  });

  it('charts counts per second, and latencies and lags as reported', () => {
    const runtime: RuntimeInfo = { metrics_history: { period_seconds: 60, series: { RowsPolled: [[0, 120]], BatchLatency: [[0, 35]], RowLag: [[0, 7]] } } };
    expect(chartPoints(runtime, 'RowsPolled')).toEqual({ points: [[0, 2]], unit: '/s' });
    expect(chartPoints(runtime, 'BatchLatency')).toEqual({ points: [[0, 35]], unit: 'ms' });
    expect(chartPoints(runtime, 'RowLag')).toEqual({ points: [[0, 7]], unit: 'rows' });
  });

  it('reads what a sink wrote and what a source produced', () => {
    expect(throughputMetric('sink')).toBe('RecordsWritten');
    expect(throughputMetric('source')).toBe('RecordsProduced');
  });

  it('counts dead-lettered records from the window sums, else from the history', () => {
    expect(deadLettered(history)).toBe(4);
    expect(deadLettered({ metrics_history: { period_seconds: 60, series: { RecordsDeadLettered: [[0, 2], [60_000, 3]] } } })).toBe(5);
    expect(deadLettered({})).toBeUndefined();
  });

  it('formats numbers compactly', () => {
    expect([0, 0.25, 3.5, 12.4, 1234, 56_789, 3_400_000].map(formatNumber)).toEqual(['0', '0.25', '3.5', '12', '1.2k', '57k', '3.4M']);
  });
});

describe('endpoints', () => {
  it('names a sink’s topics and table, and a source’s tables and topic prefix', () => {
    expect(endpoints({ name: 's', type: 'sink', tasks: [], config: { topics: 'a, b', 'table.name.format': 'kafka_${topic}' } })).toEqual({ from: ['a', 'b'], to: ['kafka_${topic}'] });
    expect(endpoints({ name: 's', type: 'source', tasks: [], config: { 'table.whitelist': 'orders,users', 'topic.prefix': 'pg-' } })).toEqual({ from: ['orders', 'users'], to: ['pg-*'] });
    expect(endpoints({ name: 's', type: 'source', tasks: [], config: { query: 'SELECT 1', 'topic.prefix': 'q' } })).toEqual({ from: ['(query)'], to: ['q'] });
  });
});

describe('routes', () => {
  it('maps the hash to a page, with the pipeline name decoded', () => {
    expect(parseRoute('')).toEqual({ page: 'list' });
    expect(parseRoute('#/pipelines/a%2Fb')).toEqual({ page: 'pipeline', name: 'a/b' });
    expect(parseRoute('#/pipelines/x/edit')).toEqual({ page: 'edit', name: 'x' });
    expect(parseRoute('#/new')).toEqual({ page: 'new' });
    expect(parseRoute('#/pipelines/%E0%A4%A')).toEqual({ page: 'list' });
  });
});

describe('the editor', () => {
  it('accepts an object of strings, numbers and booleans, and names what it refuses', () => {
    expect(parseConfig('{"a":"x","b":2,"c":true}')).toEqual({ ok: true, config: { a: 'x', b: '2', c: 'true' } });
    expect(parseConfig('[1]')).toEqual({ ok: false, error: 'The config must be a JSON object of keys and values.' });
    expect(parseConfig('{"a":{}}')).toEqual({ ok: false, error: 'The value of "a" must be a string.' });
    expect(parseConfig('{').ok).toBe(false);
  });

  it('puts each error beside its key, and adds the keys with errors that the config left out', () => {
    const infos: ConfigInfos = {
      name: 'JdbcSinkConnector',
      error_count: 2,
      groups: [],
      configs: [
        { definition: null, value: { name: 'insert.mode', value: 'sideways', recommended_values: [], errors: ['bad insert.mode'], visible: true } },
        { definition: null, value: { name: 'connection.url', value: null, recommended_values: [], errors: ['Missing required configuration'], visible: true } },
        { definition: null, value: { name: 'batch.size', value: '3000', recommended_values: [], errors: [], visible: true } },
      ],
    };
    expect(keyReports({ topics: 't', 'insert.mode': 'sideways' }, infos)).toEqual([
      { key: 'topics', value: 't', errors: [] },
      { key: 'insert.mode', value: 'sideways', errors: ['bad insert.mode'] },
      { key: 'connection.url', value: undefined, errors: ['Missing required configuration'] },
    ]);
  });
});
