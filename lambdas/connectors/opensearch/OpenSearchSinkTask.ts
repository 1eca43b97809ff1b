// The Elasticsearch / OpenSearch sink task: one ESM batch -> _bulk requests of batch.size documents, per-item results.
// A document the server rejects (mapping conflict, 400) is that record's failure; 429 and 5xx (whole request or per
// item) are retried with backoff for just those documents, then the batch fails as retriable; ids come from the
// record (the key, or topic+partition+offset), so a redelivered batch writes no duplicate.
import { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';
import type { FailedRecord, SinkTask, TaskContext } from '../../connect-api/connector.js';
import type { SinkRecord } from '../../connect-api/data/ConnectRecord.js';
import { ConnectionError, DataError, RetriableError } from '../../connect-api/errors.js';
import { maskSecrets } from '../../connect-api/maskSecrets.js';
import { openSearchSinkConfigDef, withScheme } from './configDef.js';
import { type BulkOperation, buildMapping, DataConverter, type NullBehavior, type WriteMethod } from './DataConverter.js';

/** Confluent's MALFORMED_DOC_ERRORS: the document itself is at fault. */
const MALFORMED = new Set(['strict_dynamic_mapping_exception', 'mapper_parsing_exception', 'illegal_argument_exception', 'action_request_validation_exception', 'document_parsing_exception']);
const VERSION_CONFLICT = 'version_conflict_engine_exception';
const ALREADY_EXISTS = 'resource_already_exists_exception';
/** Longest single wait between retries (Confluent caps its backoff at 24 h; a Lambda invocation cannot wait that long). */
const MAX_BACKOFF_MS = 60_000;

interface ItemResult {
  readonly status: number;
  readonly error?: { readonly type?: string; readonly reason?: string; readonly caused_by?: { readonly type?: string; readonly reason?: string } };
}

interface Failure {
  readonly message: string;
  readonly retriable: boolean;
  readonly kind: 'auth' | 'transport' | 'server' | 'other';
}

interface TaskSettings {
  readonly urls: string[];
  readonly batchSize: number;
  readonly maxInFlight: number;
  readonly maxRetries: number;
  readonly backoffMs: number;
  readonly malformed: 'ignore' | 'warn' | 'fail';
  readonly writeMethod: WriteMethod;
  readonly schemaIgnore: boolean;
  readonly dataStream: boolean;
}

/** Sleeps between retries; tests may pass an instant one. */
export type Sleep = (ms: number) => Promise<void>;
const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class OpenSearchSinkTask implements SinkTask {
  private readonly settings: TaskSettings;
  private readonly converter: DataConverter;
  private readonly secrets: string[];
  private readonly client: Client;
  private readonly serverless: boolean;
  /** Indices and data streams this task has seen exist or created. */
  private readonly ensured = new Set<string>();

  constructor(
    props: Readonly<Record<string, string>>,
    private readonly context: TaskContext,
    private readonly pause: Sleep = sleep,
  ) {
    const c = openSearchSinkConfigDef.parse(props);
    const password = c.getPassword('connection.password');
    const username = c.getString('connection.username');
    this.secrets = password ? [password, Buffer.from(`${username ?? ''}:${password}`).toString('base64')] : [];
    const type = c.getString('data.stream.type')!.toLowerCase();
    const dataset = c.getString('data.stream.dataset') ?? '';
    const dataStream = type !== 'none' && dataset !== '';
    const maxInFlight = c.getInt('max.in.flight.requests');
    const writeMethod = c.getString('write.method')!.toLowerCase() as WriteMethod;
    this.settings = {
      urls: c.getList('connection.url').map(withScheme),
      batchSize: c.getInt('batch.size'),
      maxInFlight,
      maxRetries: c.getInt('max.retries'),
      backoffMs: c.getLong('retry.backoff.ms'),
      malformed: c.getString('behavior.on.malformed.documents')!.toLowerCase() as TaskSettings['malformed'],
      writeMethod,
      schemaIgnore: c.getBoolean('schema.ignore'),
      dataStream,
    };
    this.converter = new DataConverter({
      keyIgnore: c.getBoolean('key.ignore'),
      schemaIgnore: c.getBoolean('schema.ignore'),
      compactMapEntries: c.getBoolean('compact.map.entries'),
      nullValues: c.getString('behavior.on.null.values')!.toLowerCase() as NullBehavior,
      writeMethod,
      retryOnConflict: Math.min(maxInFlight, 5),
      ...(dataStream ? { dataStream: { type, dataset, namespace: c.getString('data.stream.namespace') ?? '${topic}', timestampFields: c.getList('data.stream.timestamp.field') } } : {}),
    });
    const sigv4 = c.getBoolean('aws.sigv4.enabled');
    this.serverless = sigv4 && c.getString('aws.service') === 'aoss';
    const region = c.getString('aws.region') ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'];
    if (sigv4 && !region) throw new ConnectionError('aws.sigv4.enabled=true needs aws.region (or AWS_REGION in the environment)');
    this.client = new Client({
      nodes: this.settings.urls,
      // Sluice retries itself (max.retries, retry.backoff.ms), for just the documents that failed.
      maxRetries: 0,
      requestTimeout: c.getInt('read.timeout.ms'),
      ...(username && password ? { auth: { username, password } } : {}),
      ...(sigv4 ? AwsSigv4Signer({ region: region!, service: c.getString('aws.service') as 'es' | 'aoss' }) : {}),
    });
  }

  /**
   * Checks the cluster answers (GET /), so a wrong URL or credentials fail the task before any record. OpenSearch
   * Serverless has no GET / (not among its supported operations): there the first request is the check.
   */
  async start(): Promise<void> {
    if (this.serverless) return;
    await this.withRetries('connect to', () => this.client.info());
  }

  async put(records: readonly SinkRecord[]): Promise<readonly FailedRecord[]> {
    const failures: FailedRecord[] = [];
    const ops: BulkOperation[] = [];
    for (const record of records) {
      try {
        const op = this.converter.convert(record);
        if (op) ops.push(op);
      } catch (e) {
        // Converting one record depends on that record alone: whatever it throws is that record's failure.
        failures.push({ record, error: e instanceof DataError ? e : new DataError(`Cannot convert ${record.topic}-${record.kafkaPartition}@${record.kafkaOffset} to a document: ${(e as Error).message}`, { cause: e }) });
      }
    }
    await this.ensureResources(ops);
    const chunks: BulkOperation[][] = [];
    for (let i = 0; i < ops.length; i += this.settings.batchSize) chunks.push(ops.slice(i, i + this.settings.batchSize));
    // Upserts of one key must keep their order; inserts are ordered by their external version or have unique ids.
    const parallel = this.settings.writeMethod === 'upsert' ? 1 : this.settings.maxInFlight;
    let next = 0;
    let stopped = false;
    const worker = async () => {
      while (next < chunks.length && !stopped) {
        const chunk = chunks[next++]!;
        try {
          failures.push(...(await this.writeBulk(chunk)));
        } catch (e) {
          stopped = true;
          throw e;
        }
      }
    };
    // Every request settles before put returns or throws: none is left writing behind a failed batch.
    const settled = await Promise.allSettled(Array.from({ length: Math.min(parallel, chunks.length) }, worker));
    const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (rejected) throw rejected.reason;
    return failures;
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** Creates each index (with a mapping from the value schema unless schema.ignore) or data stream not seen yet. */
  private async ensureResources(ops: readonly BulkOperation[]): Promise<void> {
    const firstOf = new Map<string, BulkOperation>();
    for (const op of ops) if (!this.ensured.has(op.index) && !firstOf.has(op.index)) firstOf.set(op.index, op);
    for (const [index, op] of firstOf) {
      const exists = await this.withRetries(`check index ${index} on`, () => this.client.indices.exists({ index }));
      if (!exists.body) {
        try {
          if (this.settings.dataStream) {
            await this.withRetries(`create data stream ${index} on`, () => this.client.indices.createDataStream({ name: index }));
          } else {
            const schema = op.record.valueSchema;
            const mappings = !this.settings.schemaIgnore && schema?.type === 'STRUCT' ? buildMapping(schema) : undefined;
            await this.withRetries(`create index ${index} on`, () => this.client.indices.create({ index, ...(mappings ? { body: { mappings } } : {}) }));
          }
          this.context.logger.info(`Created ${this.settings.dataStream ? 'data stream' : 'index'} ${index}`);
        } catch (e) {
          if (!String((e as Error).message).includes(ALREADY_EXISTS)) throw e;
        }
      }
      this.ensured.add(index);
    }
  }

  /** One _bulk request of `ops`, then again for the items answered 429/5xx, up to max.retries. */
  private async writeBulk(ops: readonly BulkOperation[]): Promise<FailedRecord[]> {
    const failures: FailedRecord[] = [];
    let pending = ops;
    for (let attempt = 0; ; attempt++) {
      const body = pending.flatMap((op) => (op.source === undefined ? [op.action] : [op.action, op.source]));
      let items: Array<Record<string, ItemResult>>;
      try {
        const response = await this.client.bulk({ body: body as unknown as Record<string, unknown>[] });
        items = (response.body.items ?? []) as Array<Record<string, ItemResult>>;
      } catch (e) {
        const failure = this.classify('write to', e);
        if (!failure.retriable || attempt >= this.settings.maxRetries) throw this.exhausted(failure);
        this.context.logger.warn(`${failure.message}; retrying`);
        await this.pause(this.backoff(attempt));
        continue;
      }
      if (items.length !== pending.length) throw new Error(`The bulk response has ${items.length} items for ${pending.length} operations`);
      const retry: BulkOperation[] = [];
      let lastReason = '';
      items.forEach((item, i) => {
        const op = pending[i]!;
        const result = item[op.op] ?? Object.values(item)[0]!;
        const outcome = this.outcome(op, result);
        if (outcome === 'retry') {
          retry.push(op);
          lastReason = describe(result);
        } else if (outcome instanceof Error) {
          failures.push({ record: op.record, error: outcome });
        }
      });
      if (retry.length === 0) return failures;
      if (attempt >= this.settings.maxRetries) {
        throw new RetriableError(this.mask(`${retry.length} of ${ops.length} documents were not written after ${this.settings.maxRetries} retries: ${lastReason}`));
      }
      this.context.logger.warn(this.mask(`Retrying ${retry.length} documents the server answered ${lastReason}`));
      await this.pause(this.backoff(attempt));
      pending = retry;
    }
  }

  /** What one bulk item's result means: written, retry it, dropped, or the record's failure. */
  private outcome(op: BulkOperation, result: ItemResult): 'ok' | 'retry' | 'dropped' | Error {
    const status = result.status;
    if (status < 300) return 'ok';
    if (op.op === 'delete' && status === 404) return 'ok';
    const type = result.error?.type ?? '';
    if (status === 429 || status >= 500) return 'retry';
    // A replayed offset (external version) or a document a data stream already holds: the newer write stays.
    if (type === VERSION_CONFLICT && (op.externalVersion || op.op === 'create')) return 'ok';
    const error = new DataError(this.mask(`Indexing record failed (index ${op.index}, id ${op.id}): ${describe(result)}`));
    const malformed = MALFORMED.has(type) || MALFORMED.has(result.error?.caused_by?.type ?? '');
    if (malformed && this.settings.malformed !== 'fail') {
      const line = `Dropping a document the server rejected as malformed (behavior.on.malformed.documents=${this.settings.malformed}): topic ${op.record.topic} partition ${op.record.kafkaPartition} offset ${op.record.kafkaOffset}: ${describe(result)}`;
      if (this.settings.malformed === 'warn') this.context.logger.warn(this.mask(line));
      return 'dropped';
    }
    return error;
  }

  /** Runs one request, retrying transport failures, 429 and 5xx up to max.retries. */
  private async withRetries<T>(what: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (e) {
        const failure = this.classify(what, e);
        if (!failure.retriable || attempt >= this.settings.maxRetries) throw this.exhausted(failure);
        this.context.logger.warn(`${failure.message}; retrying`);
        await this.pause(this.backoff(attempt));
      }
    }
  }

  /** A client error, masked: transport failures, 429 and 5xx may pass on retry; 401/403 mean the credentials are wrong. */
  private classify(what: string, e: unknown): Failure {
    const status = (e as { meta?: { statusCode?: number } }).meta?.statusCode;
    const name = (e as Error).name;
    const transport = name === 'ConnectionError' || name === 'TimeoutError' || name === 'NoLivingConnectionsError' || name === 'RequestAbortedError';
    const message = this.mask(`Failed to ${what} ${this.settings.urls.join(',')}: ${errorText(e)}`);
    if (status === 401 || status === 403) return { message, retriable: false, kind: 'auth' };
    if (transport) return { message, retriable: true, kind: 'transport' };
    if (status === 429 || (status !== undefined && status >= 500)) return { message, retriable: true, kind: 'server' };
    return { message, retriable: false, kind: 'other' };
  }

  /** The error to throw once a failure is final. The client's own error is not kept as cause: its meta holds the request headers. */
  private exhausted(f: Failure): Error {
    const after = ` (after ${this.settings.maxRetries} retries)`;
    switch (f.kind) {
      case 'auth':
        return new ConnectionError(f.message);
      case 'transport':
        return new ConnectionError(f.message + after, { retriable: true });
      case 'server':
        return new RetriableError(f.message + after);
      case 'other':
        return new Error(f.message);
    }
  }

  /** Confluent's RetryUtil: a random wait up to retry.backoff.ms × 2^attempt. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(MAX_BACKOFF_MS, this.settings.backoffMs * 2 ** Math.min(attempt, 30));
    return Math.floor(Math.random() * (ceiling + 1));
  }

  private mask(text: string): string {
    return maskSecrets(text, this.secrets);
  }
}

function describe(result: ItemResult): string {
  const e = result.error;
  if (!e) return `status ${result.status}`;
  const cause = e.caused_by ? ` (caused by ${e.caused_by.type}: ${e.caused_by.reason})` : '';
  return `${result.status} ${e.type}: ${e.reason}${cause}`;
}

/** The client's error as one line: its message and, for a response error, the server's error type and reason. */
function errorText(e: unknown): string {
  const err = e as { message?: string; meta?: { statusCode?: number; body?: unknown } };
  const body = err.meta?.body as { error?: { type?: string; reason?: string } | string } | undefined;
  const reason = typeof body?.error === 'object' ? `${body.error.type}: ${body.error.reason}` : typeof body?.error === 'string' ? body.error : '';
  return [err.meta?.statusCode !== undefined ? `HTTP ${err.meta.statusCode}` : '', err.message ?? String(e), reason].filter((s) => s !== '').join(' ');
}
