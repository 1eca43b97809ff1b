// Mapping between the store's records and DynamoDB items.
import type { InstanceStatus, PipelineRecord, PipelineStatus, TaskStatus } from '../../runtime/ports/PipelineStore.js';

type Item = Record<string, unknown>;

export function pk(name: string): string {
  return `PIPELINE#${name}`;
}

/** A stable key for a source partition map: JSON with sorted keys. */
export function offsetKey(partition: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(partition).sort(([a], [b]) => a.localeCompare(b))));
}

export function configItem(r: PipelineRecord): Item {
  return {
    PK: pk(r.name),
    SK: 'CONFIG',
    name: r.name,
    type: r.type,
    config: r.config,
    targetState: r.targetState,
    version: r.version,
    restartEpoch: r.restartEpoch,
    ...(r.taskCount === undefined ? {} : { taskCount: r.taskCount }),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function recordOf(item: Item): PipelineRecord {
  return {
    name: item['name'] as string,
    type: item['type'] as PipelineRecord['type'],
    config: (item['config'] as Record<string, string> | undefined) ?? {},
    targetState: item['targetState'] as PipelineRecord['targetState'],
    version: Number(item['version']),
    restartEpoch: Number(item['restartEpoch'] ?? 0),
    ...(item['taskCount'] === undefined ? {} : { taskCount: Number(item['taskCount']) }),
    createdAt: item['createdAt'] as string,
    updatedAt: item['updatedAt'] as string,
  };
}

export function statusItem(s: PipelineStatus): Item {
  return {
    PK: pk(s.name),
    SK: 'STATUS',
    name: s.name,
    connector: s.connector,
    tasks: s.tasks,
    activeTopics: s.activeTopics,
    resources: s.resources,
    updatedAt: s.updatedAt,
  };
}

export function statusOf(item: Item): PipelineStatus {
  const connector = item['connector'] as InstanceStatus | undefined;
  return {
    name: item['name'] as string,
    ...(connector ? { connector } : {}),
    tasks: ((item['tasks'] as TaskStatus[] | undefined) ?? []).map((t) => ({ ...t, id: Number(t.id) })),
    activeTopics: (item['activeTopics'] as string[] | undefined) ?? [],
    resources: (item['resources'] as Record<string, string> | undefined) ?? {},
    updatedAt: item['updatedAt'] as string,
  };
}
