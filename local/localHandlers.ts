// The sink and source functions' handlers as standalone mode wires them: the same handlers, with local adapters.
import type { Kafka } from 'kafkajs';
import { KafkaRecordProducer } from '../lambdas/adapters/kafka/KafkaRecordProducer.js';
import type { InMemoryMetricsSink } from '../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import type { PluginRegistry } from '../lambdas/runtime/plugins/PluginRegistry.js';
import type { Clock } from '../lambdas/runtime/ports/Clock.js';
import type { ConfigOpener } from '../lambdas/runtime/ports/ConfigCipher.js';
import type { Logger } from '../lambdas/runtime/ports/Logger.js';
import type { PipelineStore } from '../lambdas/runtime/ports/PipelineStore.js';
import type { SinkTask, TaskContext } from '../lambdas/connect-api/connector.js';
import type { TaskRuntime } from '../lambdas/runtime/PipelineTasks.js';
import { createSinkHandler, type SinkHandler } from '../lambdas/sink/createSinkHandler.js';
import { createSourceHandler, type SourceHandler } from '../lambdas/source/createSourceHandler.js';
import { SourcePipelines, type SourceRuntime } from '../lambdas/source/SourcePipelines.js';
import { SinkPipelines, type SinkRuntime } from '../lambdas/sink/SinkPipelines.js';

export interface LocalSinkOptions {
  readonly store: PipelineStore;
  readonly registry: PluginRegistry;
  readonly kafka: Kafka;
  readonly metrics: InMemoryMetricsSink;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly workerId: string;
  /** Opens the sealed password values the API stored (the standalone key, adapters/crypto/LocalConfigCipher.ts). */
  readonly cipher?: ConfigOpener;
  /** Replaces the connector's sink task (tests of the emulators that are not about the target system). */
  readonly createSinkTask?: (config: Readonly<Record<string, string>>, context: TaskContext) => SinkTask;
}

/** The adapters every task function shares in standalone mode. */
function taskRuntime(options: LocalSourceOptions): TaskRuntime {
  return {
    store: options.store,
    registry: options.registry,
    metrics: options.metrics,
    clock: options.clock,
    logger: options.logger,
    ...(options.cipher ? { cipher: options.cipher } : {}),
  };
}

export function localSinkHandler(options: LocalSinkOptions): { handler: SinkHandler; tasks: SinkPipelines['cache']; close(): Promise<void> } {
  const producer = new KafkaRecordProducer(options.kafka);
  const runtime: SinkRuntime = {
    ...taskRuntime(options),
    ...(options.createSinkTask ? { createTask: options.createSinkTask } : {}),
    producer: () => producer,
  };
  const pipelines = new SinkPipelines(runtime);
  return {
    handler: createSinkHandler(runtime, pipelines, options.workerId),
    tasks: pipelines.cache,
    close: async () => {
      await pipelines.close();
      await producer.close();
    },
  };
}

export type LocalSourceOptions = Omit<LocalSinkOptions, 'createSinkTask'>;

/** The source function's handler as standalone mode wires it: the same handler, with local adapters. */
export function localSourceHandler(options: LocalSourceOptions): { handler: SourceHandler; tasks: SourcePipelines['cache']; close(): Promise<void> } {
  const producer = new KafkaRecordProducer(options.kafka);
  const runtime: SourceRuntime = {
    ...taskRuntime(options),
    producer,
  };
  const pipelines = new SourcePipelines(runtime, `${options.workerId}/source`);
  return {
    handler: createSourceHandler(runtime, pipelines, options.workerId),
    tasks: pipelines.cache,
    close: async () => {
      await pipelines.close();
      await producer.close();
    },
  };
}
