// API keys this broker answers, with the version ranges it implements. ApiVersions advertises
// exactly these ranges; clients then use min(their best, ours). Only ApiVersions is served in a
// flexible (KIP-482 compact/tagged) version: every other range stops before its first flexible version.

export const ApiKey = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
  DeleteRecords: 21,
  InitProducerId: 22,
  DeleteGroups: 42,
} as const;

export type ApiKeyNumber = (typeof ApiKey)[keyof typeof ApiKey];

export interface VersionRange {
  readonly min: number;
  readonly max: number;
  /** First version using the flexible request header v2 and compact encodings. */
  readonly flexibleFrom: number;
}

const table: ReadonlyArray<readonly [ApiKeyNumber, number, number, number]> = [
  [ApiKey.Produce, 3, 8, 9],
  [ApiKey.Fetch, 4, 11, 12],
  [ApiKey.ListOffsets, 1, 5, 6],
  [ApiKey.Metadata, 0, 8, 9],
  [ApiKey.OffsetCommit, 0, 7, 8],
  [ApiKey.OffsetFetch, 1, 5, 6],
  [ApiKey.FindCoordinator, 0, 2, 3],
  [ApiKey.JoinGroup, 0, 5, 6],
  [ApiKey.Heartbeat, 0, 3, 4],
  [ApiKey.LeaveGroup, 0, 3, 4],
  [ApiKey.SyncGroup, 0, 3, 4],
  [ApiKey.DescribeGroups, 0, 4, 5],
  [ApiKey.ListGroups, 0, 2, 3],
  [ApiKey.ApiVersions, 0, 3, 3],
  [ApiKey.CreateTopics, 0, 4, 5],
  [ApiKey.DeleteTopics, 0, 3, 4],
  [ApiKey.InitProducerId, 0, 1, 2],
  [ApiKey.DeleteGroups, 0, 1, 2],
];

export const supportedApis: ReadonlyMap<number, VersionRange> = new Map(
  table.map(([key, min, max, flexibleFrom]) => [key, { min, max, flexibleFrom }]),
);

export function apiName(key: number): string {
  for (const [name, k] of Object.entries(ApiKey)) if (k === key) return name;
  return `api#${key}`;
}
