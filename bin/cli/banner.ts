// What `sluice standalone` prints once it serves: what runs where, where its data lives, how to reset and stop it.
import type { PluginPathReport } from '../../lambdas/adapters/plugins/loadPluginPath.js';
import type { StandaloneArgs } from './standaloneArgs.js';

export interface Serving {
  readonly url: string;
  readonly kafkaBootstrap: string;
  readonly schemaRegistryUrl?: string | undefined;
  /** The --plugin-path packages loaded and failed. */
  readonly plugins?: PluginPathReport;
}

/** One line per plugin class loaded from the plugin path, and one per package that failed, with its reason. */
function pluginLines(args: StandaloneArgs, report: PluginPathReport | undefined): string[] {
  if (args.pluginPath.length === 0 || !report) return [];
  const loaded = report.loaded.flatMap((pkg) => pkg.plugins.map((p) => `  plugin                   ${p.className}${p.version ? ` ${p.version}` : ''} (${pkg.source})`));
  const failed = report.failures.map((f) => `  plugin NOT LOADED        ${f.source}: ${f.reason}`);
  const none = loaded.length === 0 && failed.length === 0 ? [`  plugins                  none found in ${args.pluginPath.join(', ')}`] : [];
  return [...loaded, ...failed, ...none];
}

function shellWord(s: string): string {
  return /^[\w./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}

export function banner(args: StandaloneArgs, serving: Serving): string {
  const external = args.kafkaBrokers.length > 0;
  const embeddedRegistry = serving.schemaRegistryUrl !== undefined && args.schemaRegistryUrl === undefined;
  const kept = `${external ? 'pipelines and source offsets' : 'pipelines, offsets and Kafka topics'}${embeddedRegistry ? ', schemas' : ''}`;
  const lines = [
    'Sluice standalone',
    `  Kafka Connect REST API   ${serving.url}`,
    `  web console              ${serving.url}/ui`,
    `  Kafka                    ${serving.kafkaBootstrap}${external ? ' (KAFKA_BROKERS)' : ' (embedded broker)'}`,
    ...(serving.schemaRegistryUrl === undefined ? [] : [`  Schema Registry          ${serving.schemaRegistryUrl}${embeddedRegistry ? ' (embedded)' : ' (--schema-registry-url)'}`]),
    "  lifecycle                the controller's reconciler, as in AWS (every 500 ms)",
    '  sink pipelines           event source mapping emulator (consumer group connect-<name>)',
    '  source pipelines         scheduler emulator (every poll.interval.ms)',
    args.dataDir === undefined
      ? '  data                     in memory (--in-memory): gone when it stops'
      : `  data                     ${args.dataDir} (${kept}; kept across restarts)`,
    ...pluginLines(args, serving.plugins),
    `Try:   curl -s ${serving.url}/connector-plugins`,
    ...(args.dataDir === undefined ? [] : [`Reset: stop it, then rm -rf ${shellWord(args.dataDir)} (or start with --in-memory)`]),
    'Stop:  Ctrl-C (finishes the batch in flight first; Ctrl-C again forces)',
  ];
  return `${lines.join('\n')}\n`;
}
