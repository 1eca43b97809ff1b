// Shared test helpers: condition waits, a raw Kafka-protocol client for byte-level tests,
// and a minimal v2 record batch builder.
import { connect, type Socket } from 'node:net';
import { crc32c } from '../../../local/broker/protocol/crc32c.js';
import { Reader } from '../../../local/broker/protocol/Reader.js';
import { Writer } from '../../../local/broker/protocol/Writer.js';

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A bare protocol client: writes request frames (header v1) and reads response frames in order. */
export class RawClient {
  private buffered = Buffer.alloc(0);
  private readonly frames: Buffer[] = [];
  private readonly waiters: Array<{ resolve: (f: Buffer) => void; reject: (e: Error) => void }> = [];
  private correlationId = 1;
  closed = false;
  readonly closedPromise: Promise<void>;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      while (this.buffered.length >= 4 && this.buffered.length >= 4 + this.buffered.readInt32BE(0)) {
        const size = this.buffered.readInt32BE(0);
        const frame = this.buffered.subarray(4, 4 + size);
        this.buffered = this.buffered.subarray(4 + size);
        const waiter = this.waiters.shift();
        if (waiter) waiter.resolve(frame);
        else this.frames.push(frame);
      }
    });
    this.closedPromise = new Promise((resolve) => {
      socket.on('close', () => {
        this.closed = true;
        for (const w of this.waiters.splice(0)) w.reject(new Error('connection closed'));
        resolve();
      });
    });
    socket.on('error', () => {});
  }

  static connect(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  get pendingFrames(): number {
    return this.frames.length;
  }

  sendRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** Sends a request with header v1; returns its correlation id. */
  send(apiKey: number, version: number, body: Buffer | Writer, clientId = 'raw-test'): number {
    const id = this.correlationId++;
    const payload = body instanceof Writer ? body.toBuffer() : body;
    const header = new Writer().int16(apiKey).int16(version).int32(id).string(clientId).toBuffer();
    const size = Buffer.alloc(4);
    size.writeInt32BE(header.length + payload.length);
    this.socket.write(Buffer.concat([size, header, payload]));
    return id;
  }

  /** The next response frame, as a Reader positioned after the correlation id (which it returns too). */
  next(): Promise<{ correlationId: number; r: Reader }> {
    const frame = this.frames.shift();
    const got = frame
      ? Promise.resolve(frame)
      : this.closed
        ? Promise.reject(new Error('connection closed'))
        : new Promise<Buffer>((resolve, reject) => this.waiters.push({ resolve, reject }));
    return got.then((f) => {
      const r = new Reader(f);
      return { correlationId: r.int32(), r };
    });
  }

  async request(apiKey: number, version: number, body: Buffer | Writer): Promise<Reader> {
    const id = this.send(apiKey, version, body);
    const res = await this.next();
    if (res.correlationId !== id) throw new Error(`correlation id ${res.correlationId}, expected ${id}`);
    return res.r;
  }

  close(): void {
    this.socket.destroy();
  }
}

export interface TestRecord {
  key: string | null;
  value: string | null;
  timestampDelta?: number;
}

/** Builds an uncompressed v2 record batch (CRC-32C included). */
export function buildBatch(opts: {
  records: TestRecord[];
  firstTimestamp?: number;
  producerId?: number;
  producerEpoch?: number;
  baseSequence?: number;
}): Buffer {
  const firstTimestamp = opts.firstTimestamp ?? Date.now();
  const body = new Writer();
  opts.records.forEach((rec, i) => {
    const r = new Writer().int8(0).varint(rec.timestampDelta ?? 0).varint(i);
    for (const field of [rec.key, rec.value]) {
      if (field === null) r.varint(-1);
      else {
        const b = Buffer.from(field);
        r.varint(b.length).raw(b);
      }
    }
    r.varint(0);
    const recBytes = r.toBuffer();
    body.varint(recBytes.length).raw(recBytes);
  });
  const records = body.toBuffer();
  const maxDelta = Math.max(0, ...opts.records.map((r) => r.timestampDelta ?? 0));
  const h = new Writer()
    .int64(0)
    .int32(49 + records.length)
    .int32(-1)
    .int8(2)
    .int32(0)
    .int16(0)
    .int32(opts.records.length - 1)
    .int64(firstTimestamp)
    .int64(firstTimestamp + maxDelta)
    .int64(opts.producerId ?? -1)
    .int16(opts.producerEpoch ?? -1)
    .int32(opts.baseSequence ?? -1)
    .int32(opts.records.length);
  const batch = Buffer.concat([h.toBuffer(), records]);
  batch.writeUInt32BE(crc32c(batch, 21), 17);
  return batch;
}

/** Body of a Produce v3..v8 request for one partition. */
export function produceBody(topic: string, partition: number, batch: Buffer, acks = -1): Writer {
  return new Writer()
    .nullableString(null)
    .int16(acks)
    .int32(30_000)
    .array([topic], (w, t) => {
      w.string(t).array([partition], (w2, p) => {
        w2.int32(p).nullableBytes(batch);
      });
    });
}

/** Reads a Produce v3..v8 response for one partition: error code and base offset. */
export function readProduceResponse(r: Reader): { errorCode: number; baseOffset: number } {
  r.int32();
  r.string();
  r.int32();
  r.int32();
  return { errorCode: r.int16(), baseOffset: r.int64() };
}

/** Body of a Fetch v4 request for one partition. */
export function fetchBody(topic: string, partition: number, offset: number, maxWaitMs: number, minBytes: number): Writer {
  return new Writer()
    .int32(-1)
    .int32(maxWaitMs)
    .int32(minBytes)
    .int32(10 * 1024 * 1024)
    .int8(0)
    .array([topic], (w, t) => {
      w.string(t).array([partition], (w2, p) => {
        w2.int32(p).int64(offset).int32(1024 * 1024);
      });
    });
}

/** Reads a Fetch v4 response for one partition. */
export function readFetchResponse(r: Reader): { errorCode: number; highWatermark: number; records: Buffer | null } {
  r.int32();
  r.int32();
  r.string();
  r.int32();
  r.int32();
  const errorCode = r.int16();
  const highWatermark = r.int64();
  r.int64();
  r.nullableArray((r2) => [r2.int64(), r2.int64()]);
  return { errorCode, highWatermark, records: r.nullableBytes() };
}
