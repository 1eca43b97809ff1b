// One client connection: splits the byte stream into size-prefixed frames (int32 length, then
// the request), dispatches each request as soon as it arrives, and writes responses strictly in
// request order even when a later request finishes first (a parked Fetch or JoinGroup holds back
// the responses queued behind it, as in Kafka). A frame that is too large, has a malformed header,
// an unknown API key or an unsupported version closes this connection only.
import type { Socket } from 'node:net';
import { ApiKey, apiName, supportedApis } from './protocol/apiKeys.js';
import { encodeApiVersionsResponse } from './protocol/apiVersions.js';
import { ErrorCode } from './protocol/errors.js';
import { type RequestHeader, readRequestHeader, writeResponseHeader } from './protocol/header.js';
import { Reader } from './protocol/Reader.js';
import { Writer } from './protocol/Writer.js';
import type { BrokerContext, Handler } from './handlers/context.js';

export const MAX_FRAME_BYTES = 100 * 1024 * 1024;

interface Slot {
  done: boolean;
  chunks: Buffer[] | null;
}

export class Connection {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private readonly slots: Slot[] = [];
  private closed = false;
  private readonly clientHost: string;

  constructor(
    private readonly socket: Socket,
    private readonly broker: BrokerContext,
    private readonly handlers: ReadonlyMap<number, Handler>,
  ) {
    this.clientHost = `/${socket.remoteAddress ?? 'unknown'}`;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => {
      this.closed = true;
    });
  }

  close(reason?: string): void {
    if (reason !== undefined) this.broker.logger.warn(`closing connection from ${this.clientHost}: ${reason}`);
    this.closed = true;
    this.socket.destroy();
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (!this.closed && this.buffered >= 4) {
      if (this.chunks[0]!.length < 4) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
      const size = this.chunks[0]!.readInt32BE(0);
      if (size < 8 || size > MAX_FRAME_BYTES) {
        this.close(`frame size ${size} out of bounds`);
        return;
      }
      if (this.buffered < 4 + size) return;
      const frame = this.take(4 + size).subarray(4);
      this.onFrame(frame);
    }
  }

  private onFrame(frame: Buffer): void {
    const r = new Reader(frame);
    let header: RequestHeader;
    try {
      header = readRequestHeader(r);
    } catch (err) {
      this.close(`malformed request header: ${(err as Error).message}`);
      return;
    }
    const range = supportedApis.get(header.apiKey);
    const handler = this.handlers.get(header.apiKey);
    if (range === undefined || handler === undefined) {
      this.close(`unknown API key ${header.apiKey}`);
      return;
    }
    if (header.apiVersion < range.min || header.apiVersion > range.max) {
      if (header.apiKey === ApiKey.ApiVersions) {
        // Answer in v0 so any client can read which versions to use instead.
        const w = new Writer();
        w.int32(header.correlationId);
        encodeApiVersionsResponse(w, 0, ErrorCode.UNSUPPORTED_VERSION, supportedApis);
        this.enqueue(Promise.resolve(w.toChunks()));
        return;
      }
      this.close(`unsupported version ${header.apiVersion} of ${apiName(header.apiKey)}`);
      return;
    }
    const w = new Writer();
    writeResponseHeader(w, header);
    let result: boolean | Promise<boolean>;
    try {
      result = handler(this.broker, { header, clientHost: this.clientHost }, r, w);
    } catch (err) {
      this.close(`cannot handle ${apiName(header.apiKey)} v${header.apiVersion}: ${(err as Error).message}`);
      return;
    }
    this.enqueue(Promise.resolve(result).then((respond) => (respond ? w.toChunks() : null)));
  }

  private enqueue(response: Promise<Buffer[] | null>): void {
    const slot: Slot = { done: false, chunks: null };
    this.slots.push(slot);
    response.then(
      (chunks) => {
        slot.done = true;
        slot.chunks = chunks;
        this.flush();
      },
      (err: unknown) => this.close(`request failed: ${(err as Error).message}`),
    );
  }

  private flush(): void {
    while (this.slots.length > 0 && this.slots[0]!.done) {
      const slot = this.slots.shift()!;
      if (this.closed || slot.chunks === null) continue;
      let size = 0;
      for (const c of slot.chunks) size += c.length;
      const prefix = Buffer.allocUnsafe(4);
      prefix.writeInt32BE(size, 0);
      this.socket.cork();
      this.socket.write(prefix);
      for (const c of slot.chunks) this.socket.write(c);
      this.socket.uncork();
    }
  }
}
