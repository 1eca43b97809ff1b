// Where pipelines live: configs, observed status and source offsets (DynamoDB in AWS and in standalone mode).

export type TargetState = 'RUNNING' | 'PAUSED' | 'STOPPED';
export type ConnectorType = 'sink' | 'source';
export type InstanceState = 'UNASSIGNED' | 'RUNNING' | 'PAUSED' | 'STOPPED' | 'FAILED' | 'RESTARTING';

/** The CONFIG item: what the user asked for. */
export interface PipelineRecord {
  readonly name: string;
  readonly type: ConnectorType;
  readonly config: Readonly<Record<string, string>>;
  readonly targetState: TargetState;
  /** Optimistic-locking version, 1 on create, +1 on every write. */
  readonly version: number;
  /** Bumped by POST /restart, so that the runtimes see a restart request. */
  readonly restartEpoch: number;
  /**
   * Tasks generated (Kafka's task configs): 1 once the pipeline ran, 0 when created paused or stopped, or stopped
   * since (lifecycle/transitions.ts). Undefined in rows written before this field: 1 unless STOPPED.
   */
  readonly taskCount?: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface InstanceStatus {
  readonly state: InstanceState;
  readonly workerId: string;
  readonly trace?: string;
}

export interface TaskStatus extends InstanceStatus {
  readonly id: number;
}

/** The STATUS item: what the runtimes observed. */
export interface PipelineStatus {
  readonly name: string;
  readonly connector?: InstanceStatus;
  readonly tasks: readonly TaskStatus[];
  /** Topics the pipeline has actually consumed or produced (Kafka Connect's topic tracking). */
  readonly activeTopics: readonly string[];
  /** AWS resource ids or local handles (ESM UUIDs by topic, alias ARN, schedule ARN). */
  readonly resources: Readonly<Record<string, string>>;
  readonly updatedAt: string;
}

export interface Lease {
  readonly name: string;
  readonly owner: string;
  readonly epoch: number;
  /** Epoch ms. */
  readonly expiresAt: number;
}

export type StatusPatch = Partial<Pick<PipelineStatus, 'connector' | 'tasks' | 'activeTopics' | 'resources'>>;

/** One source offset, in Kafka Connect's shape: a partition map and an offset map (null = reset). */
export interface SourceOffset {
  readonly partition: Readonly<Record<string, unknown>>;
  readonly offset: Readonly<Record<string, unknown>> | null;
}

export interface PipelineStore {
  get(name: string): Promise<PipelineRecord | undefined>;
  list(): Promise<PipelineRecord[]>;
  /** Throws AlreadyExistsError when the name is taken. */
  create(record: PipelineRecord): Promise<void>;
  /** Writes `record` (whose version is expectedVersion + 1) only if the stored version is still expectedVersion; else ConflictError. */
  update(record: PipelineRecord, expectedVersion: number): Promise<void>;
  /** Removes CONFIG and STATUS (not offsets, as Kafka Connect keeps them). Throws NotFoundError when absent. */
  delete(name: string): Promise<void>;
  getStatus(name: string): Promise<PipelineStatus | undefined>;
  putStatus(status: PipelineStatus): Promise<void>;
  /**
   * Sets only the given STATUS attributes, creating the item if needed. Each attribute has one owner (tasks: the task
   * runtimes; resources: the controller; connector: runtimes and restarts), so writers never clobber each other.
   */
  patchStatus(name: string, patch: StatusPatch): Promise<void>;
  /** Records which pipeline a hashed Lambda alias serves (see pipelineAlias.ts). */
  putAlias(alias: string, name: string): Promise<void>;
  getAliasPipeline(alias: string): Promise<string | undefined>;
  listOffsets(name: string): Promise<SourceOffset[]>;
  /** Upserts offsets; an entry with a null offset deletes that partition's offset. */
  putOffsets(name: string, offsets: readonly SourceOffset[]): Promise<void>;
  /**
   * Upserts offsets on behalf of a lease holder: each write is conditional on no holder of a later lease epoch having
   * written that partition, so a stale invocation can never move offsets back. Throws ConflictError when fenced.
   */
  putOffsetsFenced(name: string, offsets: readonly SourceOffset[], leaseEpoch: number): Promise<void>;
  /**
   * Takes the pipeline's lease (one source invocation at a time): succeeds when no lease exists, the current one has
   * expired, or `owner` already holds it. Each new holder gets a higher epoch (a fencing token).
   */
  acquireLease(name: string, owner: string, ttlMs: number, now: number): Promise<Lease | undefined>;
  /** Extends a held lease; undefined when it was lost (expired and taken by another owner). */
  renewLease(lease: Lease, ttlMs: number, now: number): Promise<Lease | undefined>;
  releaseLease(lease: Lease): Promise<void>;
  deleteOffsets(name: string): Promise<void>;
}
