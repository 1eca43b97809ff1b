// An error's first line, with its whole trace one click away.
import { headline } from './model.js';

export function TraceDetails({ trace, where, open = false }: { trace: string; where?: string; open?: boolean }) {
  return (
    <details class="trace" open={open}>
      <summary>
        {where ? <span class="muted">{where}: </span> : null}
        <span class="error-text">{headline(trace)}</span>
      </summary>
      <pre>{trace}</pre>
    </details>
  );
}
