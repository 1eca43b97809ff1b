// Record batch format v2 (magic 2), the only format this broker stores:
//   baseOffset int64 | batchLength int32 | partitionLeaderEpoch int32 | magic int8 | crc uint32
//   | attributes int16 | lastOffsetDelta int32 | baseTimestamp int64 | maxTimestamp int64
//   | producerId int64 | producerEpoch int16 | baseSequence int32 | records [count int32, Record...]
// The CRC-32C covers attributes..end, so rewriting baseOffset (and the leader epoch) keeps it valid.
// attributes: bits 0-2 compression (0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd), bit 3 timestamp type
// (1 = LogAppendTime), bit 4 transactional, bit 5 control batch.
// Record: length varint | attributes int8 | timestampDelta varlong | offsetDelta varint
//   | key varbytes | value varbytes | headers [count varint, (key varstring, value varbytes)...]
import { gunzipSync } from 'node:zlib';
import { crc32c } from './crc32c.js';
import { ErrorCode } from './errors.js';
import { Reader } from './Reader.js';

export const BATCH_HEADER_SIZE = 61;
const LENGTH_OFFSET = 8;
const MAGIC_OFFSET = 16;
const CRC_OFFSET = 17;
const ATTRIBUTES_OFFSET = 21;

export interface BatchInfo {
  baseOffset: number;
  lastOffsetDelta: number;
  firstTimestamp: number;
  maxTimestamp: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  recordCount: number;
  compression: number;
  isControl: boolean;
  /** The whole batch, from baseOffset to its last byte. */
  bytes: Buffer;
}

export interface DecodedRecord {
  offset: number;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: Array<{ key: string; value: Buffer | null }>;
}

export class BatchError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads the header of the batch at the start of `bytes` (which holds exactly one batch). */
export function readBatchInfo(bytes: Buffer): BatchInfo {
  const attributes = bytes.readInt16BE(ATTRIBUTES_OFFSET);
  return {
    baseOffset: Number(bytes.readBigInt64BE(0)),
    lastOffsetDelta: bytes.readInt32BE(23),
    firstTimestamp: Number(bytes.readBigInt64BE(27)),
    maxTimestamp: Number(bytes.readBigInt64BE(35)),
    producerId: Number(bytes.readBigInt64BE(43)),
    producerEpoch: bytes.readInt16BE(51),
    baseSequence: bytes.readInt32BE(53),
    recordCount: bytes.readInt32BE(57),
    compression: attributes & 0x07,
    isControl: (attributes & 0x20) !== 0,
    bytes,
  };
}

/** Size of the complete batch starting at `at`, or -1 if `buf` does not hold all of it yet. */
export function batchSizeAt(buf: Buffer, at: number): number {
  if (buf.length - at < LENGTH_OFFSET + 4) return -1;
  const size = LENGTH_OFFSET + 4 + buf.readInt32BE(at + LENGTH_OFFSET);
  return buf.length - at >= size ? size : -1;
}

/** Splits a produced records field into validated v2 batches (magic, sizes and CRC checked). */
export function splitBatches(records: Buffer): BatchInfo[] {
  const out: BatchInfo[] = [];
  let at = 0;
  while (at < records.length) {
    if (records.length - at < BATCH_HEADER_SIZE) throw new BatchError(ErrorCode.CORRUPT_MESSAGE, 'truncated batch header');
    const magic = records.readInt8(at + MAGIC_OFFSET);
    if (magic !== 2) throw new BatchError(ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT, `record batch magic ${magic}`);
    const size = batchSizeAt(records, at);
    if (size < BATCH_HEADER_SIZE) throw new BatchError(ErrorCode.CORRUPT_MESSAGE, 'batch length out of bounds');
    const bytes = records.subarray(at, at + size);
    const crc = bytes.readUInt32BE(CRC_OFFSET);
    if (crc32c(bytes, ATTRIBUTES_OFFSET) !== crc) throw new BatchError(ErrorCode.CORRUPT_MESSAGE, 'batch CRC-32C mismatch');
    const info = readBatchInfo(bytes);
    if (info.recordCount < 0 || info.lastOffsetDelta < 0 || info.lastOffsetDelta + 1 < info.recordCount) {
      throw new BatchError(ErrorCode.INVALID_RECORD, 'inconsistent record count and last offset delta');
    }
    out.push(info);
    at += size;
  }
  if (out.length === 0) throw new BatchError(ErrorCode.INVALID_RECORD, 'no record batch');
  return out;
}

/** Rewrites the baseOffset field in place (outside the CRC-covered range). */
export function setBaseOffset(batch: BatchInfo, baseOffset: number): void {
  batch.bytes.writeBigInt64BE(BigInt(baseOffset), 0);
  batch.baseOffset = baseOffset;
}

/** Decodes a batch's records (uncompressed or gzip; other codecs are stored but not read here). */
export function decodeRecords(batch: BatchInfo): DecodedRecord[] {
  let body = batch.bytes.subarray(BATCH_HEADER_SIZE);
  if (batch.compression === 1) body = gunzipSync(body);
  else if (batch.compression !== 0) {
    throw new BatchError(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, `compression codec ${batch.compression}`);
  }
  const r = new Reader(body);
  const out: DecodedRecord[] = [];
  for (let i = 0; i < batch.recordCount; i++) {
    const length = r.varint();
    const end = r.offset + length;
    r.int8();
    const timestamp = batch.firstTimestamp + r.varlong();
    const offset = batch.baseOffset + r.varint();
    const key = r.varBytes();
    const value = r.varBytes();
    const headerCount = r.varint();
    const headers: DecodedRecord['headers'] = [];
    for (let h = 0; h < headerCount; h++) {
      const hk = r.varBytes();
      headers.push({ key: hk ? hk.toString('utf8') : '', value: r.varBytes() });
    }
    r.offset = end;
    out.push({ offset, timestamp, key, value, headers });
  }
  return out;
}
