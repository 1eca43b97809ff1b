// Create or edit a pipeline from its JSON config; the validate endpoint's errors are shown beside each key.
import { useEffect, useState } from 'preact/hooks';
import { api, errorText, seg } from './api.js';
import { type KeyReport, keyReports, parseConfig } from './configEdit.js';
import { pipelineHref } from './model.js';
import type { ConfigInfos, PluginInfo } from './types.js';

const TEMPLATE = {
  name: 'my-pipeline',
  'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
  'connection.url': 'jdbc:postgresql://127.0.0.1:5432/postgres',
  'connection.user': 'postgres',
  topics: 'orders',
  'auto.create': 'true',
};

export function Editor({ name }: { name?: string }) {
  const [text, setText] = useState(name ? '' : JSON.stringify(TEMPLATE, null, 2));
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [infos, setInfos] = useState<ConfigInfos | undefined>(undefined);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [plugins, setPlugins] = useState<PluginInfo[]>([]);

  useEffect(() => {
    void api<PluginInfo[]>('GET', '/connector-plugins').then(setPlugins, () => setPlugins([]));
    if (!name) return;
    api<Record<string, string>>('GET', `/connectors/${seg(name)}/config`).then(
      (config) => setText(JSON.stringify(config, null, 2)),
      (e: unknown) => setLoadError(errorText(e)),
    );
  }, [name]);

  const parsed = parseConfig(text);

  /** Validates the config; true when the API found no error. */
  const validate = async (): Promise<boolean> => {
    setMessage(undefined);
    if (!parsed.ok) {
      setMessage({ kind: 'error', text: parsed.error });
      return false;
    }
    const cls = parsed.config['connector.class'];
    if (!cls) {
      setMessage({ kind: 'error', text: 'Set "connector.class" first.' });
      return false;
    }
    try {
      const result = await api<ConfigInfos>('PUT', `/connector-plugins/${seg(cls)}/config/validate`, parsed.config);
      setInfos(result);
      setMessage(result.error_count === 0 ? { kind: 'ok', text: 'The config is valid.' } : { kind: 'error', text: `${result.error_count} error(s): see beside the keys.` });
      return result.error_count === 0;
    } catch (e) {
      setInfos(undefined);
      setMessage({ kind: 'error', text: errorText(e) });
      return false;
    }
  };

  const save = async () => {
    setBusy(true);
    try {
      if (!(await validate()) || !parsed.ok) return;
      const target = name ?? parsed.config['name'];
      if (!target) {
        setMessage({ kind: 'error', text: 'Set "name": the pipeline’s name.' });
        return;
      }
      await api('PUT', `/connectors/${seg(target)}/config`, parsed.config);
      location.hash = pipelineHref(target);
    } catch (e) {
      setMessage({ kind: 'error', text: `Save failed: ${errorText(e)}` });
    } finally {
      setBusy(false);
    }
  };

  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await f();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <p>
        <a href={name ? pipelineHref(name) : '#/'}>{name ? `← ${name}` : '← Pipelines'}</a>
      </p>
      <div class="page-head">
        <h1>{name ? `Edit ${name}` : 'New pipeline'}</h1>
      </div>
      {loadError ? <p class="error-text" role="alert">{`Could not load the config: ${loadError}`}</p> : null}
      <div class="editor">
        <div class="editor-text">
          <label for="config-json">Config (JSON; “[hidden]” keeps a stored password)</label>
          <textarea id="config-json" spellcheck={false} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
          {plugins.length > 0 ? (
            <p class="muted small">
              Connector classes: {plugins.map((p) => p.class.slice(p.class.lastIndexOf('.') + 1)).join(', ')}
            </p>
          ) : null}
          <div class="actions">
            <button type="button" disabled={busy} onClick={() => void run(validate)}>
              Validate
            </button>
            <button type="button" class="primary" disabled={busy} onClick={() => void save()}>
              {name ? 'Save' : 'Create'}
            </button>
            {message ? <span class={message.kind === 'ok' ? 'ok-text' : 'error-text'} role="status">{message.text}</span> : null}
          </div>
        </div>
        <KeyTable rows={parsed.ok ? keyReports(parsed.config, infos) : []} validated={infos !== undefined} />
      </div>
    </section>
  );
}

function KeyTable({ rows, validated }: { rows: KeyReport[]; validated: boolean }) {
  return (
    <div class="editor-keys">
      <table class="keys">
        <thead>
          <tr>
            <th>Key</th>
            <th>{validated ? 'Validation' : 'Validation (not run yet)'}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key} class={r.errors.length > 0 ? 'has-error' : ''}>
              <th class="mono" title={r.documentation}>
                {r.key}
                {r.value === undefined ? <span class="muted"> (not set)</span> : null}
              </th>
              <td>
                {r.errors.length > 0 ? (
                  <ul class="key-errors">
                    {r.errors.map((e) => (
                      <li key={e} class="error-text">
                        {e}
                      </li>
                    ))}
                  </ul>
                ) : validated ? (
                  <span class="ok-text">✓</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
