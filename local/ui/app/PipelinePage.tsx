// One pipeline: its state and actions, the error that stopped it, recent metrics, tasks, config and offsets.
import { ActionBar } from './ActionBar.js';
import { api, errorText, seg } from './api.js';
import { LineChart } from './charts.js';
import { chartPoints, endpoints, formatNumber, lastError, pipelineState } from './model.js';
import { StateBadge } from './StateBadge.js';
import { TraceDetails } from './TraceDetails.js';
import type { ConnectorInfo, ConnectorOffsets, ConnectorStatus, RuntimeInfo } from './types.js';
import { usePoll } from './usePoll.js';

interface Detail {
  readonly info: ConnectorInfo;
  readonly status: ConnectorStatus;
  readonly offsets: ConnectorOffsets | string;
}

async function loadDetail(name: string): Promise<Detail> {
  const p = `/connectors/${seg(name)}`;
  const [info, status, offsets] = await Promise.all([
    api<ConnectorInfo>('GET', p),
    api<ConnectorStatus>('GET', `${p}/status`),
    api<ConnectorOffsets>('GET', `${p}/offsets`).catch((e: unknown) => errorText(e)),
  ]);
  return { info, status, offsets };
}

export function PipelinePage({ name }: { name: string }) {
  const { data, error, reload } = usePoll(() => loadDetail(name), 5_000, name);
  if (data === undefined) {
    return error ? (
      <p class="error-text" role="alert">{`Could not load ${name}: ${error}`}</p>
    ) : (
      <p class="muted">Loading…</p>
    );
  }
  const { info, status, offsets } = data;
  const state = pipelineState(status);
  const failure = lastError(status);
  const ends = endpoints(info);
  return (
    <section>
      <p>
        <a href="#/">← Pipelines</a>
      </p>
      <div class="page-head">
        <h1>{name}</h1>
        <StateBadge state={state} />
        <span class="muted">
          {info.type} · {ends.from.join(', ') || '—'} → {ends.to.join(', ') || '—'}
        </span>
      </div>
      <ActionBar name={name} state={state} onDone={() => void reload()} />
      {error ? <p class="error-text">{`Refresh failed: ${error}`}</p> : null}
      {failure ? (
        <div class="panel failure">
          <h2>Error ({failure.where})</h2>
          <TraceDetails trace={failure.trace} open />
        </div>
      ) : null}
      <Metrics runtime={status.runtime} />
      <div class="panel">
        <h2>Tasks</h2>
        <table>
          <thead>
            <tr>
              <th>Task</th>
              <th>State</th>
              <th>Worker</th>
              <th>Trace</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>connector</td>
              <td>
                <StateBadge state={status.connector.state} />
              </td>
              <td>{status.connector.worker_id}</td>
              <td>{status.connector.trace ? <TraceDetails trace={status.connector.trace} /> : '—'}</td>
            </tr>
            {status.tasks.map((t) => (
              <tr key={t.id}>
                <td>{t.id}</td>
                <td>
                  <StateBadge state={t.state} />
                </td>
                <td>{t.worker_id}</td>
                <td>{t.trace ? <TraceDetails trace={t.trace} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {status.runtime?.event_source_mappings?.length ? (
          <table>
            <thead>
              <tr>
                <th>Topic</th>
                <th>Event source mapping</th>
                <th>State</th>
                <th>Last processing result</th>
              </tr>
            </thead>
            <tbody>
              {status.runtime.event_source_mappings.map((m) => (
                <tr key={m.uuid}>
                  <td>{m.topic}</td>
                  <td class="mono">{m.uuid}</td>
                  <td>{m.state}</td>
                  <td>{m.last_processing_result ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      <div class="panel">
        <h2>Config</h2>
        <p class="muted">Passwords are masked by the API; “[hidden]” sent back with an edit keeps the stored value.</p>
        <table class="config">
          <tbody>
            {Object.keys(info.config)
              .sort()
              .map((k) => (
                <tr key={k}>
                  <th class="mono">{k}</th>
                  <td class="mono">{info.config[k]}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      <Offsets offsets={offsets} />
    </section>
  );
}

function Metrics({ runtime }: { runtime: RuntimeInfo | undefined }) {
  const history = runtime?.metrics_history;
  const names = Object.keys(history?.series ?? {}).sort();
  return (
    <div class="panel">
      <h2>Metrics</h2>
      {history && names.length > 0 ? (
        <div class="charts">
          {names.map((n) => {
            const { points, unit } = chartPoints(runtime, n);
            return <LineChart key={n} title={n} points={points} unit={unit} />;
          })}
        </div>
      ) : (
        <p class="muted">No metrics history from this runtime yet.</p>
      )}
      {runtime?.metrics && Object.keys(runtime.metrics).length > 0 ? (
        <dl class="sums">
          {Object.keys(runtime.metrics)
            .sort()
            .map((k) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{formatNumber(runtime.metrics![k]!)}</dd>
              </div>
            ))}
          <div>
            <dt>window</dt>
            <dd>{`${runtime.metrics_window_minutes ?? '?'} min`}</dd>
          </div>
        </dl>
      ) : null}
    </div>
  );
}

function Offsets({ offsets }: { offsets: ConnectorOffsets | string }) {
  return (
    <div class="panel">
      <h2>Offsets</h2>
      {typeof offsets === 'string' ? (
        <p class="muted">{`Offsets unavailable: ${offsets}`}</p>
      ) : offsets.offsets.length === 0 ? (
        <p class="muted">No committed offsets yet.</p>
      ) : (
        <table class="offsets">
          <thead>
            <tr>
              <th>Partition</th>
              <th>Offset</th>
            </tr>
          </thead>
          <tbody>
            {offsets.offsets.map((o) => (
              <tr key={JSON.stringify(o.partition)}>
                <td class="mono">{JSON.stringify(o.partition)}</td>
                <td class="mono">{o.offset === null ? 'null' : JSON.stringify(o.offset)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
