// kafkajs-snappy and lz4js ship no types; these are the parts of their APIs Sluice uses.
declare module 'kafkajs-snappy' {
  interface SnappyKafkaCodec {
    compress(encoder: { buffer: Buffer }): Promise<Buffer>;
    decompress(buffer: Buffer): Promise<Buffer>;
  }
  export default function snappyCodec(): SnappyKafkaCodec;
}

declare module 'lz4js' {
  interface Lz4 {
    /** Compresses to one LZ4 frame. */
    compress(src: Uint8Array): Uint8Array;
    /** Decompresses one LZ4 frame. */
    decompress(src: Uint8Array): Uint8Array;
  }
  const lz4: Lz4;
  export default lz4;
}
