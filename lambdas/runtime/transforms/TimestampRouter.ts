// Kafka's TimestampRouter: topic from a format of ${topic} and the record timestamp (UTC).
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import { withRecord } from '../../connect-api/data/ConnectRecord.js';
import { ConfigError, DataError } from '../../connect-api/errors.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { optionalKey } from './configKeys.js';
import { transformPlugin } from './plugin.js';
import { SimpleDateFormat } from './SimpleDateFormat.js';

export const timestampRouterConfigDef = new ConfigDef([
  optionalKey('topic.format', 'STRING', '${topic}-${timestamp}', 'Format string which can contain <code>${topic}</code> and <code>${timestamp}</code> as placeholders for the topic and timestamp, respectively.', { importance: 'HIGH' }),
  optionalKey('timestamp.format', 'STRING', 'yyyyMMdd', 'Format string for the timestamp that is compatible with <code>java.text.SimpleDateFormat</code>.', { importance: 'HIGH' }),
]);

export function timestampRouter(config: ParsedConfig): Transformation {
  const topicFormat = config.getString('topic.format')!;
  let format: SimpleDateFormat;
  try {
    format = new SimpleDateFormat(config.getString('timestamp.format')!);
  } catch (e) {
    throw new ConfigError(`Invalid value ${config.getString('timestamp.format')} for configuration timestamp.format: ${(e as Error).message}`, {
      key: 'timestamp.format',
      cause: e,
    });
  }
  return {
    apply(record) {
      if (record.timestamp === null) throw new DataError(`Timestamp missing on record: topic=${record.topic}, partition=${record.kafkaPartition}`);
      const timestamp = format.format(new Date(record.timestamp));
      return withRecord(record, { topic: topicFormat.replaceAll('${topic}', record.topic).replaceAll('${timestamp}', timestamp) });
    },
  };
}

export const timestampRouterPlugin = transformPlugin('TimestampRouter', timestampRouterConfigDef, timestampRouter);
