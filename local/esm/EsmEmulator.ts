// Standalone mode's stand-in for the controller + Lambda's MSK event source mappings: it watches the store and keeps
// the mappings of every RUNNING sink pipeline (none while PAUSED, STOPPED, FAILED or deleted), with the consumer
// groups AWS gets (sinkGroups.ts), restarting them when the pipeline's config version or its regex topics change.
// Changes through the API take effect within `pollIntervalMs`.
import type { Kafka } from 'kafkajs';
import { aliasForPipeline, pipelineOfPlainAlias } from '../../lambdas/runtime/pipelineAlias.js';
import type { Logger } from '../../lambdas/runtime/ports/Logger.js';
import { PollingLoop } from '../PollingLoop.js';
import type { PipelineRecord, PipelineStore } from '../../lambdas/runtime/ports/PipelineStore.js';
import { consumerGroupFor, sinkTopics } from '../../lambdas/runtime/sinkGroups.js';
import { EventSourceMapping, type InvokeSink, type MappingSettings } from './EventSourceMapping.js';

export interface EsmEmulatorOptions {
  readonly store: PipelineStore;
  readonly kafka: Kafka;
  readonly invoke: InvokeSink;
  readonly bootstrapServers: string;
  readonly logger: Logger;
  /** @default 'arn:aws:lambda:local:000000000000:function:sluice-sink' */
  readonly functionArn?: string;
  /** How often the store is checked. @default 500 */
  readonly pollIntervalMs?: number;
  /** The sink function's timeout, as getRemainingTimeInMillis sees it. @default 60000 */
  readonly timeoutMs?: number;
  /** The consumers' group session timeout. @default 30000 */
  readonly sessionTimeoutMs?: number;
}

export class EsmEmulator {
  /** Per pipeline: its config version, the topics it was expanded to, and one mapping per consumer group. */
  private readonly mappings = new Map<string, { version: number; topics: string; group: EventSourceMapping[] }>();
  private readonly loop: PollingLoop;

  constructor(private readonly options: EsmEmulatorOptions) {
    this.loop = new PollingLoop('ESM emulator reconcile', () => this.reconcile(), options.pollIntervalMs ?? 500, options.logger);
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await Promise.all([...this.mappings.values()].flatMap((m) => m.group.map((g) => g.stop())));
    this.mappings.clear();
  }

  /** Brings the running mappings in line with the store once (topics.regex re-expanded against the broker's topics). */
  async reconcile(): Promise<void> {
    const { store } = this.options;
    const wanted = new Map<string, { record: PipelineRecord; topics: string[] }>();
    let clusterTopics: string[] | undefined;
    for (const r of await store.list()) {
      if (r.type !== 'sink' || r.targetState !== 'RUNNING') continue;
      const task0 = (await store.getStatus(r.name))?.tasks.find((t) => t.id === 0);
      if (task0?.state === 'FAILED') continue;
      if ((r.config['topics.regex'] ?? '').trim() !== '') clusterTopics ??= await this.listTopics();
      wanted.set(r.name, { record: r, topics: sinkTopics(r.config, clusterTopics) });
    }
    for (const [name, current] of this.mappings) {
      const want = wanted.get(name);
      if (!want || want.record.version !== current.version || want.topics.join(',') !== current.topics) {
        this.mappings.delete(name);
        await Promise.all(current.group.map((m) => m.stop()));
      }
    }
    for (const [name, { record, topics }] of wanted) {
      if (this.mappings.has(name) || topics.length === 0) continue;
      const alias = aliasForPipeline(name);
      if (pipelineOfPlainAlias(alias) === undefined) await store.putAlias(alias, name);
      // As in AWS: one mapping for a one-topic pipeline (group connect-<name>), else one per topic and group.
      const group = (topics.length === 1 ? [topics] : topics.map((t) => [t])).map(
        (ts) => new EventSourceMapping(this.settingsOf(record, alias, ts, consumerGroupFor(name, ts[0]!, topics.length)), this.options.kafka, this.options.invoke, this.options.bootstrapServers, this.options.logger, store),
      );
      this.mappings.set(name, { version: record.version, topics: topics.join(','), group });
      try {
        await Promise.all(group.map((m) => m.start()));
      } catch (e) {
        this.options.logger.error(`could not start the event source mapping of ${name}`, { error: String(e) });
        this.mappings.delete(name);
        await Promise.all(group.map((m) => m.stop().catch(() => undefined)));
      }
    }
  }

  /** The running mappings of a pipeline, one per topic (what an ESM list would show). */
  mappingsOf(name: string): Array<{ topic: string; enabled: boolean; lastProcessingResult: string }> {
    const m = this.mappings.get(name);
    return m ? m.group.flatMap((g) => g.settings.topics.map((topic) => ({ topic, enabled: true, lastProcessingResult: g.health.lastProcessingResult }))) : [];
  }

  private async listTopics(): Promise<string[]> {
    const admin = this.options.kafka.admin();
    await admin.connect();
    try {
      return await admin.listTopics();
    } finally {
      await admin.disconnect();
    }
  }

  /** Names of the pipelines with a running mapping (for tests and the CLI's output). */
  get active(): string[] {
    return [...this.mappings.keys()];
  }

  private settingsOf(r: PipelineRecord, alias: string, topics: readonly string[], groupId: string): MappingSettings {
    const c = r.config;
    return {
      pipeline: r.name,
      groupId,
      topics,
      batchSize: Number(c['sluice.esm.batch.size'] ?? 500),
      batchingWindowMs: Number(c['sluice.esm.batching.window.ms'] ?? 500),
      fromBeginning: (c['sluice.esm.starting.position'] ?? 'TRIM_HORIZON') === 'TRIM_HORIZON',
      invokedFunctionArn: `${this.options.functionArn ?? 'arn:aws:lambda:local:000000000000:function:sluice-sink'}:${alias}`,
      timeoutMs: this.options.timeoutMs ?? 60_000,
      sessionTimeoutMs: this.options.sessionTimeoutMs ?? 30_000,
    };
  }
}
