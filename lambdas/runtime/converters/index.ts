// The built-in converters and header converters, registered by Kafka's class names.
import type { ConverterPlugin, HeaderConverterPlugin } from '../plugins/types.js';

export const converterPlugins: readonly ConverterPlugin[] = [];
export const headerConverterPlugins: readonly HeaderConverterPlugin[] = [];
