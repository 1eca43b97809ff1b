// Pause, resume, stop, restart and delete, each behind a confirmation, through the Kafka Connect REST API.
import { useState } from 'preact/hooks';
import { api, errorText, seg } from './api.js';
import { type ConfirmRequest, ConfirmDialog } from './ConfirmDialog.js';
import { pipelineHref } from './model.js';

interface Action extends ConfirmRequest {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly enabled: boolean;
}

function actionsFor(name: string, state: string): Action[] {
  const p = `/connectors/${seg(name)}`;
  return [
    { label: 'Pause', method: 'PUT', path: `${p}/pause`, enabled: state === 'RUNNING' || state === 'FAILED', title: `Pause ${name}?`, message: 'Its tasks stop consuming until it is resumed; offsets are kept.', confirmLabel: 'Pause' },
    { label: 'Resume', method: 'PUT', path: `${p}/resume`, enabled: state === 'PAUSED' || state === 'STOPPED', title: `Resume ${name}?`, message: 'Its tasks start again from the committed offsets.', confirmLabel: 'Resume' },
    { label: 'Stop', method: 'PUT', path: `${p}/stop`, enabled: state !== 'STOPPED', title: `Stop ${name}?`, message: 'Its tasks are shut down and its resources released; its config and offsets are kept.', confirmLabel: 'Stop' },
    { label: 'Restart', method: 'POST', path: `${p}/restart?includeTasks=true`, enabled: state !== 'STOPPED' && state !== 'PAUSED', title: `Restart ${name}?`, message: 'The connector and its tasks are restarted.', confirmLabel: 'Restart' },
    { label: 'Delete', method: 'DELETE', path: p, enabled: true, title: `Delete ${name}?`, message: 'The pipeline and its config are removed. This cannot be undone.', confirmLabel: 'Delete', danger: true },
  ];
}

export function ActionBar({ name, state, onDone }: { name: string; state: string; onDone: () => void }) {
  const [pending, setPending] = useState<Action | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const run = async (a: Action) => {
    setPending(undefined);
    setBusy(true);
    setError(undefined);
    try {
      await api(a.method, a.path);
      if (a.label === 'Delete') location.hash = '#/';
      else onDone();
    } catch (e) {
      setError(`${a.label} failed: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="actions">
      <a class="button" href={pipelineHref(name, true)}>
        Edit
      </a>
      {actionsFor(name, state).map((a) => (
        <button type="button" key={a.label} class={a.danger ? 'danger' : ''} disabled={busy || !a.enabled} onClick={() => setPending(a)}>
          {a.label}
        </button>
      ))}
      {error ? (
        <span class="error-text" role="alert">
          {error}
        </span>
      ) : null}
      {pending ? <ConfirmDialog request={pending} onConfirm={() => void run(pending)} onCancel={() => setPending(undefined)} /> : null}
    </div>
  );
}
