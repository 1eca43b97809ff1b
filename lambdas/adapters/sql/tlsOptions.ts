// TLS options of a connection's settings, in the shape both node-postgres and mysql2 start from.
import { readFileSync } from 'node:fs';
import type { ConnectionSettings } from '../../runtime/config/urlParams.js';

export interface TlsOptions {
  readonly ca?: string;
  readonly rejectUnauthorized: boolean;
  /** Whether the certificate must name the host (mysql2's `verifyIdentity`; pg checks unless told otherwise). */
  readonly verifyIdentity: boolean;
}

/**
 * `require`: encrypted, the certificate is not checked (pgJDBC sslmode=require, Connector/J sslMode=REQUIRED);
 * `verify-ca`: the chain is checked, not the host name; `verify-full`: both. The CA file, when given, replaces Node's
 * bundled CAs. Undefined when TLS is off.
 */
export function tlsOptions(settings: ConnectionSettings): TlsOptions | undefined {
  if (settings.tls === 'disable') return undefined;
  if (settings.tls === 'require') return { rejectUnauthorized: false, verifyIdentity: false };
  const ca = settings.caFile !== undefined ? { ca: readFileSync(settings.caFile, 'utf8') } : {};
  return { ...ca, rejectUnauthorized: true, verifyIdentity: settings.tls === 'verify-full' };
}
