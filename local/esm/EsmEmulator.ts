// Standalone mode's Lambda event source mappings, as the resources port sees them (LocalResources): create, update,
// enable, disable and delete a mapping. Which mappings exist is decided by the lifecycle reconciler, exactly as in
// AWS; an enabled mapping is a running consumer (EventSourceMapping) in its group, a disabled one has left the group.
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { EsmSpec, ObservedEsm } from '../../lambdas/runtime/lifecycle/plan.js';
import { aliasForPipeline, pipelineOfPlainAlias } from '../../lambdas/runtime/pipelineAlias.js';
import type { Logger } from '../../lambdas/runtime/ports/Logger.js';
import type { PipelineStore } from '../../lambdas/runtime/ports/PipelineStore.js';
import { EventSourceMapping, type InvokeSink } from './EventSourceMapping.js';

export interface EsmEmulatorOptions {
  readonly kafka: Kafka;
  readonly invoke: InvokeSink;
  readonly bootstrapServers: string;
  readonly logger: Logger;
  /**
   * Where a mapping records a record it cannot read (the task FAILED with the reason), and where a hashed alias's
   * pipeline is looked up; without it, a problem is only logged (under the alias, for a hashed one).
   */
  readonly store?: PipelineStore;
  /** @default 'arn:aws:lambda:local:000000000000:function:sluice-sink' */
  readonly functionArn?: string;
  /** The sink function's timeout, as getRemainingTimeInMillis sees it. @default 60000 */
  readonly timeoutMs?: number;
  /** The consumers' group session timeout. @default 30000 */
  readonly sessionTimeoutMs?: number;
}

export interface EsmChangesLocal {
  readonly enabled?: boolean;
  readonly batchSize?: number;
  readonly windowSeconds?: number;
}

interface Mapping {
  readonly uuid: string;
  readonly alias: string;
  /** The pipeline the alias serves: what the consumer's log lines, problems and FAILED status name. */
  readonly pipeline: string;
  spec: EsmSpec;
  enabled: boolean;
  consumer: EventSourceMapping | undefined;
}

export class EsmEmulator {
  private readonly mappings = new Map<string, Mapping>();

  constructor(private readonly options: EsmEmulatorOptions) {}

  get functionArn(): string {
    return this.options.functionArn ?? 'arn:aws:lambda:local:000000000000:function:sluice-sink';
  }

  /** The mappings that target an alias (ListEventSourceMappings on the alias ARN). */
  list(alias: string): ObservedEsm[] {
    return [...this.mappings.values()]
      .filter((m) => m.alias === alias)
      .map((m) => ({ ...m.spec, uuid: m.uuid, enabled: m.enabled, active: m.consumer !== undefined }));
  }

  async create(alias: string, spec: EsmSpec, enabled: boolean): Promise<string> {
    const mapping: Mapping = { uuid: randomUUID(), alias, pipeline: await this.pipelineOf(alias), spec, enabled: false, consumer: undefined };
    this.mappings.set(mapping.uuid, mapping);
    if (enabled) await this.enable(mapping);
    return mapping.uuid;
  }

  /** Batch size or window changes restart the consumer with the new settings (Lambda's Updating state). */
  async update(uuid: string, changes: EsmChangesLocal): Promise<void> {
    const m = this.mappings.get(uuid);
    if (!m) return;
    const resized = (changes.batchSize ?? m.spec.batchSize) !== m.spec.batchSize || (changes.windowSeconds ?? m.spec.windowSeconds) !== m.spec.windowSeconds;
    m.spec = { ...m.spec, ...(changes.batchSize === undefined ? {} : { batchSize: changes.batchSize }), ...(changes.windowSeconds === undefined ? {} : { windowSeconds: changes.windowSeconds }) };
    const enabled = changes.enabled ?? m.enabled;
    if (!enabled || resized) await this.disable(m);
    if (enabled) await this.enable(m);
  }

  async delete(uuid: string): Promise<void> {
    const m = this.mappings.get(uuid);
    if (!m) return;
    this.mappings.delete(uuid);
    await this.disable(m);
  }

  /** Stops every consumer (the process is shutting down; the mappings are in memory only). */
  async stop(): Promise<void> {
    const all = [...this.mappings.values()];
    this.mappings.clear();
    await Promise.all(all.map((m) => this.disable(m)));
  }

  /** The mappings of a pipeline, one per topic, in Lambda's state names (for the status endpoint). */
  mappingsOf(name: string): Array<{ topic: string; uuid: string; state: 'Enabling' | 'Enabled' | 'Disabling' | 'Disabled'; lastProcessingResult?: string }> {
    const state = (m: ObservedEsm) => (m.enabled ? (m.active ? 'Enabled' : 'Enabling') : m.active ? 'Disabling' : 'Disabled');
    return this.list(aliasForPipeline(name)).map((m) => {
      const health = this.mappings.get(m.uuid)?.consumer?.health;
      return { topic: m.topic, uuid: m.uuid, state: state(m), ...(health ? { lastProcessingResult: health.lastProcessingResult } : {}) };
    });
  }

  /** Names of the pipelines with a polling mapping. */
  get active(): string[] {
    return [...new Set([...this.mappings.values()].filter((m) => m.consumer).map((m) => m.pipeline))];
  }

  /**
   * The pipeline an alias serves: a plain alias names it, a hashed one is looked up where the reconciler recorded it
   * before creating the mapping (as the sink handler resolves it); without a store, the alias itself.
   */
  private async pipelineOf(alias: string): Promise<string> {
    return pipelineOfPlainAlias(alias) ?? (await this.options.store?.getAliasPipeline(alias)) ?? alias;
  }

  private async enable(m: Mapping): Promise<void> {
    m.enabled = true;
    if (m.consumer) return;
    const { spec, alias } = m;
    const consumer = new EventSourceMapping(
      {
        pipeline: m.pipeline,
        groupId: spec.consumerGroup,
        topics: [spec.topic],
        batchSize: spec.batchSize,
        batchingWindowMs: spec.windowSeconds * 1000,
        fromBeginning: spec.startingPosition === 'TRIM_HORIZON',
        invokedFunctionArn: `${this.functionArn}:${alias}`,
        timeoutMs: this.options.timeoutMs ?? 60_000,
        sessionTimeoutMs: this.options.sessionTimeoutMs ?? 30_000,
      },
      this.options.kafka,
      this.options.invoke,
      this.options.bootstrapServers,
      this.options.logger,
      this.options.store,
    );
    try {
      await consumer.start();
      m.consumer = consumer;
    } catch (e) {
      // Observed as disabled, so the next reconcile enables it again (Lambda would keep retrying as well).
      m.enabled = false;
      await consumer.stop().catch(() => undefined);
      throw e;
    }
  }

  /** Stops consuming: the batch in flight commits if it was written, then the consumer leaves its group. */
  private async disable(m: Mapping): Promise<void> {
    m.enabled = false;
    const consumer = m.consumer;
    if (!consumer) return;
    await consumer.stop();
    if (m.consumer === consumer) m.consumer = undefined;
  }
}
