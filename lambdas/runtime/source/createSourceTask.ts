// Builds a SourceTask from a pipeline's (secret-resolved) config and the adapters it runs with.
import { createConverters } from '../converters/createConverters.js';
import { dialectFor } from '../../connectors/jdbc/dialects/index.js';
import type { ErrorReporter } from '../errorhandling/ErrorContext.js';
import { LogReporter, ToleranceOperator } from '../errorhandling/ToleranceOperator.js';
import type { PluginRegistry } from '../plugins/PluginRegistry.js';
import type { JdbcConnectorExtras } from '../../connectors/jdbc/plugins.js';
import type { DialectName } from '../../connectors/jdbc/DialectName.js';
import type { Clock } from '../ports/Clock.js';
import type { Logger } from '../ports/Logger.js';
import type { MetricsSink } from '../ports/MetricsSink.js';
import type { PipelineStore } from '../ports/PipelineStore.js';
import type { RecordProducer } from '../ports/RecordProducer.js';
import { TransformationChain } from '../transforms/TransformationChain.js';
import { parseJdbcSourceConfig } from '../../connectors/jdbc/source/JdbcSourceConfig.js';
import type { SourceConnector } from '../../connectors/jdbc/source/SourceSql.js';
import { SourceTask } from './WorkerSourceTask.js';

export interface SourceTaskEnv {
  readonly registry: PluginRegistry;
  /** The reader for a database kind. */
  readonly connectorFor: (dialect: DialectName) => SourceConnector;
  readonly store: PipelineStore;
  readonly producer: RecordProducer;
  readonly metrics: MetricsSink;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly owner: string;
}

export function createSourceTask(props: Readonly<Record<string, string>>, version: number, env: SourceTaskEnv): SourceTask {
  const plugin = env.registry.find((props['connector.class'] ?? '').trim(), 'source');
  const config = parseJdbcSourceConfig(props, plugin?.type === 'source' ? (plugin as JdbcConnectorExtras).forcedDialect : undefined);
  // A skipped record is never dropped without a trace: tolerated failures are always logged (there is no DLQ for sources).
  const reporters: ErrorReporter[] = [new LogReporter(`${config.name}-0`, config.logIncludeMessages, (m) => env.logger.error(m))];
  return new SourceTask({
    config,
    dialect: dialectFor(config.dialect, { quoteIdentifiers: config.quoteIdentifiers, timezone: config.timezone }),
    connector: env.connectorFor(config.dialect),
    store: env.store,
    producer: env.producer,
    converters: createConverters(props, env.registry),
    transforms: TransformationChain.fromConfig(props, env.registry),
    operator: new ToleranceOperator(config.tolerance, reporters, env.clock),
    metrics: env.metrics,
    clock: env.clock,
    logger: env.logger,
    owner: env.owner,
    version,
  });
}
