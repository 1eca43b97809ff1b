// Every pipeline at a glance: state, type, topics and tables, records/s, dead-lettered records and the last error.
import { api, seg } from './api.js';
import { Sparkline } from './charts.js';
import { currentRate, deadLettered, endpoints, formatNumber, lastError, pipelineHref, pipelineState, ratePoints, throughputMetric } from './model.js';
import { StateBadge } from './StateBadge.js';
import { TraceDetails } from './TraceDetails.js';
import type { ConnectorInfo, ConnectorStatus, ExpandedConnectors } from './types.js';
import { usePoll } from './usePoll.js';

interface Row {
  readonly name: string;
  readonly info: ConnectorInfo | undefined;
  readonly status: ConnectorStatus | undefined;
}

/** The expanded list, then each pipeline's own status, which carries the `runtime` block (metrics and their history). */
async function loadRows(): Promise<Row[]> {
  const expanded = await api<ExpandedConnectors>('GET', '/connectors?expand=status&expand=info');
  return Promise.all(
    Object.keys(expanded)
      .sort()
      .map(async (name) => {
        const status = await api<ConnectorStatus>('GET', `/connectors/${seg(name)}/status`).catch(() => expanded[name]?.status);
        return { name, info: expanded[name]?.info, status };
      }),
  );
}

export function PipelineList() {
  const { data, error } = usePoll(loadRows, 5_000, 'list');
  return (
    <section>
      <div class="page-head">
        <h1>Pipelines</h1>
        <a class="button primary" href="#/new">
          New pipeline
        </a>
      </div>
      {error ? <p class="error-text" role="alert">{`Could not load the pipelines: ${error}`}</p> : null}
      {data === undefined ? (
        <p class="muted">Loading…</p>
      ) : data.length === 0 ? (
        <p class="muted">No pipelines yet. Create one with “New pipeline”, or PUT its config to /connectors/NAME/config.</p>
      ) : (
        <table class="pipelines">
          <thead>
            <tr>
              <th>Name</th>
              <th>State</th>
              <th>Type</th>
              <th>From → to</th>
              <th>Records/s</th>
              <th>DLQ</th>
              <th>Last error</th>
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <PipelineRow key={row.name} row={row} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PipelineRow({ row }: { row: Row }) {
  const state = pipelineState(row.status);
  const runtime = row.status?.runtime;
  const type = row.info?.type ?? row.status?.type ?? 'unknown';
  const metric = throughputMetric(type);
  const rate = currentRate(runtime, metric);
  const dlq = deadLettered(runtime);
  const ends = endpoints(row.info);
  const error = lastError(row.status);
  return (
    <tr data-pipeline={row.name} data-state={state}>
      <td>
        <a href={pipelineHref(row.name)}>{row.name}</a>
      </td>
      <td>
        <StateBadge state={state} />
      </td>
      <td>{type}</td>
      <td class="endpoints">
        {ends.from.join(', ') || '—'} → {ends.to.join(', ') || '—'}
      </td>
      <td class="rate">
        <Sparkline points={ratePoints(runtime, metric)} label={`${metric} per second`} />
        <span>{rate === undefined ? '—' : formatNumber(rate)}</span>
      </td>
      <td class={dlq ? 'warn-text' : ''}>{dlq === undefined ? '—' : formatNumber(dlq)}</td>
      <td class="last-error">{error ? <TraceDetails trace={error.trace} where={error.where} /> : <span class="muted">—</span>}</td>
    </tr>
  );
}
