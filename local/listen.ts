// Binding a local server to its port, with an error that says which port and whose it is when the port is taken, so
// the CLI can tell the user which option moves it instead of printing Node's EADDRINUSE stack.
import type { Server } from 'node:net';

/** The servers standalone mode listens with on a configurable port. */
export type LocalListener = 'rest' | 'kafka';

export class PortUnavailableError extends Error {
  override readonly name = 'PortUnavailableError';

  constructor(
    readonly listener: LocalListener,
    readonly host: string,
    readonly port: number,
    /** EADDRINUSE: another process listens there; EACCES: the port needs privileges this process lacks. */
    readonly code: 'EADDRINUSE' | 'EACCES',
    options?: ErrorOptions,
  ) {
    super(`${host}:${port} ${code === 'EADDRINUSE' ? 'is already in use' : 'needs privileges to listen on'}`, options);
  }
}

/** Listens on host:port (0 picks a free port), rejecting with PortUnavailableError when the port cannot be had. */
export function listen(server: Server, port: number, host: string, listener: LocalListener): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      reject(e.code === 'EADDRINUSE' || e.code === 'EACCES' ? new PortUnavailableError(listener, host, port, e.code, { cause: e }) : e);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
