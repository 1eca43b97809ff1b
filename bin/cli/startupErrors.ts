// A start-up failure the user can fix, told as what to do: which port or directory is taken and which option
// (or environment variable) moves it. Anything else is a bug and keeps its stack.
import { DataDirInUseError } from '../../local/dataDirLock.js';
import { PortUnavailableError } from '../../local/listen.js';

const PORT_OPTIONS = {
  rest: { what: 'the Kafka Connect REST API', option: '--port', env: 'SLUICE_REST_PORT', holder: 'another `npm start`' },
  kafka: { what: 'the embedded Kafka broker', option: '--kafka-port', env: 'SLUICE_KAFKA_PORT', holder: 'another `npm start` or a Kafka' },
  'schema-registry': { what: 'the embedded schema registry', option: '--schema-registry-port', env: 'SLUICE_SCHEMA_REGISTRY_PORT', holder: 'another `npm start` or a schema registry' },
} as const;

function portMessage(e: PortUnavailableError): string {
  const o = PORT_OPTIONS[e.listener];
  if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') {
    return [
      `${e.host} ${e.code === 'ENOTFOUND' ? 'does not resolve to an address' : 'is not an address of this machine'}, so ${o.what} cannot listen there.`,
      '  Choose another with --host <addr>: 127.0.0.1 (this machine only, the default) or 0.0.0.0 (every interface).',
    ].join('\n');
  }
  const other = e.port < 1024 ? e.port + 8000 : e.port + 1;
  const lines = [
    e.code === 'EADDRINUSE'
      ? `port ${e.port} on ${e.host} (${o.what}) is already in use, perhaps by ${o.holder}.`
      : `port ${e.port} on ${e.host} (${o.what}) needs privileges this process does not have.`,
    `  ${e.code === 'EADDRINUSE' ? 'Stop that process, or choose' : 'Choose'} another port: ${o.option} <n> (e.g. npm start -- ${o.option} ${other}) or ${o.env}.`,
  ];
  if (e.listener === 'kafka' && e.code === 'EADDRINUSE') lines.push(`  To use the Kafka listening there instead: KAFKA_BROKERS=${e.host}:${e.port} npm start`);
  if (e.listener === 'schema-registry' && e.code === 'EADDRINUSE') lines.push(`  To use the registry listening there instead: npm start -- --schema-registry-url http://${e.host}:${e.port}`);
  return lines.join('\n');
}

/** The message for a failure the user can fix, or undefined for anything else. */
export function explainStartupError(e: unknown): string | undefined {
  if (e instanceof PortUnavailableError) return portMessage(e);
  if (e instanceof DataDirInUseError) {
    return [
      `the data directory ${e.dataDir} is in use by process ${e.pid} (another \`npm start\`?).`,
      '  Stop that process, or choose another directory: --data-dir <dir> or SLUICE_DATA_DIR, or --in-memory.',
    ].join('\n');
  }
  return undefined;
}
