// Before a batch is converted, converters that read a schema registry fetch the schemas the batch's records name:
// once per batch and topic, never per record. A rejection (registry unreachable) fails the invocation, so the ESM
// redelivers the batch; records whose schema the registry does not have fail one by one during conversion.
import type { ConverterSet } from '../converters/createConverters.js';
import type { RawRecord } from './mskEvent.js';

export async function prefetchSchemas(converters: ConverterSet, raws: readonly RawRecord[]): Promise<void> {
  const key = converters.key.converter;
  const value = converters.value.converter;
  if (key.prefetch === undefined && value.prefetch === undefined) return;
  const byTopic = new Map<string, RawRecord[]>();
  for (const r of raws) {
    let list = byTopic.get(r.topic);
    if (list === undefined) {
      list = [];
      byTopic.set(r.topic, list);
    }
    list.push(r);
  }
  for (const [topic, list] of byTopic) {
    await Promise.all([key.prefetch?.(topic, list.map((r) => r.key)), value.prefetch?.(topic, list.map((r) => r.value))]);
  }
}
