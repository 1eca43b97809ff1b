// The compression codecs kafkajs lacks, registered once per process so that the ESM emulator reads every topic an
// MSK event source mapping reads: gzip (built into kafkajs), snappy, lz4 and zstd. Lambda's ESM hands the function
// decompressed records whatever codec the producer chose; without these, kafkajs throws KafkaJSNotImplemented
// inside its fetch loop and the consumer dies.
//
// Libraries (pure JavaScript, no install scripts, no native build):
//   snappy: kafkajs-snappy (KafkaJS's own codec over snappyjs; reads the xerial framing the Java client writes);
//   lz4:    lz4js (LZ4 frame format, which Kafka's v2 record batches use; kafkajs-lz4 needs the native `lz4` build);
//   zstd:   fzstd (a maintained pure-JS Zstandard decoder). Sluice never produces zstd (its producers do not compress),
//           so compression is delegated to node:zlib where the runtime has it (Node 22.15+) and refused otherwise.
import * as zlib from 'node:zlib';
import { decompress as zstdDecompress } from 'fzstd';
import kafkajs from 'kafkajs';
import snappyCodec from 'kafkajs-snappy';
import lz4 from 'lz4js';

interface Codec {
  compress(encoder: { buffer: Buffer }): Promise<Buffer>;
  decompress(buffer: Buffer): Promise<Buffer>;
}

const lz4Codec: Codec = {
  compress: async (encoder) => Buffer.from(lz4.compress(encoder.buffer)),
  decompress: async (buffer) => Buffer.from(lz4.decompress(buffer)),
};

type ZstdCompress = (input: Buffer) => Buffer;
const nodeZstd = (zlib as unknown as { zstdCompressSync?: ZstdCompress }).zstdCompressSync;

const zstdCodec: Codec = {
  compress: async (encoder) => {
    if (nodeZstd === undefined) throw new Error(`zstd compression needs Node 22.15 or later (this is ${process.version}); Sluice only reads zstd`);
    return nodeZstd(encoder.buffer);
  },
  decompress: async (buffer) => Buffer.from(zstdDecompress(buffer)),
};

// kafkajs is CommonJS: Node's ESM loader does not see these two as named exports.
const { CompressionCodecs, CompressionTypes } = kafkajs;

let registered = false;

/** Registers the snappy, lz4 and zstd codecs with kafkajs (idempotent; kafkajs keeps one codec table per process). */
export function registerCodecs(): void {
  if (registered) return;
  registered = true;
  CompressionCodecs[CompressionTypes.Snappy] = snappyCodec;
  CompressionCodecs[CompressionTypes.LZ4] = () => lz4Codec;
  CompressionCodecs[CompressionTypes.ZSTD] = () => zstdCodec;
}
