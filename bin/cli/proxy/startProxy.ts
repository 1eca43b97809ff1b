// The proxy's HTTP server: loopback only unless asked, since whoever reaches the port acts with the user's AWS
// credentials.
import { createServer, type Server } from 'node:http';
import { isIP } from 'node:net';
import { UsageError } from '../UsageError.js';
import { type ProxyOptions, proxyHandler } from './proxyHandler.js';

export const DEFAULT_PROXY_PORT = 8083;
export const DEFAULT_PROXY_BIND = '127.0.0.1';

export interface ProxyServerOptions extends ProxyOptions {
  /** @default 8083 (0 picks a free port) */
  readonly port?: number;
  /** @default 127.0.0.1 */
  readonly bind?: string;
  /** Listen on an address other hosts can reach. @default false */
  readonly allowRemote?: boolean;
}

export interface ProxyHandle {
  /** http://127.0.0.1:8083 */
  readonly url: string;
  stop(): Promise<void>;
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and localhost. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

export async function startProxy(options: ProxyServerOptions): Promise<ProxyHandle> {
  const bind = options.bind ?? DEFAULT_PROXY_BIND;
  if (!isLoopback(bind) && options.allowRemote !== true) {
    throw new UsageError(`refusing to listen on ${bind}: anyone who reaches it calls the API with your AWS credentials; add --allow-remote if that is what you want`);
  }
  const server: Server = createServer(proxyHandler(options));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' || e.code === 'EACCES' || e.code === 'EADDRNOTAVAIL' ? new UsageError(`cannot listen on ${bind}:${options.port ?? DEFAULT_PROXY_PORT} (${e.code}): choose another --port or --bind`) : e));
    server.listen(options.port ?? DEFAULT_PROXY_PORT, bind, () => resolve());
  });
  const { port } = server.address() as { port: number };
  const host = bind.includes(':') ? `[${bind}]` : bind;
  return {
    url: `http://${host}:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
