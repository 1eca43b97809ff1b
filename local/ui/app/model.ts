// What the console derives from the API's bodies: pure functions, no DOM (unit-tested under Node).
import type { ConnectorInfo, ConnectorStatus, InstanceState, MetricPoint, RuntimeInfo } from './types.js';

/** The state a pipeline is shown in: FAILED when its connector or any task failed, otherwise the connector's. */
export function pipelineState(status: ConnectorStatus | undefined): InstanceState | 'UNKNOWN' {
  if (!status) return 'UNKNOWN';
  if (status.connector.state === 'FAILED' || status.tasks.some((t) => t.state === 'FAILED')) return 'FAILED';
  return status.connector.state;
}

export interface PipelineError {
  /** "connector" or "task 0" */
  readonly where: string;
  readonly trace: string;
}

/** The connector's trace, else the first failed task's. */
export function lastError(status: ConnectorStatus | undefined): PipelineError | undefined {
  if (!status) return undefined;
  if (status.connector.trace) return { where: 'connector', trace: status.connector.trace };
  const task = status.tasks.find((t) => t.trace);
  return task?.trace ? { where: `task ${task.id}`, trace: task.trace } : undefined;
}

/** The first line of a trace: the error's message. */
export function headline(trace: string): string {
  return trace.split('\n', 1)[0]!.trim();
}

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Where a pipeline reads from and writes to, from its config: "topics → table" for a sink, "tables → topics" for a source. */
export function endpoints(info: ConnectorInfo | undefined): { from: string[]; to: string[] } {
  if (!info) return { from: [], to: [] };
  const c = info.config;
  if (info.type === 'source') {
    const from = c['query'] ? ['(query)'] : list(c['table.whitelist'] ?? c['table.include.list'] ?? c['tables']);
    const prefix = c['topic.prefix'] ?? '';
    return { from, to: c['query'] ? [prefix] : prefix ? [`${prefix}*`] : [] };
  }
  const from = c['topics.regex'] ? [`/${c['topics.regex']}/`] : list(c['topics']);
  const to = c['table.name.format'] ? [c['table.name.format']] : list(c['index'] ?? c['table']);
  return { from, to };
}

/** The metric a pipeline's records/s is read from: what it delivered (rows written, or records produced). */
export function throughputMetric(type: string): string {
  return type === 'source' ? 'RecordsProduced' : 'RecordsWritten';
}

/** A series of per-period sums as per-second rates, oldest first; empty when the runtime keeps no history. */
export function ratePoints(runtime: RuntimeInfo | undefined, metric: string): MetricPoint[] {
  const history = runtime?.metrics_history;
  const points = history?.series[metric];
  if (!history || !points || history.period_seconds <= 0) return [];
  return [...points].sort((a, b) => a[0] - b[0]).map(([t, v]) => [t, v / history.period_seconds]);
}

/** Whether a metric counts records or rows (a sum per period, shown per second) rather than a latency or a lag. */
export function isCount(metric: string): boolean {
  return /^(Records|Rows)/.test(metric);
}

/** A metric's history as charted: counts per second; latencies (ms) and lags (rows) as reported. */
export function chartPoints(runtime: RuntimeInfo | undefined, metric: string): { points: MetricPoint[]; unit: string } {
  if (isCount(metric)) return { points: ratePoints(runtime, metric), unit: '/s' };
  const points = [...(runtime?.metrics_history?.series[metric] ?? [])].sort((a, b) => a[0] - b[0]);
  return { points, unit: metric.endsWith('Latency') ? 'ms' : metric.endsWith('Lag') ? 'rows' : '' };
}

/** The latest records/s: the last period of the history, else the average over the metrics window. */
export function currentRate(runtime: RuntimeInfo | undefined, metric: string): number | undefined {
  const points = ratePoints(runtime, metric);
  if (points.length > 0) return points[points.length - 1]![1];
  const minutes = runtime?.metrics_window_minutes;
  if (!runtime?.metrics || !minutes) return undefined;
  return (runtime.metrics[metric] ?? 0) / (minutes * 60);
}

/** Records sent to the dead letter queue in the metrics window (undefined when the runtime reports no metrics). */
export function deadLettered(runtime: RuntimeInfo | undefined): number | undefined {
  if (!runtime?.metrics && !runtime?.metrics_history) return undefined;
  const sum = runtime.metrics?.['RecordsDeadLettered'];
  if (sum !== undefined) return sum;
  return (runtime.metrics_history?.series['RecordsDeadLettered'] ?? []).reduce((a, [, v]) => a + v, 0);
}

/** 0, 0.25, 3.5, 12, 1.2k, 3.4M */
export function formatNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e6) return `${(n / 1e6).toFixed(abs >= 1e7 ? 0 : 1)}M`;
  if (abs >= 1e3) return `${(n / 1e3).toFixed(abs >= 1e4 ? 0 : 1)}k`;
  if (abs >= 10 || Number.isInteger(n)) return String(Math.round(n));
  return n.toFixed(2).replace(/0$/, '');
}

export interface Route {
  readonly page: 'list' | 'pipeline' | 'edit' | 'new';
  readonly name?: string;
}

/** #/ → list, #/pipelines/NAME → pipeline, #/pipelines/NAME/edit → edit, #/new → new. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const name = parts[1] === undefined ? undefined : safeDecode(parts[1]);
  if (parts[0] === 'new') return { page: 'new' };
  if (parts[0] === 'pipelines' && name) return parts[2] === 'edit' ? { page: 'edit', name } : { page: 'pipeline', name };
  return { page: 'list' };
}

export function pipelineHref(name: string, edit = false): string {
  return `#/pipelines/${encodeURIComponent(name)}${edit ? '/edit' : ''}`;
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
