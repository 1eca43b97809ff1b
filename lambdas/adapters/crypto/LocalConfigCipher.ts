// ConfigCipher for standalone mode, which has no KMS: AES-256-GCM with a 32-byte key kept in a file of the data
// directory (created with mode 0600 on first use), or in memory when there is no data directory (nothing outlives the
// process then anyway). The seal context is the GCM additional data, as KMS binds its encryption context.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ConfigCipher, SealContext } from '../../runtime/ports/ConfigCipher.js';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function aad(context: SealContext): Buffer {
  return Buffer.from(JSON.stringify(Object.entries(context).sort(([a], [b]) => a.localeCompare(b))), 'utf8');
}

/** The key in `path`, created when absent. */
export function loadOrCreateKey(path: string): Buffer {
  if (existsSync(path)) {
    const key = readFileSync(path);
    if (key.length !== KEY_BYTES) throw new Error(`${path} is not a ${KEY_BYTES}-byte key`);
    return key;
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(KEY_BYTES);
  writeFileSync(path, key, { mode: 0o600, flag: 'wx' });
  return key;
}

export class LocalConfigCipher implements ConfigCipher {
  constructor(private readonly key: Buffer = randomBytes(KEY_BYTES)) {
    if (key.length !== KEY_BYTES) throw new Error(`the config key must be ${KEY_BYTES} bytes`);
  }

  static fromKeyFile(path: string): LocalConfigCipher {
    return new LocalConfigCipher(loadOrCreateKey(path));
  }

  async seal(plaintext: string, context: SealContext): Promise<string> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(aad(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  async open(sealed: string, context: SealContext): Promise<string> {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES)).setAAD(aad(context));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
