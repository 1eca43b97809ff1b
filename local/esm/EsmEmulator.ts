// Standalone mode's stand-in for the controller + Lambda's MSK event source mappings: it watches the store and keeps
// one EventSourceMapping per RUNNING sink pipeline (none while PAUSED, STOPPED, FAILED or deleted), restarting it
// when the pipeline's config version changes. Changes through the API take effect within `pollIntervalMs`.
import type { Kafka } from 'kafkajs';
import { sinkGroupId } from '../../lambdas/runtime/connector/OffsetsManager.js';
import { aliasForPipeline, pipelineOfPlainAlias } from '../../lambdas/runtime/pipelineAlias.js';
import type { Logger } from '../../lambdas/runtime/ports/Logger.js';
import { PollingLoop } from '../PollingLoop.js';
import type { PipelineRecord, PipelineStore } from '../../lambdas/runtime/ports/PipelineStore.js';
import { EventSourceMapping, type InvokeSink } from './EventSourceMapping.js';

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
}

export class EsmEmulator {
  private readonly mappings = new Map<string, { version: number; mapping: EventSourceMapping }>();
  private readonly loop: PollingLoop;

  constructor(private readonly options: EsmEmulatorOptions) {
    this.loop = new PollingLoop('ESM emulator reconcile', () => this.reconcile(), options.pollIntervalMs ?? 500, options.logger);
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await Promise.all([...this.mappings.values()].map((m) => m.mapping.stop()));
    this.mappings.clear();
  }

  /** Brings the running mappings in line with the store once. */
  async reconcile(): Promise<void> {
    const { store } = this.options;
    const wanted = new Map<string, PipelineRecord>();
    for (const r of await store.list()) {
      if (r.type !== 'sink' || r.targetState !== 'RUNNING') continue;
      const task0 = (await store.getStatus(r.name))?.tasks.find((t) => t.id === 0);
      if (task0?.state !== 'FAILED') wanted.set(r.name, r);
    }
    for (const [name, current] of this.mappings) {
      const want = wanted.get(name);
      if (!want || want.version !== current.version) {
        this.mappings.delete(name);
        await current.mapping.stop();
      }
    }
    for (const [name, r] of wanted) {
      if (this.mappings.has(name)) continue;
      const alias = aliasForPipeline(name);
      if (pipelineOfPlainAlias(alias) === undefined) await store.putAlias(alias, name);
      const mapping = new EventSourceMapping(this.settingsOf(r, alias), this.options.kafka, this.options.invoke, this.options.bootstrapServers, this.options.logger);
      this.mappings.set(name, { version: r.version, mapping });
      await mapping.start().catch(async (e: unknown) => {
        this.options.logger.error(`could not start the event source mapping of ${name}`, { error: String(e) });
        this.mappings.delete(name);
        await mapping.stop().catch(() => undefined);
      });
    }
  }

  /** The running mapping's topics of a pipeline (what an ESM list would show). */
  mappingsOf(name: string): Array<{ topic: string; enabled: boolean }> {
    const m = this.mappings.get(name);
    if (!m) return [];
    const s = m.mapping.settings;
    return (s.topicsRegex ? [s.topicsRegex.source] : s.topics).map((topic) => ({ topic, enabled: true }));
  }

  /** Names of the pipelines with a running mapping (for tests and the CLI's output). */
  get active(): string[] {
    return [...this.mappings.keys()];
  }

  private settingsOf(r: PipelineRecord, alias: string) {
    const c = r.config;
    const regex = (c['topics.regex'] ?? '').trim();
    return {
      pipeline: r.name,
      groupId: sinkGroupId(r.name),
      topics: (c['topics'] ?? '').split(',').map((t) => t.trim()).filter((t) => t !== ''),
      ...(regex !== '' ? { topicsRegex: new RegExp(`^(?:${regex})$`) } : {}),
      batchSize: Number(c['sluice.esm.batch.size'] ?? 500),
      batchingWindowMs: Number(c['sluice.esm.batching.window.ms'] ?? 500),
      fromBeginning: (c['sluice.esm.starting.position'] ?? 'TRIM_HORIZON') === 'TRIM_HORIZON',
      invokedFunctionArn: `${this.options.functionArn ?? 'arn:aws:lambda:local:000000000000:function:sluice-sink'}:${alias}`,
      timeoutMs: this.options.timeoutMs ?? 60_000,
    };
  }
}
