// PipelineStore on one DynamoDB table (DESIGN.md's single-table layout):
//   PK = PIPELINE#<name>, SK = CONFIG | STATUS | OFFSET#<partition key>.
// Optimistic concurrency: every CONFIG write is conditional on the version the writer read.
import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError, ConflictError, NotFoundError } from '../../connect-api/errors.js';
import { aliasForPipeline } from '../../runtime/pipelineAlias.js';
import type { Lease, PipelineRecord, PipelineStatus, PipelineStore, SourceOffset, StatusPatch } from '../../runtime/ports/PipelineStore.js';
import { configItem, offsetKey, pk, recordOf, statusItem, statusOf } from './items.js';

export class DynamoPipelineStore implements PipelineStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
      // Integers beyond 2^53 (a source's incrementing offset) come back exact, as bigint.
      unmarshallOptions: { wrapNumbers: (text: string) => (/^-?\d+$/.test(text) && !Number.isSafeInteger(Number(text)) ? BigInt(text) : Number(text)) },
    });
  }

  async get(name: string): Promise<PipelineRecord | undefined> {
    const r = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { PK: pk(name), SK: 'CONFIG' }, ConsistentRead: true }));
    return r.Item ? recordOf(r.Item) : undefined;
  }

  /** Scans CONFIG items only; the table holds a few items per pipeline, so a filtered scan stays small. */
  async list(): Promise<PipelineRecord[]> {
    const out: PipelineRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.doc.send(
        new ScanCommand({ TableName: this.tableName, FilterExpression: 'SK = :c', ExpressionAttributeValues: { ':c': 'CONFIG' }, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      for (const item of r.Items ?? []) out.push(recordOf(item));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async create(record: PipelineRecord): Promise<void> {
    try {
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: configItem(record), ConditionExpression: 'attribute_not_exists(PK)' }));
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) throw new AlreadyExistsError(`Connector ${record.name} already exists`, { cause: e });
      throw e;
    }
  }

  async update(record: PipelineRecord, expectedVersion: number): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: configItem(record),
          ConditionExpression: 'attribute_exists(PK) AND #v = :expected',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':expected': expectedVersion },
        }),
      );
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) {
        throw new ConflictError(
          `Cannot complete request momentarily due to stale configuration (typically caused by a concurrent config change): connector ${record.name} is no longer at version ${expectedVersion}`,
          { cause: e },
        );
      }
      throw e;
    }
  }

  async delete(name: string): Promise<void> {
    try {
      await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: { PK: pk(name), SK: 'CONFIG' }, ConditionExpression: 'attribute_exists(PK)' }));
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) throw new NotFoundError(`Connector ${name} not found`, { cause: e });
      throw e;
    }
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: { PK: pk(name), SK: 'STATUS' } }));
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: { PK: `ALIAS#${aliasForPipeline(name)}`, SK: 'ALIAS' } }));
  }

  async getStatus(name: string): Promise<PipelineStatus | undefined> {
    const r = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { PK: pk(name), SK: 'STATUS' }, ConsistentRead: true }));
    return r.Item ? statusOf(r.Item) : undefined;
  }

  async putStatus(status: PipelineStatus): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: statusItem(status) }));
  }

  async patchStatus(name: string, patch: StatusPatch): Promise<void> {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
    const names: Record<string, string> = { '#n': 'name', '#u': 'updatedAt' };
    const values: Record<string, unknown> = { ':n': name, ':u': new Date().toISOString() };
    const sets = ['#n = :n', '#u = :u'];
    entries.forEach(([k, v], i) => {
      names[`#a${i}`] = k;
      values[`:a${i}`] = v;
      sets.push(`#a${i} = :a${i}`);
    });
    await this.doc.send(
      new UpdateCommand({ TableName: this.tableName, Key: { PK: pk(name), SK: 'STATUS' }, UpdateExpression: `SET ${sets.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values }),
    );
  }

  async putAlias(alias: string, name: string): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { PK: `ALIAS#${alias}`, SK: 'ALIAS', name } }));
  }

  async getAliasPipeline(alias: string): Promise<string | undefined> {
    const r = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { PK: `ALIAS#${alias}`, SK: 'ALIAS' } }));
    return r.Item?.['name'] as string | undefined;
  }

  async listOffsets(name: string): Promise<SourceOffset[]> {
    const out: SourceOffset[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :o)',
          ExpressionAttributeValues: { ':pk': pk(name), ':o': 'OFFSET#' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of r.Items ?? []) out.push({ partition: item['partition'] as Record<string, unknown>, offset: (item['offset'] as Record<string, unknown> | undefined) ?? null });
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async putOffsets(name: string, offsets: readonly SourceOffset[]): Promise<void> {
    for (const o of offsets) {
      const Key = { PK: pk(name), SK: `OFFSET#${offsetKey(o.partition)}` };
      if (o.offset === null) await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key }));
      else await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { ...Key, partition: o.partition, offset: o.offset } }));
    }
  }

  async putOffsetsFenced(name: string, offsets: readonly SourceOffset[], leaseEpoch: number): Promise<void> {
    for (const o of offsets) {
      const Key = { PK: pk(name), SK: `OFFSET#${offsetKey(o.partition)}` };
      try {
        await this.doc.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...Key, partition: o.partition, offset: o.offset ?? undefined, leaseEpoch },
            ConditionExpression: 'attribute_not_exists(PK) OR attribute_not_exists(leaseEpoch) OR leaseEpoch <= :e',
            ExpressionAttributeValues: { ':e': leaseEpoch },
          }),
        );
      } catch (e) {
        if (e instanceof ConditionalCheckFailedException) throw new ConflictError(`Offsets of ${name} were written by a later lease holder; this invocation lost its lease`, { cause: e });
        throw e;
      }
    }
  }

  async acquireLease(name: string, owner: string, ttlMs: number, now: number): Promise<Lease | undefined> {
    const current = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { PK: pk(name), SK: 'LEASE' }, ConsistentRead: true }));
    const item = current.Item;
    if (item && item['owner'] !== owner && Number(item['expiresAt']) > now) return undefined;
    const epoch = item ? (item['owner'] === owner ? Number(item['epoch']) : Number(item['epoch']) + 1) : 1;
    const lease: Lease = { name, owner, epoch, expiresAt: now + ttlMs };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { PK: pk(name), SK: 'LEASE', owner, epoch, expiresAt: lease.expiresAt },
          // Whoever read the same item first wins; a concurrent acquirer sees a changed epoch or owner and loses.
          ConditionExpression: item ? '#o = :o AND epoch = :e' : 'attribute_not_exists(PK)',
          ...(item ? { ExpressionAttributeNames: { '#o': 'owner' }, ExpressionAttributeValues: { ':o': item['owner'], ':e': item['epoch'] } } : {}),
        }),
      );
      return lease;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return undefined;
      throw e;
    }
  }

  async renewLease(lease: Lease, ttlMs: number, now: number): Promise<Lease | undefined> {
    const next = { ...lease, expiresAt: now + ttlMs };
    return (await this.setLeaseExpiry(lease, next.expiresAt)) ? next : undefined;
  }

  /** Expires rather than deletes the lease, so the epoch keeps growing for the next holder. */
  async releaseLease(lease: Lease): Promise<void> {
    await this.setLeaseExpiry(lease, 0);
  }

  /** Sets the lease's expiry if `lease` still holds it; false when it was lost. */
  private async setLeaseExpiry(lease: Lease, expiresAt: number): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { PK: pk(lease.name), SK: 'LEASE' },
          UpdateExpression: 'SET expiresAt = :x',
          ConditionExpression: '#o = :o AND epoch = :e',
          ExpressionAttributeNames: { '#o': 'owner' },
          ExpressionAttributeValues: { ':x': expiresAt, ':o': lease.owner, ':e': lease.epoch },
        }),
      );
      return true;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return false;
      throw e;
    }
  }

  async deleteOffsets(name: string): Promise<void> {
    for (const o of await this.listOffsets(name)) {
      await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: { PK: pk(name), SK: `OFFSET#${offsetKey(o.partition)}` } }));
    }
  }
}
