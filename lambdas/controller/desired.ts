// From a pipeline's CONFIG (and what STATUS says about failures) to the resources it should have. Pure.
import { scheduleName } from '../runtime/awsNames.js';
import { aliasForPipeline } from '../runtime/pipelineAlias.js';
import { consumerGroupFor, sinkTopics } from '../runtime/sinkGroups.js';
import type { PipelineRecord } from '../runtime/ports/PipelineStore.js';
import type { Desired, EsmSpec, StartingPosition } from './reconcile.js';

export { connectGroup, consumerGroupFor, sinkTopics } from '../runtime/sinkGroups.js';

export interface DesiredContext {
  /** The task reported FAILED and no restart was asked since: Kafka Connect keeps a failed task stopped. */
  readonly failed: boolean;
  /** The cluster's topics, needed only to expand `topics.regex`. */
  readonly clusterTopics?: readonly string[];
}

/** The pipeline's schedule name (runtime/awsNames.ts: 64 characters of [0-9A-Za-z-_.] at most). */
export function scheduleNameFor(name: string): string {
  return scheduleName(name);
}

function intOf(config: Readonly<Record<string, string>>, key: string, fallback: number): number {
  const v = Number.parseInt(config[key] ?? '', 10);
  return Number.isFinite(v) ? v : fallback;
}

/** ESM settings from the sluice.esm.* keys (defaults as in frameworkConfig.ts); the window rounds up to whole seconds. */
export function esmSpecs(name: string, config: Readonly<Record<string, string>>, topics: readonly string[]): EsmSpec[] {
  const position: StartingPosition = config['sluice.esm.starting.position'] === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON';
  const batchSize = intOf(config, 'sluice.esm.batch.size', 500);
  const windowSeconds = Math.ceil(intOf(config, 'sluice.esm.batching.window.ms', 500) / 1000);
  return topics.map((topic) => ({ topic, consumerGroup: consumerGroupFor(name, topic, topics.length), startingPosition: position, batchSize, windowSeconds }));
}

/** rate(N minutes), N = max(1, ceil(poll.interval.ms / 60000)): Scheduler fires at one-minute precision at best. */
export function pollRateMinutes(config: Readonly<Record<string, string>>): number {
  return Math.max(1, Math.ceil(intOf(config, 'poll.interval.ms', 5000) / 60000));
}

export function desiredOf(name: string, record: PipelineRecord | undefined, ctx: DesiredContext): Desired {
  const alias = aliasForPipeline(name);
  if (!record) return { kind: 'absent', alias };
  const enabled = record.targetState === 'RUNNING' && !ctx.failed;
  if (record.type === 'source') {
    return { kind: 'source', alias, enabled, schedule: { name: scheduleNameFor(name), rateMinutes: pollRateMinutes(record.config), input: JSON.stringify({ pipeline: name }) } };
  }
  return { kind: 'sink', alias, enabled, esms: esmSpecs(name, record.config, sinkTopics(record.config, ctx.clusterTopics)) };
}

/** Whether expanding this pipeline's topics needs the cluster's topic list. */
export function needsTopicList(record: PipelineRecord | undefined): boolean {
  return record?.type === 'sink' && (record.config['topics.regex'] ?? '').trim() !== '';
}
