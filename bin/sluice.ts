#!/usr/bin/env -S node --import tsx
// The Sluice CLI: `sluice standalone` runs Kafka Connect's REST API and tasks in one local process; `sluice connectors`,
// `plugins` and `validate` manage the connectors of such an API or of a deployed stack; `sluice proxy` makes a
// deployed stack's signed API a local unsigned one for the tools that cannot sign.
import { startStandalone } from '../local/standalone.js';
import { serveUi } from '../local/ui/serveUi.js';
import { banner } from './cli/banner.js';
import { runConnectCli } from './cli/connect/program.js';
import { demoCommand } from './cli/demoCommand.js';
import { nearest } from './cli/nearest.js';
import { parseStandaloneArgs } from './cli/standaloneArgs.js';
import { explainStartupError } from './cli/startupErrors.js';
import { stopOnSignals } from './cli/stopOnSignals.js';
import { UsageError } from './cli/UsageError.js';
import { COMMANDS, USAGE } from './cli/usage.js';

// Sluice runs on Node 20 or later; the SDK's notice that its 2027 releases need Node 22 is not for this CLI's users.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

async function standalone(argv: readonly string[]): Promise<void> {
  const args = parseStandaloneArgs(argv, process.env);
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const handle = await startStandalone({
    restPort: args.restPort,
    kafkaPort: args.kafkaPort,
    host: args.host,
    ...(args.dataDir !== undefined ? { dataDir: args.dataDir } : {}),
    kafkaBrokers: args.kafkaBrokers,
    schemaRegistryPort: args.schemaRegistryPort,
    ...(args.schemaRegistryUrl !== undefined ? { schemaRegistryUrl: args.schemaRegistryUrl } : {}),
    pluginPath: args.pluginPath,
  });
  process.stdout.write(banner(args, handle));
  stopOnSignals(() => handle.stop(), {
    on: (signal, listener) => process.on(signal, listener),
    exit: (code) => process.exit(code),
    log: (line) => console.log(line),
    error: (e) => console.error(e),
  });
}

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'standalone':
      return standalone(rest);
    case 'connectors':
    case 'plugins':
    case 'validate':
      process.exitCode = await runConnectCli(argv, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
      return;
    case 'proxy':
      process.exitCode = await runConnectCli(argv, {
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
        // The web console is served locally, same origin as the proxied API: its requests are then signed like any other.
        localRoutes: { ui: serveUi },
        // Nothing is in flight that a stop could lose: a signal closes the server and exits.
        started: (proxy) => {
          for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void proxy.stop().finally(() => process.exit(0)));
        },
      });
      return;
    case 'demo':
      await demoCommand();
      process.exit(0);
      return;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return;
    default: {
      const guess = nearest(command, COMMANDS);
      throw new UsageError(`unknown command '${command}'${guess ? ` (did you mean ${guess}?)` : ''}`);
    }
  }
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  // What the user can fix is told in words, with no stack; anything else is a bug and keeps its stack.
  if (e instanceof UsageError) {
    process.stderr.write(`sluice: ${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const explained = explainStartupError(e);
  if (explained === undefined) throw e;
  process.stderr.write(`sluice: cannot start: ${explained}\n`);
  process.exit(1);
}
