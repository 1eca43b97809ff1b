// Keys every converter accepts (Kafka's ConverterConfig): the framework sets `converter.type`.
import type { ConfigKey } from '../../connect-api/config/ConfigDef.js';
import { oneOf } from '../../connect-api/config/validators.js';

export type ConverterType = 'key' | 'value' | 'header';

export const CONVERTER_TYPE_CONFIG = 'converter.type';

export const converterTypeKey: ConfigKey = {
  name: CONVERTER_TYPE_CONFIG,
  type: 'STRING',
  default: null,
  validator: oneOf(['key', 'value', 'header']),
  importance: 'LOW',
  documentation: 'How this converter will be used.',
};
