// Reconciles one pipeline: re-reads its CONFIG and STATUS (consistent reads), derives its lifecycle state and the
// resources that state wants, applies the plan through the resources port and records what exists in STATUS. The AWS
// controller and standalone mode run this same class; only the resources port differs. Never trusts a stream image's
// content, so replays are harmless.
import { aliasForPipeline } from '../pipelineAlias.js';
import type { ClusterCheck, ControllerResources, TopicLister } from '../ports/PipelineResources.js';
import type { PipelineRecord, PipelineStatus, PipelineStore, StatusPatch } from '../ports/PipelineStore.js';
import { desiredOf, needsTopicList, scheduleNameFor } from './desired.js';
import { type Action, plan, released } from './plan.js';
import { stateOf, taskIdsOf } from './state.js';

export interface ReconcilerOptions {
  readonly store: PipelineStore;
  readonly resources: ControllerResources;
  /** Needed for `topics.regex` pipelines. @default none: such pipelines get no topics */
  readonly topics?: TopicLister;
  /** Checked when a pipeline is reconciled for the first time. @default no check */
  readonly cluster?: ClusterCheck;
  readonly workerId: string;
}

/** What triggered a reconcile: the CONFIG image's version, when a CONFIG stream record did. */
export interface Trigger {
  readonly imageVersion?: number;
}

export interface ReconcileResult {
  /** The actions applied (empty when the pipeline already matched, or the trigger was stale). */
  readonly actions: Action[];
  /** A stop is not confirmed yet: a mapping still polls (AWS: Disabling) or a scheduled invocation still runs. */
  readonly pending: boolean;
}

export const APPLIED_VERSION = 'appliedVersion';
export const APPLIED_RESTART = 'appliedRestartEpoch';

function sameMap(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

export class PipelineReconciler {
  constructor(private readonly o: ReconcilerOptions) {}

  async reconcile(name: string, trigger: Trigger = {}): Promise<ReconcileResult> {
    const { store, workerId } = this.o;
    const [record, status] = await Promise.all([store.get(name), store.getStatus(name)]);
    const applied = status?.resources ?? {};
    const appliedVersion = Number(applied[APPLIED_VERSION] ?? 0);
    // An image older than what was applied: a later record already reconciled towards a newer CONFIG.
    if (record && trigger.imageVersion !== undefined && trigger.imageVersion < appliedVersion) return { actions: [], pending: false };
    if (record && appliedVersion === 0 && this.o.cluster) {
      const problem = await this.o.cluster.problem();
      if (problem) {
        await store.patchStatus(name, { connector: { state: 'FAILED', workerId, trace: problem }, resources: { ...applied, error: problem } });
        return { actions: [], pending: false };
      }
    }
    const restarted = record !== undefined && record.restartEpoch > Number(applied[APPLIED_RESTART] ?? 0);
    const state = stateOf(record, status, restarted);
    const clusterTopics = needsTopicList(record) && this.o.topics ? await this.o.topics.listTopics() : undefined;
    const desired = desiredOf(name, record, { state, ...(clusterTopics ? { clusterTopics } : {}) });
    const target = { alias: aliasForPipeline(name), scheduleName: scheduleNameFor(name) };
    const before = await this.o.resources.observe(target);
    const actions = plan(desired, before);
    // The task starts when its mappings are enabled, and a restart completes here, whether or not records flow.
    const starts = restarted ? state !== 'STOPPED' && state !== 'STOPPING' : state === 'RUNNING' && status?.connector?.state !== 'RUNNING';
    if (record && starts) {
      await store.patchStatus(name, { connector: { state: 'RUNNING', workerId }, tasks: taskIdsOf(record).map((id) => ({ id, state: 'RUNNING' as const, workerId })) });
    }
    for (const a of actions) {
      if (a.kind === 'createAlias' && !a.alias.startsWith('p-')) await store.putAlias(a.alias, name);
      await this.o.resources.apply(a);
    }
    if (!record) return { actions, pending: false };
    const after = actions.length > 0 ? await this.o.resources.observe(target) : before;
    const stopping = state === 'STOPPING';
    const stopped = stopping && released(after);
    await this.record(record, status, this.o.resources.describe(target, after), stopped ? { connector: { state: 'STOPPED', workerId }, tasks: [] } : {});
    return { actions, pending: stopping && !stopped };
  }

  /** Writes resource ids and the applied version/restart epoch with `extra`, only when something changed (STATUS writes re-trigger us). */
  private async record(record: PipelineRecord, status: PipelineStatus | undefined, ids: Record<string, string>, extra: StatusPatch): Promise<void> {
    const previous = status?.resources ?? {};
    const resources = { ...ids, [APPLIED_VERSION]: String(record.version), [APPLIED_RESTART]: String(record.restartEpoch) };
    if (sameMap(resources, previous) && Object.keys(extra).length === 0) return;
    await this.o.store.patchStatus(record.name, { ...extra, resources });
  }
}
