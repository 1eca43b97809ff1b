// Builds a WorkerSourceTask from a pipeline's (secret-resolved) config and the adapters it runs with: the connector
// is found by its class name in the plugin registry, and its task built through createTask (connect-api/connector.ts).
import type { SourceTask, TaskContext } from '../../connect-api/connector.js';
import { ConfigError } from '../../connect-api/errors.js';
import { sourceFrameworkConfigDef } from '../config/frameworkConfig.js';
import { createConverters } from '../converters/createConverters.js';
import type { ErrorReporter } from '../errorhandling/ErrorContext.js';
import { LogReporter, type Tolerance, ToleranceOperator } from '../errorhandling/ToleranceOperator.js';
import type { PluginRegistry } from '../plugins/PluginRegistry.js';
import type { Clock } from '../ports/Clock.js';
import type { Logger } from '../ports/Logger.js';
import type { MetricsSink } from '../ports/MetricsSink.js';
import type { PipelineStore } from '../ports/PipelineStore.js';
import type { RecordProducer } from '../ports/RecordProducer.js';
import { taskContext } from '../taskContext.js';
import { TransformationChain } from '../transforms/TransformationChain.js';
import { WorkerSourceTask } from './WorkerSourceTask.js';

/** poll.interval.ms when the connector's config has none (kafka-connect-jdbc's default). */
export const DEFAULT_POLL_INTERVAL_MS = 5000;

export interface SourceTaskEnv {
  readonly registry: PluginRegistry;
  readonly store: PipelineStore;
  readonly producer: RecordProducer;
  readonly metrics: MetricsSink;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly owner: string;
  /** Builds the connector's task instead of the registry's connector (tests inject a task this way). */
  readonly createTask?: (props: Readonly<Record<string, string>>, context: TaskContext) => SourceTask;
}

/** The task of the source connector `connector.class` names. */
export function connectorSourceTask(props: Readonly<Record<string, string>>, registry: PluginRegistry, context: TaskContext): SourceTask {
  const className = (props['connector.class'] ?? '').trim();
  const connector = registry.find(className, 'source');
  if (connector?.type !== 'source') throw new ConfigError(`No source connector plugin named ${className === '' ? '(connector.class is not set)' : className}`, { key: 'connector.class' });
  return connector.createTask(props, context);
}

export function createSourceTask(props: Readonly<Record<string, string>>, version: number, env: SourceTaskEnv): WorkerSourceTask {
  // The connector's task first: its config errors are the ones reported.
  const context = taskContext(props['name'] ?? '', env.logger);
  const task = env.createTask ? env.createTask(props, context) : connectorSourceTask(props, env.registry, context);
  const c = sourceFrameworkConfigDef.parse(props);
  const name = c.getString('name')!;
  const interval = props['poll.interval.ms']?.trim() ?? '';
  // A skipped record is never dropped without a trace: tolerated failures are always logged (there is no DLQ for sources).
  const reporters: ErrorReporter[] = [new LogReporter(`${name}-0`, c.getBoolean('errors.log.include.messages'), (m) => env.logger.error(m))];
  return new WorkerSourceTask({
    config: { name, pollIntervalMs: /^\d+$/.test(interval) ? Number(interval) : DEFAULT_POLL_INTERVAL_MS },
    task,
    store: env.store,
    producer: env.producer,
    converters: createConverters(props, env.registry),
    transforms: TransformationChain.fromConfig(props, env.registry),
    operator: new ToleranceOperator(c.getString('errors.tolerance') as Tolerance, reporters, env.clock),
    metrics: env.metrics,
    clock: env.clock,
    logger: env.logger,
    owner: env.owner,
    version,
  });
}
