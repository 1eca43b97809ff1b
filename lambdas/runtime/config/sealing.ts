// Password-type config values are stored sealed (ports/ConfigCipher): the api seals them before the store write, the
// tasks open them after the read; no table item holds them in clear. A sealed value is the token
// ${sluice:sealed:<base64url>}: the whole value of a password key, or the password inside a *.url value
// (postgres://user:${sluice:sealed:…}@host/db, …?password=${sluice:sealed:…}), so the URL keeps its shape and the
// API's masking hides the token as it hides a password.
import { ConfigError } from '../../connect-api/errors.js';
import type { ConfigOpener, ConfigSealer, SealContext } from '../ports/ConfigCipher.js';

const TOKEN = /\$\{sluice:sealed:([A-Za-z0-9_-]+)\}/g;
const WHOLE_TOKEN = /^\$\{sluice:sealed:[A-Za-z0-9_-]+\}$/;
/** ${secretsmanager:…} and other provider references are references, not secrets: they stay as they are. */
const REFERENCE = /^\$\{[^}]+\}$/;
/** The password of a URL's userinfo (scheme://user:password@host) and of a `password=` query or property. */
export const URL_USERINFO_PASSWORD = /(\/\/[^/:@?#]+:)([^@/?#]*)(@)/;
export const URL_QUERY_PASSWORD = /([?&;]password=)([^&;]*)/gi;

/** The context every value of a pipeline is sealed with. */
export function sealContext(pipeline: string): SealContext {
  return { 'sluice:pipeline': pipeline };
}

export function isSealed(value: string): boolean {
  return WHOLE_TOKEN.test(value);
}

async function sealText(text: string, cipher: ConfigSealer, context: SealContext): Promise<string> {
  if (text === '' || REFERENCE.test(text) || isSealed(text)) return text;
  return `\${sluice:sealed:${await cipher.seal(text, context)}}`;
}

async function replaceAsync(value: string, re: RegExp, replace: (match: RegExpExecArray) => Promise<string>): Promise<string> {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let out = '';
  let last = 0;
  for (let m = global.exec(value); m; m = global.exec(value)) {
    out += value.slice(last, m.index) + (await replace(m));
    last = m.index + m[0].length;
  }
  return out + value.slice(last);
}

/** The password inside a URL sealed in place; the rest of the URL as it was. */
async function sealUrl(url: string, cipher: ConfigSealer, context: SealContext): Promise<string> {
  const userinfo = await replaceAsync(url, URL_USERINFO_PASSWORD, async (m) => `${m[1]}${await sealText(m[2] ?? '', cipher, context)}${m[3]}`);
  return replaceAsync(userinfo, URL_QUERY_PASSWORD, async (m) => `${m[1]}${await sealText(m[2] ?? '', cipher, context)}`);
}

/** The config with every password-type value (`isPassword(key)`) and every password inside a *.url value sealed. */
export async function sealConfig(
  config: Readonly<Record<string, string>>,
  isPassword: (key: string) => boolean,
  cipher: ConfigSealer,
  context: SealContext,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (isPassword(key)) out[key] = await sealText(value, cipher, context);
    else if (key.endsWith('.url')) out[key] = await sealUrl(value, cipher, context);
    else out[key] = value;
  }
  return out;
}

/** The config with every sealed token replaced by its value; a sealed value without a cipher is a config error. */
export async function openConfig(config: Readonly<Record<string, string>>, cipher: ConfigOpener | undefined, context: SealContext): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (!value.includes('${sluice:sealed:')) {
      out[key] = value;
      continue;
    }
    if (!cipher) throw new ConfigError(`Config key ${key} holds a sealed value, but no config cipher is configured here (SLUICE_CONFIG_KEY_ARN)`, { key });
    out[key] = await replaceAsync(value, TOKEN, (m) => cipher.open(m[1] ?? '', context));
  }
  return out;
}
