// `sluice standalone`'s command line and environment, read once into the options it starts with. A mistyped option
// or a port that is not a number is a UsageError naming it (and the nearest valid option), never a Node stack.
import { parseArgs } from 'node:util';
import { nearest } from './nearest.js';
import { UsageError } from './UsageError.js';

export interface StandaloneArgs {
  readonly help: boolean;
  readonly host: string;
  readonly restPort: number;
  readonly kafkaPort: number;
  /** undefined with --in-memory. */
  readonly dataDir: string | undefined;
  /** From KAFKA_BROKERS; empty runs the embedded broker. */
  readonly kafkaBrokers: readonly string[];
  /** The embedded schema registry's port; false with --no-schema-registry or --schema-registry-url. */
  readonly schemaRegistryPort: number | false;
  /** --schema-registry-url: an external registry, used instead of the embedded one. */
  readonly schemaRegistryUrl: string | undefined;
  /** Plugin folders: every --plugin-path (each may be comma-separated), else SLUICE_PLUGIN_PATH split on ':'. */
  readonly pluginPath: readonly string[];
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  'in-memory': { type: 'boolean' },
  'kafka-port': { type: 'string' },
  'schema-registry-port': { type: 'string' },
  'schema-registry-url': { type: 'string' },
  'no-schema-registry': { type: 'boolean' },
  'plugin-path': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

const NAMES: readonly string[] = Object.keys(OPTIONS);
const SHORTS: readonly string[] = Object.values(OPTIONS).flatMap((o) => ('short' in o ? [o.short] : []));

/** Rejects an option the command does not have, suggesting the nearest one it does. */
function rejectUnknown(argv: readonly string[]): void {
  for (const arg of argv) {
    if (arg === '--') return;
    if (!arg.startsWith('-') || arg === '-') continue;
    const long = arg.startsWith('--');
    const name = long ? arg.slice(2).split('=')[0]! : arg.slice(1);
    if (long ? NAMES.includes(name) : SHORTS.includes(name)) continue;
    const guess = nearest(name, NAMES);
    throw new UsageError(`unknown option ${arg}${guess ? ` (did you mean --${guess}?)` : ''}`);
  }
}

function port(value: string, from: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new UsageError(`${from} must be a port number from 0 to 65535 (0 picks a free one), not '${value}'`);
  return n;
}

function parse(argv: readonly string[]) {
  rejectUnknown(argv);
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true }).values;
  } catch (e) {
    // Node's own wording for a missing value or a stray argument, without its hint about '--'.
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS_')) throw e;
    throw new UsageError((e as Error).message.split('. ')[0]!);
  }
}

export function parseStandaloneArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): StandaloneArgs {
  const values = parse(argv);
  const rest = values.port !== undefined ? port(values.port, '--port') : port(env['SLUICE_REST_PORT'] ?? '8083', 'SLUICE_REST_PORT');
  const kafka = values['kafka-port'] !== undefined ? port(values['kafka-port'], '--kafka-port') : port(env['SLUICE_KAFKA_PORT'] ?? '9092', 'SLUICE_KAFKA_PORT');
  const registryUrl = values['schema-registry-url'];
  if (registryUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(registryUrl)) throw new UsageError(`--schema-registry-url must be an http:// or https:// URL, not '${registryUrl}'`);
  const registryPort = values['schema-registry-port'] !== undefined ? port(values['schema-registry-port'], '--schema-registry-port') : port(env['SLUICE_SCHEMA_REGISTRY_PORT'] ?? '8081', 'SLUICE_SCHEMA_REGISTRY_PORT');
  return {
    help: values.help ?? false,
    host: values.host ?? '127.0.0.1',
    restPort: rest,
    kafkaPort: kafka,
    dataDir: values['in-memory'] ? undefined : (values['data-dir'] ?? env['SLUICE_DATA_DIR'] ?? '.sluice'),
    kafkaBrokers: (env['KAFKA_BROKERS'] ?? '').split(',').filter((b) => b !== ''),
    schemaRegistryPort: registryUrl !== undefined || values['no-schema-registry'] ? false : registryPort,
    schemaRegistryUrl: registryUrl,
    pluginPath: values['plugin-path'] !== undefined ? values['plugin-path'].flatMap((p) => p.split(',')).filter((p) => p !== '') : (env['SLUICE_PLUGIN_PATH'] ?? '').split(':').filter((p) => p !== ''),
  };
}
