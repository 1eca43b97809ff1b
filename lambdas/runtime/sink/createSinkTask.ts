// Builds a SinkTask from a pipeline's flat config and the adapters it runs with.
import { createConverters } from '../converters/createConverters.js';
import type { ErrorReporter } from '../errorhandling/ErrorContext.js';
import { DeadLetterQueueReporter } from '../errorhandling/DeadLetterQueueReporter.js';
import { LogReporter, ToleranceOperator } from '../errorhandling/ToleranceOperator.js';
import { ConfigError } from '../../connect-api/errors.js';
import type { PluginRegistry } from '../plugins/PluginRegistry.js';
import type { Clock } from '../ports/Clock.js';
import type { Logger } from '../ports/Logger.js';
import type { MetricsSink } from '../ports/MetricsSink.js';
import type { RecordProducer } from '../ports/RecordProducer.js';
import { TransformationChain } from '../transforms/TransformationChain.js';
import { SinkTask, type SinkRecordWriter } from './WorkerSinkTask.js';
import { parseSinkTaskConfig } from './SinkTaskConfig.js';

export interface SinkTaskDeps {
  readonly registry: PluginRegistry;
  readonly writer: SinkRecordWriter;
  readonly metrics: MetricsSink;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Needed when errors.deadletterqueue.topic.name is set. */
  readonly producer?: RecordProducer;
}

export function createSinkTask(props: Readonly<Record<string, string>>, deps: SinkTaskDeps): SinkTask {
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
  return new SinkTask({
    config,
    converters: createConverters(props, deps.registry),
    transforms: TransformationChain.fromConfig(props, deps.registry),
    writer: deps.writer,
    operator: new ToleranceOperator(config.tolerance, reporters, deps.clock),
    metrics: deps.metrics,
    clock: deps.clock,
    ...(deadLetters ? { deadLetters } : {}),
  });
}
