// Durable store under a data directory:
//   meta.json                 topics and the next producer id (rewritten atomically on change)
//   offsets.log               committed group offsets, one JSON line per commit or group deletion,
//                             compacted to the live entries when the broker starts
//   logs/<topic>-<partition>/<base offset, 20 digits>.log
//                             append-only segments of stored batches, rolled at segmentBytes
// A torn batch at the end of the last segment (a crash mid-write) is cut off when loading.
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { batchSizeAt, readBatchInfo } from '../protocol/recordBatch.js';
import { type LogSink, PartitionLog } from './PartitionLog.js';
import type { BrokerMeta, CommittedOffset, Store } from './Store.js';

const segmentName = (base: number): string => `${String(base).padStart(20, '0')}.log`;

class SegmentWriter implements LogSink {
  private fd = -1;
  private size = 0;

  constructor(
    private readonly dir: string,
    private readonly segmentBytes: number,
    last: { name: string; size: number } | null,
  ) {
    if (last !== null) {
      this.fd = openSync(join(dir, last.name), 'a');
      this.size = last.size;
    }
  }

  append(bytes: Buffer, baseOffset: number): void {
    if (this.fd < 0 || this.size >= this.segmentBytes) {
      this.close();
      this.fd = openSync(join(this.dir, segmentName(baseOffset)), 'a');
      this.size = 0;
    }
    writeSync(this.fd, bytes);
    this.size += bytes.length;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

export class FileStore implements Store {
  private readonly writers = new Map<string, SegmentWriter>();
  private offsetsFd = -1;

  constructor(
    private readonly dataDir: string,
    private readonly segmentBytes = 64 * 1024 * 1024,
  ) {
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
  }

  private get metaPath(): string {
    return join(this.dataDir, 'meta.json');
  }

  private get offsetsPath(): string {
    return join(this.dataDir, 'offsets.log');
  }

  loadMeta(): BrokerMeta {
    if (!existsSync(this.metaPath)) return { topics: [], nextProducerId: 1000 };
    return JSON.parse(readFileSync(this.metaPath, 'utf8')) as BrokerMeta;
  }

  saveMeta(meta: BrokerMeta): void {
    const tmp = `${this.metaPath}.tmp`;
    writeFileSync(tmp, JSON.stringify(meta, null, 2));
    renameSync(tmp, this.metaPath);
  }

  openLog(topic: string, partition: number): PartitionLog {
    const key = `${topic}-${partition}`;
    const dir = join(this.dataDir, 'logs', key);
    mkdirSync(dir, { recursive: true });
    const names = readdirSync(dir)
      .filter((n) => n.endsWith('.log'))
      .sort();
    const batches: Buffer[] = [];
    let last: { name: string; size: number } | null = null;
    for (const name of names) {
      const buf = readFileSync(join(dir, name));
      let at = 0;
      for (let size = batchSizeAt(buf, at); size > 0; size = batchSizeAt(buf, at)) {
        batches.push(buf.subarray(at, at + size));
        at += size;
      }
      if (at < buf.length) {
        const fd = openSync(join(dir, name), 'r+');
        ftruncateSync(fd, at);
        closeSync(fd);
      }
      last = { name, size: at };
    }
    const writer = new SegmentWriter(dir, this.segmentBytes, last);
    this.writers.set(key, writer);
    const log = new PartitionLog(writer);
    for (const bytes of batches) log.restore(readBatchInfo(bytes));
    return log;
  }

  deleteTopicData(topic: string, partitions: number): void {
    for (let p = 0; p < partitions; p++) {
      const key = `${topic}-${p}`;
      this.writers.get(key)?.close();
      this.writers.delete(key);
      rmSync(join(this.dataDir, 'logs', key), { recursive: true, force: true });
    }
  }

  loadOffsets(): CommittedOffset[] {
    const live = new Map<string, CommittedOffset>();
    if (existsSync(this.offsetsPath)) {
      for (const line of readFileSync(this.offsetsPath, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        let entry: CommittedOffset | { deleteGroup: string };
        try {
          entry = JSON.parse(line) as CommittedOffset | { deleteGroup: string };
        } catch {
          continue; // a torn last line
        }
        if ('deleteGroup' in entry) {
          for (const [k, v] of live) if (v.group === entry.deleteGroup) live.delete(k);
        } else live.set(JSON.stringify([entry.group, entry.topic, entry.partition]), entry);
      }
    }
    const entries = [...live.values()];
    const tmp = `${this.offsetsPath}.tmp`;
    writeFileSync(tmp, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    renameSync(tmp, this.offsetsPath);
    return entries;
  }

  private appendOffsetLines(lines: string): void {
    if (this.offsetsFd < 0) this.offsetsFd = openSync(this.offsetsPath, 'a');
    writeSync(this.offsetsFd, lines);
  }

  commitOffsets(entries: CommittedOffset[]): void {
    this.appendOffsetLines(entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  }

  deleteGroupOffsets(group: string): void {
    this.appendOffsetLines(`${JSON.stringify({ deleteGroup: group })}\n`);
  }

  close(): void {
    for (const w of this.writers.values()) w.close();
    this.writers.clear();
    if (this.offsetsFd >= 0) closeSync(this.offsetsFd);
    this.offsetsFd = -1;
  }
}
