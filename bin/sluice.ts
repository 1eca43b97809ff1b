#!/usr/bin/env -S node --import tsx
// The Sluice CLI: `sluice standalone` runs Kafka Connect's REST API and tasks in one local process.
import { parseArgs } from 'node:util';
import { runDemo } from '../local/demo.js';
import { startStandalone } from '../local/standalone.js';

// Sluice runs on Node 20 or later; the SDK's notice that its 2027 releases need Node 22 is not for this CLI's users.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

const USAGE = `Usage: sluice <command> [options]

Commands:
  standalone   Run Sluice locally: the Kafka Connect REST API on 127.0.0.1:8083
               --port <n>        REST port (default 8083, env SLUICE_REST_PORT)
               --host <addr>     bind address (default 127.0.0.1)
               --data-dir <dir>  where pipelines are kept (default .sluice, env SLUICE_DATA_DIR)
               --in-memory       keep nothing on disk
               --kafka-port <n>  the embedded broker's port (default 9092, env SLUICE_KAFKA_PORT);
                                 with KAFKA_BROKERS set, that Kafka is used instead
  demo         A guided tour: sample records → a PostgreSQL sink pipeline → rows, then a table → a source
               pipeline → a topic. Uses DATABASE_URL if set, else an embedded PostgreSQL.
`;

async function standalone(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' }, 'in-memory': { type: 'boolean' }, 'kafka-port': { type: 'string' } },
    strict: true,
  });
  const port = Number(values.port ?? process.env['SLUICE_REST_PORT'] ?? 8083);
  const dataDir = values['in-memory'] ? undefined : (values['data-dir'] ?? process.env['SLUICE_DATA_DIR'] ?? '.sluice');
  const kafkaBrokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter((b) => b !== '');
  const kafkaPort = Number(values['kafka-port'] ?? process.env['SLUICE_KAFKA_PORT'] ?? 9092);
  const handle = await startStandalone({ restPort: port, kafkaPort, host: values.host ?? '127.0.0.1', ...(dataDir ? { dataDir } : {}), kafkaBrokers });
  console.log(`Sluice standalone (${dataDir ? `data kept in ${dataDir}` : 'in memory'})`);
  console.log(`  Kafka Connect REST API   ${handle.url}`);
  console.log(`  Kafka                    ${handle.kafkaBootstrap}${kafkaBrokers.length > 0 ? ' (KAFKA_BROKERS)' : ' (embedded broker)'}`);
  console.log("  lifecycle                the controller's reconciler, as in AWS (every 500 ms)");
  console.log('  sink pipelines           event source mapping emulator (consumer group connect-<name>)');
  console.log('  source pipelines         scheduler emulator (every poll.interval.ms)');
  console.log(`Try: curl -s ${handle.url}/connector-plugins`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    handle.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

const [command, ...rest] = process.argv.slice(2);
switch (command) {
  case 'standalone':
    await standalone(rest);
    break;
  case 'demo':
    await runDemo();
    process.exit(0);
    break;
  default:
    process.stdout.write(USAGE);
    process.exit(command === undefined || command === 'help' || command === '--help' ? 0 : 2);
}
