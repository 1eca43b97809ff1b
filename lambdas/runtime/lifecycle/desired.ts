// From a pipeline's row (CONFIG, and its lifecycle state) to the resources it should have: one mapping per topic with
// its consumer group, enabled or not, or a schedule with its rate. Pure; the only reader of the sluice.esm.* keys.
import { scheduleName } from '../awsNames.js';
import { aliasForPipeline } from '../pipelineAlias.js';
import type { PipelineRecord } from '../ports/PipelineStore.js';
import { consumerGroupFor, sinkTopics } from '../sinkGroups.js';
import type { Desired, EsmSpec, StartingPosition } from './plan.js';
import { type From, RESOURCES } from './transitions.js';

export interface DesiredContext {
  /** The pipeline's lifecycle state (lifecycle/state.ts): its resources are enabled only when RUNNING. */
  readonly state: From;
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

/** sluice.esm.batch.size's default: chosen from bench/cost.bench.ts's batch sizing (README, Cost). */
export const DEFAULT_ESM_BATCH_SIZE = 2000;
/** sluice.esm.batching.window.ms's default: chosen from bench/cost.bench.ts's batching windows (README, Cost). */
export const DEFAULT_BATCHING_WINDOW_MS = 2000;

/** ESM settings from the sluice.esm.* keys (defaults as in frameworkConfig.ts); the window rounds up to whole seconds. */
export function esmSpecs(name: string, config: Readonly<Record<string, string>>, topics: readonly string[]): EsmSpec[] {
  const position: StartingPosition = config['sluice.esm.starting.position'] === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON';
  const batchSize = intOf(config, 'sluice.esm.batch.size', DEFAULT_ESM_BATCH_SIZE);
  const windowSeconds = Math.ceil(intOf(config, 'sluice.esm.batching.window.ms', DEFAULT_BATCHING_WINDOW_MS) / 1000);
  return topics.map((topic) => ({ topic, consumerGroup: consumerGroupFor(name, topic, topics.length), startingPosition: position, batchSize, windowSeconds }));
}

/** The source's `poll.interval.ms` (default as in JdbcSourceConfig), at least 100 ms. */
export function pollIntervalMs(config: Readonly<Record<string, string>>): number {
  return Math.max(100, intOf(config, 'poll.interval.ms', 5000));
}

/** rate(N minutes), N = max(1, ceil(poll.interval.ms / 60000)): Scheduler fires at one-minute precision at best. */
export function pollRateMinutes(config: Readonly<Record<string, string>>): number {
  return Math.max(1, Math.ceil(pollIntervalMs(config) / 60000));
}

export function desiredOf(name: string, record: PipelineRecord | undefined, ctx: DesiredContext): Desired {
  const alias = aliasForPipeline(name);
  if (!record || ctx.state === 'ABSENT') return { kind: 'absent', alias };
  const resources = RESOURCES[ctx.state];
  if (record.type === 'source') {
    const schedule = { name: scheduleNameFor(name), rateMinutes: pollRateMinutes(record.config), intervalMs: pollIntervalMs(record.config), input: JSON.stringify({ pipeline: name }) };
    return { kind: 'source', alias, enabled: resources.schedule === 'enabled', schedule };
  }
  const enabled = resources.mappings === 'enabled';
  return { kind: 'sink', alias, enabled, esms: esmSpecs(name, record.config, sinkTopics(record.config, ctx.clusterTopics)) };
}

/** Whether expanding this pipeline's topics needs the cluster's topic list. */
export function needsTopicList(record: PipelineRecord | undefined): boolean {
  return record?.type === 'sink' && (record.config['topics.regex'] ?? '').trim() !== '';
}
