// The reconciler's decision, pure: what resources a pipeline should have (desired) against what exists (observed).
// No AWS imports: the AWS adapter (lambdas/adapters/aws/AwsResources.ts) and standalone mode's emulators
// (local/LocalResources.ts) observe and apply.

export type StartingPosition = 'TRIM_HORIZON' | 'LATEST';

/** One event source mapping: an MSK ESM reads exactly one topic (aws-notes §1.2). */
export interface EsmSpec {
  readonly topic: string;
  readonly consumerGroup: string;
  readonly startingPosition: StartingPosition;
  readonly batchSize: number;
  readonly windowSeconds: number;
}

export interface ScheduleSpec {
  readonly name: string;
  /** EventBridge Scheduler's rate, derived from intervalMs (one-minute precision at best). */
  readonly rateMinutes: number;
  /** The pipeline's `poll.interval.ms`: what the local scheduler fires at (it has no one-minute floor). */
  readonly intervalMs: number;
  readonly input: string;
}

export type Desired =
  | { readonly kind: 'sink'; readonly alias: string; readonly enabled: boolean; readonly esms: readonly EsmSpec[] }
  | { readonly kind: 'source'; readonly alias: string; readonly enabled: boolean; readonly schedule: ScheduleSpec }
  | { readonly kind: 'absent'; readonly alias: string };

export interface ObservedEsm extends EsmSpec {
  readonly uuid: string;
  readonly enabled: boolean;
  /** Still polling, or may be (its consumer may be in the group): true for every state but Disabled. */
  readonly active: boolean;
}

export interface ObservedSchedule {
  readonly name: string;
  readonly expression: string;
  readonly input: string;
  readonly enabled: boolean;
  /** Local only: the period it fires at (in AWS the expression says it). */
  readonly intervalMs?: number;
  /** Local only: an invocation is in flight. */
  readonly active?: boolean;
}

export interface Observed {
  /** The version the pipeline alias points at, when the alias exists. */
  readonly aliasVersion?: string;
  readonly esms: readonly ObservedEsm[];
  readonly schedule?: ObservedSchedule;
}

export type Action =
  | { readonly kind: 'createAlias'; readonly alias: string }
  | { readonly kind: 'updateAlias'; readonly alias: string }
  | { readonly kind: 'deleteAlias'; readonly alias: string }
  | { readonly kind: 'createEsm'; readonly alias: string; readonly esm: EsmSpec; readonly enabled: boolean }
  | { readonly kind: 'updateEsm'; readonly uuid: string; readonly topic: string; readonly changes: EsmChanges }
  | { readonly kind: 'deleteEsm'; readonly uuid: string; readonly topic: string }
  | { readonly kind: 'createSchedule'; readonly schedule: ScheduleSpec; readonly enabled: boolean }
  | { readonly kind: 'updateSchedule'; readonly schedule: ScheduleSpec; readonly enabled: boolean }
  | { readonly kind: 'deleteSchedule'; readonly name: string };

/** What UpdateEventSourceMapping may change; topic, starting position and consumer group are create-only. */
export interface EsmChanges {
  readonly enabled?: boolean;
  readonly batchSize?: number;
  readonly windowSeconds?: number;
}

/** Every alias points at $LATEST: aliases name pipelines, they do not pin code (aws-notes §0). */
export const ALIAS_VERSION = '$LATEST';

export function rateExpression(minutes: number): string {
  return minutes === 1 ? 'rate(1 minute)' : `rate(${minutes} minutes)`;
}

/**
 * The actions that take `observed` to `desired`, in a safe order: alias before the ESMs that target it, ESM deletes
 * before the alias delete. Applying them twice is harmless, because the next call observes their effect.
 */
export function plan(desired: Desired, observed: Observed): Action[] {
  switch (desired.kind) {
    case 'sink':
      return [...scheduleActions(undefined, observed), ...aliasActions(desired.alias, observed), ...esmActions(desired.alias, desired.esms, desired.enabled, observed)];
    case 'source':
      return [...esmActions('', [], false, observed), ...removeAlias(desired.alias, observed), ...scheduleActions(desired, observed)];
    case 'absent':
      return [...esmActions('', [], false, observed), ...removeAlias(desired.alias, observed), ...scheduleActions(undefined, observed)];
  }
}

/** Source and deleted pipelines have no alias (one left from a sink of the same name goes, after its ESMs). */
function removeAlias(alias: string, observed: Observed): Action[] {
  return observed.aliasVersion === undefined ? [] : [{ kind: 'deleteAlias', alias }];
}

function aliasActions(alias: string, observed: Observed): Action[] {
  if (observed.aliasVersion === undefined) return [{ kind: 'createAlias', alias }];
  return observed.aliasVersion === ALIAS_VERSION ? [] : [{ kind: 'updateAlias', alias }];
}

function sameCreateOnly(a: EsmSpec, b: EsmSpec): boolean {
  return a.topic === b.topic && a.consumerGroup === b.consumerGroup && a.startingPosition === b.startingPosition;
}

/** One ESM per desired topic: keep a matching one (updating what can change), replace one whose create-only fields differ. */
function esmActions(alias: string, wanted: readonly EsmSpec[], enabled: boolean, observed: Observed): Action[] {
  const deletes: Action[] = [];
  const rest: Action[] = [];
  const kept = new Set<string>();
  for (const spec of wanted) {
    const match = observed.esms.find((o) => sameCreateOnly(o, spec) && !kept.has(o.uuid));
    if (!match) {
      rest.push({ kind: 'createEsm', alias, esm: spec, enabled });
      continue;
    }
    kept.add(match.uuid);
    const changes: { enabled?: boolean; batchSize?: number; windowSeconds?: number } = {};
    if (match.enabled !== enabled) changes.enabled = enabled;
    if (match.batchSize !== spec.batchSize) changes.batchSize = spec.batchSize;
    if (match.windowSeconds !== spec.windowSeconds) changes.windowSeconds = spec.windowSeconds;
    if (Object.keys(changes).length > 0) rest.push({ kind: 'updateEsm', uuid: match.uuid, topic: spec.topic, changes });
  }
  for (const o of observed.esms) if (!kept.has(o.uuid)) deletes.push({ kind: 'deleteEsm', uuid: o.uuid, topic: o.topic });
  return [...deletes, ...rest];
}

function scheduleActions(desired: Extract<Desired, { kind: 'source' }> | undefined, observed: Observed): Action[] {
  const current = observed.schedule;
  if (!desired) return current ? [{ kind: 'deleteSchedule', name: current.name }] : [];
  const { schedule, enabled } = desired;
  if (!current) return [{ kind: 'createSchedule', schedule, enabled }];
  const same =
    current.expression === rateExpression(schedule.rateMinutes) &&
    current.input === schedule.input &&
    current.enabled === enabled &&
    (current.intervalMs === undefined || current.intervalMs === schedule.intervalMs);
  return same ? [] : [{ kind: 'updateSchedule', schedule, enabled }];
}

/** Nothing polls any more: every mapping is Disabled (its consumer left the group) and no scheduled invocation runs. */
export function released(observed: Observed): boolean {
  return observed.esms.every((e) => !e.active) && !(observed.schedule?.enabled || observed.schedule?.active);
}
