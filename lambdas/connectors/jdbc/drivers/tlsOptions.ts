// TLS options of a connection's settings, in the shape both node-postgres and mysql2 start from.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ConnectionSettings } from '../config/urlParams.js';

export interface TlsOptions {
  readonly ca?: string;
  /** Client certificate authentication (PEM). */
  readonly cert?: string;
  /** The client key as an unencrypted PEM (an encrypted or DER key is opened with its passphrase here). */
  readonly key?: string;
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
  const client = clientCertificate(settings);
  if (settings.tls === 'require') return { ...client, rejectUnauthorized: false, verifyIdentity: false };
  const ca = settings.caFile !== undefined ? { ca: readFileSync(settings.caFile, 'utf8') } : {};
  return { ...ca, ...client, rejectUnauthorized: true, verifyIdentity: settings.tls === 'verify-full' };
}

/**
 * The client certificate and key (pgJDBC sslcert / sslkey / sslpassword). pgJDBC's default key format is DER PKCS-8
 * (`postgresql.pk8`), PEM is accepted too; either may be encrypted with the passphrase.
 */
function clientCertificate(settings: ConnectionSettings): { cert?: string; key?: string } {
  if (settings.certFile === undefined && settings.keyFile === undefined) return {};
  if (settings.certFile === undefined || settings.keyFile === undefined) throw new Error('sslcert and sslkey go together: client certificate authentication needs both files');
  const raw = readFileSync(settings.keyFile);
  const pem = raw.includes('-----BEGIN');
  const passphrase = settings.keyPassword;
  const key = createPrivateKey(pem ? { key: raw, format: 'pem', ...(passphrase !== undefined ? { passphrase } : {}) } : { key: raw, format: 'der', type: 'pkcs8', ...(passphrase !== undefined ? { passphrase } : {}) });
  return { cert: readFileSync(settings.certFile, 'utf8'), key: key.export({ format: 'pem', type: 'pkcs8' }).toString() };
}
