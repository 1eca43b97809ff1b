import { describe, expect, it } from 'vitest';
import { explainStartupError } from '../../../bin/cli/startupErrors.js';
import { DataDirInUseError } from '../../../local/dataDirLock.js';
import { PortUnavailableError } from '../../../local/listen.js';

describe('explaining a start-up failure', () => {
  it('names a taken port and the option and variable that move it', () => {
    expect(explainStartupError(new PortUnavailableError('rest', '127.0.0.1', 8083, 'EADDRINUSE'))).toBe(
      'port 8083 on 127.0.0.1 (the Kafka Connect REST API) is already in use, perhaps by another `npm start`.\n' +
        '  Stop that process, or choose another port: --port <n> (e.g. npm start -- --port 8084) or SLUICE_REST_PORT.',
    );
  });

  it("names the schema registry's option, and the way to use the registry already there", () => {
    expect(explainStartupError(new PortUnavailableError('schema-registry', '127.0.0.1', 8081, 'EADDRINUSE'))).toBe(
      'port 8081 on 127.0.0.1 (the embedded schema registry) is already in use, perhaps by another `npm start` or a schema registry.\n' +
        '  Stop that process, or choose another port: --schema-registry-port <n> (e.g. npm start -- --schema-registry-port 8082) or SLUICE_SCHEMA_REGISTRY_PORT.\n' +
        '  To use the registry listening there instead: npm start -- --schema-registry-url http://127.0.0.1:8081',
    );
  });

  it('offers a port above 1023 for one that needs privileges', () => {
    expect(explainStartupError(new PortUnavailableError('kafka', '0.0.0.0', 92, 'EACCES'))).toBe(
      'port 92 on 0.0.0.0 (the embedded Kafka broker) needs privileges this process does not have.\n' +
        '  Choose another port: --kafka-port <n> (e.g. npm start -- --kafka-port 8092) or SLUICE_KAFKA_PORT.',
    );
  });

  it('points at --host for an address this machine does not have', () => {
    expect(explainStartupError(new PortUnavailableError('rest', '10.9.9.9', 8083, 'EADDRNOTAVAIL'))).toMatch(/^10\.9\.9\.9 is not an address of this machine.*\n {2}Choose another with --host <addr>/);
    expect(explainStartupError(new PortUnavailableError('rest', 'nowhere.invalid', 8083, 'ENOTFOUND'))).toMatch(/^nowhere\.invalid does not resolve to an address/);
  });

  it('names the process holding the data directory and the ways around it', () => {
    expect(explainStartupError(new DataDirInUseError('.sluice', 4242))).toBe(
      'the data directory .sluice is in use by process 4242 (another `npm start`?).\n' +
        '  Stop that process, or choose another directory: --data-dir <dir> or SLUICE_DATA_DIR, or --in-memory.',
    );
  });

  it('leaves anything else to be reported with its stack', () => {
    expect(explainStartupError(new Error('boom'))).toBeUndefined();
  });
});
