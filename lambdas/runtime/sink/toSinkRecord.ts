// Raw consumed bytes -> a SinkRecord, converting key, then value, then headers (WorkerSinkTask's order).
// Any failure becomes a ConversionError naming the stage and converter class; the raw bytes stay on the record.
import type { ConnectHeader, SinkRecord } from '../../connect-api/data/ConnectRecord.js';
import { Schemas } from '../../connect-api/data/Schema.js';
import type { NamedConverter, NamedHeaderConverter } from '../converters/createConverters.js';
import type { SchemaAndValue } from '../../connect-api/plugins.js';
import { type ConversionStage, ConversionError } from './ConversionError.js';
import type { RawRecord } from './mskEvent.js';

const NO_HEADERS: readonly ConnectHeader[] = Object.freeze([]);

function conversionError(name: ConversionStage, className: string, raw: RawRecord, e: unknown): ConversionError {
  const reason = e instanceof Error ? e.message : String(e);
  return new ConversionError(
    `Executing stage '${name}' with class '${className}' failed for record {topic='${raw.topic}', partition=${raw.partition}, offset=${raw.offset}}: ${reason}`,
    { stage: name, converterClass: className, cause: e },
  );
}

/** The record's headers as key/value converters see them (Kafka passes the raw headers): BYTES values. */
function rawHeaders(raw: RawRecord): readonly ConnectHeader[] {
  if (raw.headers.length === 0) return NO_HEADERS;
  return raw.headers.map((h) => ({ key: h.key, schema: Schemas.OPTIONAL_BYTES, value: h.value }));
}

export function convertRecord(raw: RawRecord, key: NamedConverter, value: NamedConverter, header: NamedHeaderConverter): SinkRecord {
  const headersIn = rawHeaders(raw);
  // One try per record rather than a closure per stage: the stage that threw is the one last named.
  let stage: ConversionStage = 'KEY_CONVERTER';
  let className = key.className;
  let k: SchemaAndValue;
  let v: SchemaAndValue;
  let headers: readonly ConnectHeader[];
  try {
    k = key.converter.toConnectData(raw.topic, headersIn, raw.key);
    stage = 'VALUE_CONVERTER';
    className = value.className;
    v = value.converter.toConnectData(raw.topic, headersIn, raw.value);
    stage = 'HEADER_CONVERTER';
    className = header.className;
    headers =
      raw.headers.length === 0
        ? NO_HEADERS
        : raw.headers.map((h): ConnectHeader => {
            const converted = header.converter.toConnectHeader(raw.topic, h.key, h.value);
            return { key: h.key, schema: converted.schema, value: converted.value };
          });
  } catch (e) {
    throw conversionError(stage, className, raw, e);
  }
  return Object.freeze({
    topic: raw.topic,
    kafkaPartition: raw.partition,
    keySchema: k.schema,
    key: k.value,
    valueSchema: v.schema,
    value: v.value,
    timestamp: raw.timestamp,
    headers,
    kafkaOffset: raw.offset,
    timestampType: raw.timestampType,
    originalTopic: raw.topic,
    originalKafkaPartition: raw.partition,
    originalKafkaOffset: raw.offset,
    // The raw record itself (frozen, and a RawKafkaRecord): no second object per record to allocate and keep.
    raw,
  });
}
