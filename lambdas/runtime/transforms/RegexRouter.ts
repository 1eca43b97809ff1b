// Kafka's RegexRouter: renames the topic when the regex matches the whole topic name.
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import { withRecord } from '../../connect-api/data/ConnectRecord.js';
import { DataError } from '../../connect-api/errors.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { requiredKey } from './configKeys.js';
import { expandReplacement, fullMatchRegex, javaRegexValidator } from './javaRegex.js';
import { transformPlugin } from './plugin.js';

export const regexRouterConfigDef = new ConfigDef([
  requiredKey('regex', 'STRING', 'Regular expression to use for matching.', { validator: javaRegexValidator }),
  requiredKey('replacement', 'STRING', 'Replacement string.'),
]);

export function regexRouter(config: ParsedConfig): Transformation {
  const regex = fullMatchRegex(config.getString('regex')!);
  const replacement = config.getString('replacement')!;
  return {
    apply(record) {
      const match = regex.exec(record.topic);
      if (match === null) return record;
      try {
        return withRecord(record, { topic: expandReplacement(replacement, match) });
      } catch (e) {
        throw new DataError(`Invalid replacement ${replacement} for topic ${record.topic}: ${(e as Error).message}`, { cause: e });
      }
    },
  };
}

export const regexRouterPlugin = transformPlugin('RegexRouter', regexRouterConfigDef, regexRouter);
