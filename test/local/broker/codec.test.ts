import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32c } from '../../../local/broker/protocol/crc32c.js';
import { ErrorCode } from '../../../local/broker/protocol/errors.js';
import { Reader } from '../../../local/broker/protocol/Reader.js';
import { BatchError, decodeRecords, splitBatches } from '../../../local/broker/protocol/recordBatch.js';
import { Writer } from '../../../local/broker/protocol/Writer.js';
import { buildBatch } from './helpers.js';

describe('protocol codecs', () => {
  it('computes CRC-32C check values, over short and long inputs alike', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(32))).toBe(0x8a9136aa);
    const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff));
    // Any split point of the fast path and the byte-at-a-time tail gives the same value.
    expect(crc32c(Buffer.concat([Buffer.alloc(3), data]), 3)).toBe(crc32c(data));
  });

  it('round-trips varints, varlongs, compact strings and nullable fields', () => {
    const w = new Writer().varint(-1).varint(300).uvarint(0x0fffffff).compactNullableString('hé').compactNullableString(null).nullableBytes(null).int64(-2);
    const r = new Reader(w.toBuffer());
    expect([r.varint(), r.varint(), r.uvarint(), r.compactNullableString(), r.compactNullableString(), r.nullableBytes(), r.int64()]).toEqual([
      -1, 300, 0x0fffffff, 'hé', null, null, -2,
    ]);
    expect(() => r.int8()).toThrow(/past the end/);
  });

  it('rejects a batch whose CRC does not match and reads gzip-compressed records', () => {
    const batch = buildBatch({ records: [{ key: 'k', value: 'v' }] });
    const corrupt = Buffer.from(batch);
    corrupt[corrupt.length - 2]! ^= 0xff;
    expect(() => splitBatches(corrupt)).toThrow(BatchError);
    try {
      splitBatches(corrupt);
    } catch (err) {
      expect((err as BatchError).code).toBe(ErrorCode.CORRUPT_MESSAGE);
    }
    const plain = buildBatch({ firstTimestamp: 1000, records: [{ key: 'a', value: '1', timestampDelta: 5 }, { key: null, value: null }] });
    const gz = Buffer.concat([plain.subarray(0, 61), gzipSync(plain.subarray(61))]);
    gz.writeInt32BE(gz.length - 12, 8);
    gz.writeInt16BE(1, 21);
    gz.writeUInt32BE(crc32c(gz, 21), 17);
    const [info] = splitBatches(gz);
    const records = decodeRecords(info!);
    expect(records.map((r) => [r.offset, r.timestamp, r.key?.toString() ?? null, r.value?.toString() ?? null])).toEqual([
      [0, 1005, 'a', '1'],
      [1, 1000, null, null],
    ]);
  });
});
