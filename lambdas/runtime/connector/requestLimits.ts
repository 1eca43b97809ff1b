// What the store can hold, checked before anything is written: a connector name must be a usable key (at most 255
// characters, valid Unicode, addressable by a path: no '/', not '.' or '..'), and a config must fit in the one
// DynamoDB item that keeps a pipeline ("Items": 400 KB including attribute names, in UTF-8, see the AWS docs
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html and CapacityUnitCalculations.html).
import { ConfigError } from '../../connect-api/errors.js';

export const NAME_MAX = 255;
/** DynamoDB's item size limit (400 KB, names and values in UTF-8) less room for the pipeline's other attributes. */
export const CONFIG_MAX_BYTES = 400 * 1024 - 8 * 1024;

/** A lone surrogate: text that is not valid Unicode (it would be stored as U+FFFD, another name). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

export function checkName(name: string): void {
  if (name.length > NAME_MAX) throw new ConfigError(`Invalid value ${name.slice(0, 40)}... for configuration name: String must be at most ${NAME_MAX} characters`, { key: 'name' });
  if (hasLoneSurrogate(name)) throw new ConfigError(`Invalid value ${JSON.stringify(name)} for configuration name: String is not valid Unicode (it contains a lone surrogate)`, { key: 'name' });
  if (name.includes('/')) throw new ConfigError(`Invalid value ${name} for configuration name: connector names may not contain '/'`, { key: 'name' });
  if (name === '.' || name === '..') throw new ConfigError(`Invalid value ${name} for configuration name: connector names may not be '.' or '..'`, { key: 'name' });
}

/** Every key and value is valid Unicode, and the whole map fits in the store's item. */
export function checkConfigSize(config: Readonly<Record<string, string | null>>): void {
  let bytes = 0;
  for (const [k, v] of Object.entries(config)) {
    if (hasLoneSurrogate(k)) throw new ConfigError(`Configuration key ${JSON.stringify(k)} is not valid Unicode (it contains a lone surrogate)`, { key: k });
    if (v !== null && hasLoneSurrogate(v)) throw new ConfigError(`Invalid value for configuration ${k}: String is not valid Unicode (it contains a lone surrogate)`, { key: k });
    bytes += Buffer.byteLength(k, 'utf8') + (v === null ? 0 : Buffer.byteLength(v, 'utf8')) + 4;
  }
  if (bytes > CONFIG_MAX_BYTES) {
    throw new ConfigError(`Connector configuration is too large: ${bytes} bytes; a pipeline's configuration is kept in one DynamoDB item and may be at most ${CONFIG_MAX_BYTES} bytes (the item limit is 400 KB)`);
  }
}
