// The JDBC connectors as plugins (connect-api SinkConnector / SourceConnector): Confluent's class names, and
// vendor-style class names that name a database (com.example.OracleSinkConnector), which force that dialect.
// The tasks' code is imported when a pipeline first starts its task, so a function that only validates configs
// (the API) or runs the other kind of pipeline never loads it; lib/bundling.ts (CONNECTOR_TASK_IMPORTS) names these
// import specifiers to leave them out of the functions that run no such task.
import type { SinkConnector, SinkTask, SourceConnector, SourceTask, TaskContext } from '../../connect-api/connector.js';
import type { DialectName } from './DialectName.js';
import { jdbcSinkConfigDef, validateJdbcSink } from './JdbcSinkConnector.js';
import { jdbcSourceConfigDef, validateJdbcSource } from './JdbcSourceConnector.js';
import { type JdbcSinkConfig, parseJdbcSinkConfig } from './sink/JdbcSinkConfig.js';
import { type JdbcSourceConfig, parseJdbcSourceConfig } from './source/JdbcSourceConfig.js';
import { checkJdbcSourceOffsets } from './source/offsetChecks.js';

export const JDBC_CONNECTOR_VERSION = '10.7.4-sluice';

/** Set when the class name itself names a database (e.g. com.example.OracleSinkConnector). */
export interface JdbcConnectorExtras {
  readonly forcedDialect?: DialectName;
}

/** Loads once on first call (a failed load is tried again next time); `loaded` is what a load gave, if any. */
function onFirstUse<T>(load: () => Promise<T>): { get: () => Promise<T>; loaded: () => Promise<T | undefined> } {
  let task: Promise<T> | undefined;
  return {
    get: () => {
      task ??= load().catch((e: unknown) => {
        task = undefined;
        throw e;
      });
      return task;
    },
    loaded: async () => (task ? task.catch(() => undefined) : undefined),
  };
}

/** A task whose implementation is imported on first use; `close` before any use loads nothing. */
function lazySinkTask(load: () => Promise<SinkTask>): SinkTask {
  const { get, loaded } = onFirstUse(load);
  return {
    start: async () => {
      await (await get()).start?.();
    },
    put: async (records) => (await get()).put(records),
    close: async () => {
      await (await loaded())?.close();
    },
  };
}

/** The same for a source task. */
function lazySourceTask(load: () => Promise<SourceTask>): SourceTask {
  const { get, loaded } = onFirstUse(load);
  return {
    start: async () => {
      await (await get()).start?.();
    },
    poll: async (context) => (await get()).poll(context),
    commit: async () => {
      await (await get()).commit?.();
    },
    lag: async (deadline) => (await get()).lag?.(deadline),
    close: async () => {
      await (await loaded())?.close();
    },
  };
}

function jdbcSourceTask(config: JdbcSourceConfig, context: TaskContext): SourceTask {
  return lazySourceTask(async () => (await import('./source/createJdbcSourceTask.js')).createJdbcSourceTask(config, context));
}

function jdbcSinkTask(config: JdbcSinkConfig, _context: TaskContext): SinkTask {
  return lazySinkTask(async () => new (await import('./sink/JdbcSinkTask.js')).JdbcSinkTask(config));
}

/** The sink plugin for a class name; a vendor-style class that names a database passes that dialect. */
export function jdbcSinkPluginFor(className: string, forcedDialect?: DialectName): SinkConnector & JdbcConnectorExtras {
  return {
    type: 'sink',
    className,
    version: JDBC_CONNECTOR_VERSION,
    configDef: jdbcSinkConfigDef,
    taskClass: 'io.sluice.connect.jdbc.sink.JdbcSinkTask',
    ...(forcedDialect ? { forcedDialect } : {}),
    validate: (props) => validateJdbcSink(props, forcedDialect),
    // The config is parsed here, so that a pipeline whose config does not parse fails when its task is built.
    createTask: (props, context) => jdbcSinkTask(parseJdbcSinkConfig(props, forcedDialect), context),
  };
}

export const jdbcSinkConnector = jdbcSinkPluginFor('io.confluent.connect.jdbc.JdbcSinkConnector');

/** The source plugin for a class name; a vendor-style class that names a database passes that dialect. */
export function jdbcSourcePluginFor(className: string, forcedDialect?: DialectName): SourceConnector & JdbcConnectorExtras {
  return {
    type: 'source',
    className,
    version: JDBC_CONNECTOR_VERSION,
    configDef: jdbcSourceConfigDef,
    taskClass: 'io.sluice.connect.jdbc.source.JdbcSourceTask',
    ...(forcedDialect ? { forcedDialect } : {}),
    validate: (props) => validateJdbcSource(props, forcedDialect),
    createTask: (props, context) => jdbcSourceTask(parseJdbcSourceConfig(props, forcedDialect), context),
    alterOffsets: (_props, offsets) => checkJdbcSourceOffsets(offsets),
  };
}

export const jdbcSourceConnector = jdbcSourcePluginFor('io.confluent.connect.jdbc.JdbcSourceConnector');
