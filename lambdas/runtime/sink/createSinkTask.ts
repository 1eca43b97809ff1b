// Builds a WorkerSinkTask from a pipeline's flat config and the adapters it runs with: the connector is found by its
// class name in the plugin registry, and its task built through createTask (connect-api/connector.ts).
import { createConverters } from '../converters/createConverters.js';
import type { ErrorReporter } from '../errorhandling/ErrorContext.js';
import { DeadLetterQueueReporter } from '../errorhandling/DeadLetterQueueReporter.js';
import { LogReporter, ToleranceOperator } from '../errorhandling/ToleranceOperator.js';
import type { SinkTask, TaskContext } from '../../connect-api/connector.js';
import { ConfigError } from '../../connect-api/errors.js';
import type { PluginRegistry } from '../plugins/PluginRegistry.js';
import type { Clock } from '../ports/Clock.js';
import type { Logger } from '../ports/Logger.js';
import type { MetricsSink } from '../ports/MetricsSink.js';
import type { RecordProducer } from '../ports/RecordProducer.js';
import { taskContext } from '../taskContext.js';
import { TransformationChain } from '../transforms/TransformationChain.js';
import { metricsLevelOf } from '../metricSchema.js';
import { LeveledMetricsSink } from './LeveledMetricsSink.js';
import { WorkerSinkTask } from './WorkerSinkTask.js';
import { parseSinkTaskConfig } from './SinkTaskConfig.js';

export interface SinkTaskDeps {
  readonly registry: PluginRegistry;
  /** Builds the connector's task instead of the registry's connector (tests inject a task this way). */
  readonly createTask?: (props: Readonly<Record<string, string>>, context: TaskContext) => SinkTask;
  readonly metrics: MetricsSink;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Needed when errors.deadletterqueue.topic.name is set. */
  readonly producer?: RecordProducer;
}

/** The task of the sink connector `connector.class` names. */
export function connectorSinkTask(props: Readonly<Record<string, string>>, registry: PluginRegistry, context: TaskContext): SinkTask {
  const className = (props['connector.class'] ?? '').trim();
  const connector = registry.find(className, 'sink');
  if (connector?.type !== 'sink') throw new ConfigError(`No sink connector plugin named ${className === '' ? '(connector.class is not set)' : className}`, { key: 'connector.class' });
  return connector.createTask(props, context);
}

export function createSinkTask(props: Readonly<Record<string, string>>, deps: SinkTaskDeps): WorkerSinkTask {
  // The connector's task first: its config errors are the ones reported, as when the writer was built first.
  const context = taskContext(props['name'] ?? '', deps.logger);
  const task = deps.createTask ? deps.createTask(props, context) : connectorSinkTask(props, deps.registry, context);
  const config = parseSinkTaskConfig(props);
  const reporters: ErrorReporter[] = [];
  // A skipped record is never dropped without a trace: with no DLQ it is always logged, with its coordinates.
  if (config.logErrors || config.dlqTopic === undefined) {
    reporters.push(new LogReporter(`${config.name}-0`, config.logIncludeMessages || config.dlqTopic === undefined, (m) => deps.logger.error(m)));
  }
  let deadLetters: DeadLetterQueueReporter | undefined;
  if (config.dlqTopic !== undefined) {
    if (!deps.producer) throw new ConfigError('errors.deadletterqueue.topic.name is set but no Kafka producer is configured', { key: 'errors.deadletterqueue.topic.name' });
    deadLetters = new DeadLetterQueueReporter(deps.producer, config.dlqTopic, config.name, 0, config.dlqContextHeaders);
    reporters.push(deadLetters);
  }
  return new WorkerSinkTask({
    config,
    converters: createConverters(props, deps.registry),
    transforms: TransformationChain.fromConfig(props, deps.registry),
    task,
    operator: new ToleranceOperator(config.tolerance, reporters, deps.clock),
    metrics: new LeveledMetricsSink(deps.metrics, metricsLevelOf(props)),
    clock: deps.clock,
    ...(deadLetters ? { deadLetters } : {}),
  });
}
