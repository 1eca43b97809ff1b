// Binding a local server to its port, with an error that says which port and whose it is when the port is taken, so
// the CLI can tell the user which option moves it instead of printing Node's EADDRINUSE stack.
import type { Server } from 'node:net';

/** The servers standalone mode listens with on a configurable port. */
export type LocalListener = 'rest' | 'kafka' | 'schema-registry';

const UNAVAILABLE = ['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL', 'ENOTFOUND'] as const;
type UnavailableCode = (typeof UNAVAILABLE)[number];

export class PortUnavailableError extends Error {
  override readonly name = 'PortUnavailableError';

  constructor(
    readonly listener: LocalListener,
    readonly host: string,
    readonly port: number,
    /**
     * EADDRINUSE: another process listens there; EACCES: the port needs privileges this process lacks;
     * EADDRNOTAVAIL / ENOTFOUND: the host is not an address of this machine / does not resolve.
     */
    readonly code: UnavailableCode,
    options?: ErrorOptions,
  ) {
    super(`cannot listen on ${host}:${port} (${code})`, options);
  }
}

/** Listens on host:port (0 picks a free port), rejecting with PortUnavailableError when the port cannot be had. */
export function listen(server: Server, port: number, host: string, listener: LocalListener): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      const code = UNAVAILABLE.find((c) => c === e.code);
      reject(code ? new PortUnavailableError(listener, host, port, code, { cause: e }) : e);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
