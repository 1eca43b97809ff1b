// Reconciles one pipeline: re-reads its CONFIG and STATUS (consistent reads), computes the desired resources, applies
// the actions and records what exists in STATUS. Never trusts a stream image's content, so replays are harmless.
import { aliasForPipeline } from '../runtime/pipelineAlias.js';
import type { PipelineRecord, PipelineStatus, PipelineStore } from '../runtime/ports/PipelineStore.js';
import { desiredOf, needsTopicList, scheduleNameFor } from './desired.js';
import type { ClusterCheck, ControllerResources, TopicLister } from './ports.js';
import { type Action, reconcile } from './reconcile.js';

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

export const APPLIED_VERSION = 'appliedVersion';
export const APPLIED_RESTART = 'appliedRestartEpoch';

function isFailed(status: PipelineStatus | undefined): boolean {
  return status?.connector?.state === 'FAILED' || (status?.tasks ?? []).some((t) => t.state === 'FAILED');
}

function sameMap(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

export class PipelineReconciler {
  constructor(private readonly o: ReconcilerOptions) {}

  /** Returns the actions it applied (empty when the pipeline already matched, or the trigger was stale). */
  async reconcile(name: string, trigger: Trigger = {}): Promise<Action[]> {
    const { store } = this.o;
    const [record, status] = await Promise.all([store.get(name), store.getStatus(name)]);
    const applied = status?.resources ?? {};
    const appliedVersion = Number(applied[APPLIED_VERSION] ?? 0);
    // An image older than what was applied: a later record already reconciled towards a newer CONFIG.
    if (record && trigger.imageVersion !== undefined && trigger.imageVersion < appliedVersion) return [];
    if (record && appliedVersion === 0 && this.o.cluster) {
      const problem = await this.o.cluster.problem();
      if (problem) {
        await store.patchStatus(name, { connector: { state: 'FAILED', workerId: this.o.workerId, trace: problem }, resources: { ...applied, error: problem } });
        return [];
      }
    }
    const restarted = record !== undefined && record.restartEpoch > Number(applied[APPLIED_RESTART] ?? 0);
    const failed = !restarted && isFailed(status);
    const clusterTopics = needsTopicList(record) && this.o.topics ? await this.o.topics.listTopics() : undefined;
    const desired = desiredOf(name, record, { failed, ...(clusterTopics ? { clusterTopics } : {}) });
    const target = { alias: aliasForPipeline(name), scheduleName: scheduleNameFor(name) };
    const before = await this.o.resources.observe(target);
    const actions = reconcile(desired, before);
    for (const a of actions) {
      if (a.kind === 'createAlias' && !a.alias.startsWith('p-')) await store.putAlias(a.alias, name);
      await this.o.resources.apply(a);
    }
    if (record) {
      const after = actions.length > 0 ? await this.o.resources.observe(target) : before;
      await this.record(record, status, restarted, this.o.resources.describe(target, after));
    }
    return actions;
  }

  /** Writes resource ids and the applied version/restart epoch, only when they changed (STATUS writes re-trigger us). */
  private async record(record: PipelineRecord, status: PipelineStatus | undefined, restarted: boolean, ids: Record<string, string>): Promise<void> {
    const previous = status?.resources ?? {};
    const resources = { ...ids, [APPLIED_VERSION]: String(record.version), [APPLIED_RESTART]: String(record.restartEpoch) };
    if (sameMap(resources, previous) && !restarted) return;
    if (!restarted) return this.o.store.patchStatus(record.name, { resources });
    const workerId = this.o.workerId;
    await this.o.store.patchStatus(record.name, { resources, connector: { state: 'RUNNING', workerId }, tasks: [{ id: 0, state: 'RUNNING', workerId }] });
  }
}
