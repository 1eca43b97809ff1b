// The tables the read commands print, each from the API's own JSON (which -o json|yaml prints unchanged).
import { firstLine, type Table } from './format.js';

interface State {
  readonly state: string;
  readonly worker_id: string;
  readonly trace?: string;
}
export interface ConnectorStatus {
  readonly name: string;
  readonly connector: State;
  readonly tasks: readonly (State & { readonly id: number })[];
  readonly type?: string;
}
export interface ConnectorInfo {
  readonly name: string;
  readonly config: Record<string, string>;
  readonly tasks: readonly { readonly connector: string; readonly task: number }[];
  readonly type?: string;
}
export type ExpandedList = Record<string, { readonly status?: ConnectorStatus; readonly info?: ConnectorInfo }>;
export interface PluginInfo {
  readonly class: string;
  readonly type: string;
  readonly version?: string;
}
export interface Offsets {
  readonly offsets: readonly { readonly partition: unknown; readonly offset: unknown }[];
}

export function listTable(list: ExpandedList): Table {
  const rows = Object.entries(list).map(([name, { status, info }]) => {
    const tasks = status?.tasks ?? [];
    const running = tasks.filter((t) => t.state === 'RUNNING').length;
    return [name, status?.type ?? info?.type ?? '', status?.connector.state ?? '', `${running}/${tasks.length}`, info?.config['connector.class'] ?? ''];
  });
  return { headers: ['NAME', 'TYPE', 'STATE', 'TASKS', 'CLASS'], rows };
}

export function infoTable(info: ConnectorInfo): Table {
  const rows = Object.keys(info.config)
    .sort()
    .map((k) => [k, info.config[k]!]);
  return { headers: ['KEY', 'VALUE'], rows };
}

export function statusTable(status: ConnectorStatus): Table {
  const rows = [
    ['connector', status.connector.state, status.connector.worker_id, firstLine(status.connector.trace)],
    ...status.tasks.map((t) => [`task ${t.id}`, t.state, t.worker_id, firstLine(t.trace)]),
  ];
  return { headers: ['WHAT', 'STATE', 'WORKER', 'TRACE'], rows };
}

export function pluginsTable(plugins: readonly PluginInfo[]): Table {
  return { headers: ['CLASS', 'TYPE', 'VERSION'], rows: plugins.map((p) => [p.class, p.type, p.version ?? '']) };
}

export function offsetsTable(offsets: Offsets): Table {
  return { headers: ['PARTITION', 'OFFSET'], rows: offsets.offsets.map((o) => [JSON.stringify(o.partition), JSON.stringify(o.offset)]) };
}
