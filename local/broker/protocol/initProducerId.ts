// InitProducerId (22) v0-1.
// Request:  transactional_id nullable string | transaction_timeout_ms int32
// Response: throttle_time_ms int32 | error_code int16 | producer_id int64 | producer_epoch int16
import type { Reader } from './Reader.js';
import type { Writer } from './Writer.js';

export function decodeInitProducerIdRequest(r: Reader, _version: number): { transactionalId: string | null } {
  const transactionalId = r.nullableString();
  r.int32();
  return { transactionalId };
}

export function encodeInitProducerIdResponse(
  w: Writer,
  _version: number,
  res: { errorCode: number; producerId: number; producerEpoch: number },
): void {
  w.int32(0).int16(res.errorCode).int64(res.producerId).int16(res.producerEpoch);
}
