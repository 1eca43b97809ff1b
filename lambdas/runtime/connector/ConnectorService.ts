// The one service every edge calls (Kafka's Herder): REST handlers, the local server and the CLI only translate.
import type { describeKey } from '../../connect-api/config/ConfigDef.js';
import { sealConfig, sealContext } from '../config/sealing.js';
import { nonEmptyStringWithoutControlChars } from '../../connect-api/config/validators.js';
import { BadRequestError, NotFoundError } from '../../connect-api/errors.js';
import { stateOf } from '../lifecycle/state.js';
import { type Request, taskCountAfter, transition } from '../lifecycle/transitions.js';
import type { PluginRegistry } from '../plugins/PluginRegistry.js';
import type { ConnectorPlugin, PluginInfo, PluginType } from '../../connect-api/plugins.js';
import type { ConsumerGroupOffsets } from '../ports/ConsumerGroupOffsets.js';
import type { PipelineRecord, PipelineStore, TargetState } from '../ports/PipelineStore.js';
import type { Clock } from '../ports/Clock.js';
import type { ConfigSealer } from '../ports/ConfigCipher.js';
import type { RuntimeObserver } from '../ports/RuntimeObserver.js';
import type { ActiveTopics, ConnectorInfo, ConnectorOffsets, ConnectorStateInfo, Message, ServerInfo, TaskInfo, TaskState, WorkerStatus } from './entities.js';
import { assertOffsetsChangeable, restartingPatch } from './lifecycleRequests.js';
import { configSecrets, isSecretKey, maskConfig, renderConfigMap, unmaskConfig } from './masking.js';
import { OffsetsManager } from './OffsetsManager.js';
import { NAME_MAX, checkConfigSize, checkName, hasLoneSurrogate } from './requestLimits.js';
import { connectorState, connectorStatus, taskIdsOf, taskState, withRuntime } from './statusView.js';
import { type ConfigInfos, assertPluginExists, findConnector, invalidConfigMessage, validateConnectorConfig } from './validateConfig.js';

export interface ConnectorServiceOptions {
  readonly store: PipelineStore;
  readonly registry: PluginRegistry;
  readonly clock: Clock;
  /** Shown as worker_id in statuses: the REST host:port in standalone mode, the region's API in AWS. */
  readonly workerId: string;
  readonly kafkaClusterId?: string;
  /** The committed offsets of sink consumer groups; without it, sink offset endpoints answer 500. */
  readonly groupOffsets?: ConsumerGroupOffsets;
  /** Live mappings and recent metrics for GET /connectors/{name}/status; without it, status is the store's view. */
  readonly observer?: RuntimeObserver;
  /** Seals password-type values before they are stored (KMS in AWS, a local key in standalone mode). */
  readonly cipher?: ConfigSealer;
  readonly version?: string;
  readonly commit?: string;
  /** Whether the worker has completed startup (GET /health answers 503 until then). @default always ready */
  readonly ready?: () => boolean;
}

export type ExpandOption = 'status' | 'info';

export class ConnectorService {
  private readonly offsets: OffsetsManager;

  constructor(private readonly options: ConnectorServiceOptions) {
    this.offsets = new OffsetsManager(options.store, options.groupOffsets);
  }

  serverInfo(): ServerInfo {
    return { version: this.options.version ?? '4.1.0-sluice', commit: this.options.commit ?? 'unknown', kafka_cluster_id: this.options.kafkaClusterId ?? 'unknown' };
  }

  async listConnectors(expand: readonly string[]): Promise<string[] | Record<string, { status?: ConnectorStateInfo; info?: ConnectorInfo }>> {
    const records = (await this.options.store.list()).sort((a, b) => a.name.localeCompare(b.name));
    const wanted = expand.filter((e): e is ExpandOption => e === 'status' || e === 'info');
    if (expand.length === 0) return records.map((r) => r.name);
    const out: Record<string, { status?: ConnectorStateInfo; info?: ConnectorInfo }> = {};
    for (const r of records) {
      const entry: { status?: ConnectorStateInfo; info?: ConnectorInfo } = {};
      if (wanted.includes('status')) entry.status = connectorStatus(r, await this.options.store.getStatus(r.name), this.options.workerId);
      if (wanted.includes('info')) entry.info = this.info(r);
      out[r.name] = entry;
    }
    return out;
  }

  /** GET /health (KIP-1017): starting until the worker is ready, unhealthy when the store does not answer. */
  async health(): Promise<WorkerStatus> {
    if (!(this.options.ready?.() ?? true)) return { status: 'starting', message: 'Worker is still starting up.' };
    try {
      await this.options.store.get('');
    } catch {
      return { status: 'unhealthy', message: 'Worker was unable to handle this request and may be unable to handle other requests.' };
    }
    return { status: 'healthy', message: 'Worker has completed startup and is ready to handle requests.' };
  }

  async createConnector(rawName: string, config: Record<string, string | null>, initialState: TargetState = 'RUNNING'): Promise<ConnectorInfo> {
    const name = rawName.trim();
    const request: Request = initialState === 'RUNNING' ? 'create' : `create ${initialState}`;
    const record = this.newRecord(name, await this.sealed(name, this.checkConfig(name, config)), initialState, taskCountAfter(transition('ABSENT', request), undefined));
    await this.options.store.create(record);
    return this.info(record);
  }

  async getConnector(name: string): Promise<ConnectorInfo> {
    return this.info(await this.require(name, `Connector ${name} not found`));
  }

  async getConfig(name: string): Promise<Record<string, string>> {
    const r = await this.require(name, `Connector ${name} not found`);
    return maskConfig(r.config, this.pluginOf(r));
  }

  /** PUT /connectors/{name}/config: creates (created=true) or replaces the config. */
  async putConfig(rawName: string, config: Record<string, string | null>): Promise<{ created: boolean; info: ConnectorInfo }> {
    const name = rawName.trim();
    const existing = await this.lookup(name);
    const merged = unmaskConfig(nonNullOrKeep(config), existing?.config);
    const checked = await this.sealed(name, this.checkConfig(name, { ...config, ...merged }));
    if (!existing) {
      const record = this.newRecord(name, checked, 'RUNNING', taskCountAfter(transition('ABSENT', 'config'), undefined));
      await this.options.store.create(record);
      return { created: true, info: this.info(record) };
    }
    const updated = await this.reconfigure(existing, checked);
    return { created: false, info: this.info(updated) };
  }

  /** PATCH /connectors/{name}/config: non-null values overwrite, null values remove keys. */
  async patchConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo> {
    const existing = await this.require(name, `Connector ${name} not found`);
    const next: Record<string, string | null> = { ...existing.config };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete next[k];
      else next[k] = v;
    }
    const checked = await this.sealed(name, this.checkConfig(name, { ...next, ...unmaskConfig(nonNullOrKeep(next), existing.config) }));
    return this.info(await this.reconfigure(existing, checked));
  }

  /** A new config (Kafka regenerates the task configs, which restarts a FAILED task: lifecycle table, `config`). */
  private async reconfigure(existing: PipelineRecord, config: Record<string, string>): Promise<PipelineRecord> {
    const status = await this.options.store.getStatus(existing.name);
    const cell = transition(stateOf(existing, status), 'config');
    const failed = cell.restarts === 'failed' ? (status?.tasks ?? []).filter((t) => t.state === 'FAILED').map((t) => t.id) : [];
    const connectorFailed = cell.restarts === 'failed' && status?.connector?.state === 'FAILED';
    if (failed.length > 0 || connectorFailed) await this.options.store.patchStatus(existing.name, restartingPatch(status, this.options.workerId, connectorFailed, failed));
    const changes = { config, type: findConnector(this.options.registry, config).type, taskCount: taskCountAfter(cell, existing) };
    return this.write(existing, changes, failed.length > 0 || connectorFailed);
  }

  async status(name: string): Promise<ConnectorStateInfo> {
    const r = await this.require(name, `No status found for connector ${name}`);
    const status = await this.options.store.getStatus(name);
    const state = connectorStatus(r, status, this.options.workerId);
    if (!this.options.observer) return state;
    return withRuntime(state, await this.options.observer.observe(name, r.type, status?.resources ?? {}));
  }

  async taskStatus(name: string, task: number): Promise<TaskState> {
    const r = await this.require(name, `No status found for task ${name}-${task}`);
    if (!taskIdsOf(r).includes(task)) throw new NotFoundError(`No status found for task ${name}-${task}`);
    return taskState(r, await this.options.store.getStatus(name), task, this.options.workerId);
  }

  async tasks(name: string): Promise<TaskInfo[]> {
    const r = await this.require(name, `Connector ${name} not found`);
    const config = maskConfig(r.config, this.pluginOf(r));
    return taskIdsOf(r).map((task) => ({ id: { connector: name, task }, config: { ...config, 'task.class': this.taskClassOf(r) } }));
  }

  /** PUT pause / resume / stop, as the lifecycle table says (stop and pause-after-stop leave no task). */
  async setTargetState(name: string, targetState: TargetState): Promise<void> {
    const r = await this.require(name, `Unknown connector ${name}`);
    const request: Request = targetState === 'RUNNING' ? 'resume' : targetState === 'PAUSED' ? 'pause' : 'stop';
    const cell = transition(stateOf(r, await this.options.store.getStatus(name)), request);
    const next = { targetState: cell.target ?? r.targetState, taskCount: taskCountAfter(cell, r) };
    if (next.targetState !== r.targetState || next.taskCount !== r.taskCount) await this.write(r, next);
  }

  /** POST /connectors/{name}/restart (KIP-745). Returns undefined for the legacy 204 form. */
  async restart(name: string, includeTasks: boolean, onlyFailed: boolean): Promise<ConnectorStateInfo | undefined> {
    const r = await this.require(name, `Unknown connector: ${name}`);
    const status = await this.options.store.getStatus(name);
    const current = connectorState(r, status, this.options.workerId);
    // Nothing runs in a stopped connector, so nothing restarts (lifecycle table, `restart`).
    const restarts = transition(stateOf(r, status), onlyFailed ? 'restart onlyFailed' : 'restart').restarts !== 'none';
    const restartConnector = restarts && (!onlyFailed || current.connector.state === 'FAILED');
    const restartTasks = restarts && includeTasks ? current.tasks.filter((t) => !onlyFailed || t.state === 'FAILED').map((t) => t.id) : [];
    if (restartConnector || restartTasks.length > 0) {
      await this.options.store.patchStatus(name, restartingPatch(status, this.options.workerId, restartConnector, restartTasks));
      await this.write(r, {});
    }
    if (!includeTasks && !onlyFailed) return undefined;
    return {
      ...current,
      connector: restartConnector ? { state: 'RESTARTING', worker_id: current.connector.worker_id } : current.connector,
      tasks: current.tasks.map((t) => (restartTasks.includes(t.id) ? { id: t.id, state: 'RESTARTING', worker_id: t.worker_id } : t)),
    };
  }

  async restartTask(name: string, task: number): Promise<void> {
    const r = await this.require(name, `Unknown connector: ${name}`);
    if (!taskIdsOf(r).includes(task)) throw new NotFoundError(`Unknown task: ${name}-${task}`);
    const status = await this.options.store.getStatus(name);
    await this.options.store.patchStatus(name, restartingPatch(status, this.options.workerId, false, [task]));
    await this.write(r, {});
  }

  async deleteConnector(name: string): Promise<void> {
    await this.require(name, `Connector ${name} not found`);
    await this.options.store.delete(name);
  }

  async topics(name: string): Promise<ActiveTopics> {
    const status = (await this.lookup(name)) ? await this.options.store.getStatus(name) : undefined;
    return { [name]: { topics: [...(status?.activeTopics ?? [])] } };
  }

  async resetTopics(name: string): Promise<void> {
    await this.require(name, `Connector ${name} not found`);
    await this.options.store.patchStatus(name, { activeTopics: [] });
  }

  async getOffsets(name: string): Promise<ConnectorOffsets> {
    return this.offsets.get(await this.require(name, `Connector ${name} not found`));
  }

  async alterOffsets(name: string, body: unknown): Promise<Message> {
    const r = await this.offsetsChangeable(name);
    return this.offsets.alter(r, body, this.pluginOf(r));
  }

  async resetOffsets(name: string): Promise<Message> {
    return this.offsets.reset(await this.offsetsChangeable(name));
  }

  /** Offsets change only once STOPPED (lifecycle table, `offsets`). */
  private async offsetsChangeable(name: string): Promise<PipelineRecord> {
    const r = await this.require(name, `Connector ${name} not found`);
    assertOffsetsChangeable(r, await this.options.store.getStatus(name));
    return r;
  }

  plugins(connectorsOnly: boolean): PluginInfo[] {
    const types: PluginType[] = connectorsOnly ? ['sink', 'source'] : [];
    return this.options.registry.list(...types);
  }

  pluginConfig(pluginName: string): ReturnType<typeof describeKey>[] {
    const plugin = this.options.registry.find(pluginName, 'sink', 'source', 'converter', 'header_converter', 'transformation', 'predicate');
    if (!plugin) throw new NotFoundError(`Unknown plugin ${pluginName}.`);
    return plugin.configDef.describe();
  }

  validate(pluginName: string, config: Record<string, string | null>): ConfigInfos {
    assertPluginExists(this.options.registry, pluginName);
    const className = config['connector.class'];
    if (className === undefined || className === null) throw new BadRequestError(`Connector config ${renderConfigMap(config)} contains no connector type`);
    const strip = (s: string) => s.replace(/Connector$/, '');
    if (!strip(className).endsWith(strip(pluginName)) && !strip(pluginName).endsWith(strip(className))) {
      throw new BadRequestError(`Included connector type ${className} does not match request type ${pluginName}`);
    }
    return validateConnectorConfig(this.options.registry, config).infos;
  }

  /**
   * The literal secrets the API must never echo: those of an incoming config (its password-type values and passwords
   * inside URLs) and, with `name`, those of the stored config of that connector.
   */
  async secretsFor(incoming: Readonly<Record<string, unknown>> | undefined, name?: string): Promise<string[]> {
    const out = incoming ? configSecrets(incoming, this.pluginNamed(incoming['connector.class'])) : [];
    const stored = name === undefined ? undefined : await this.lookup(name).catch(() => undefined);
    return stored ? [...out, ...configSecrets(stored.config, this.pluginOf(stored))] : out;
  }

  private checkConfig(name: string, config: Record<string, string | null>): Record<string, string> {
    checkName(name);
    nonEmptyStringWithoutControlChars.ensureValid('name', name);
    checkConfigSize(config);
    const configName = config['name'];
    if (configName !== undefined && configName !== null && configName.trim() !== name) {
      throw new BadRequestError(`Connector name configuration (${configName}) doesn't match connector name in the URL (${name})`);
    }
    const nulls = Object.keys(config).filter((k) => config[k] === null);
    if (nulls.length > 0) {
      throw new BadRequestError(`Connector configuration is invalid: ${nulls.map((k) => `${k}: Null value can not be supplied as the configuration value.`).join('; ')}`);
    }
    const withName = { ...config, name };
    const { plugin, infos } = validateConnectorConfig(this.options.registry, withName);
    if (infos.error_count > 0) throw new BadRequestError(invalidConfigMessage(infos, plugin.className.slice(plugin.className.lastIndexOf('.') + 1)));
    return withName as Record<string, string>;
  }

  /** Password-type values (and passwords inside *.url values) sealed for the store; unchanged without a cipher. */
  private async sealed(name: string, config: Record<string, string>): Promise<Record<string, string>> {
    const { cipher } = this.options;
    if (!cipher) return config;
    const plugin = findConnector(this.options.registry, config);
    return sealConfig(config, (key) => isSecretKey(key, plugin), cipher, sealContext(name));
  }

  private newRecord(name: string, config: Record<string, string>, targetState: TargetState, taskCount: number | undefined): PipelineRecord {
    const now = this.now();
    const type = findConnector(this.options.registry, config).type;
    return { name, type, config, targetState, version: 1, restartEpoch: 0, ...(taskCount === undefined ? {} : { taskCount }), createdAt: now, updatedAt: now };
  }

  /** Conditional write of the next version; a concurrent writer makes this throw ConflictError (409). No change = a restart. */
  private async write(r: PipelineRecord, changes: Partial<Pick<PipelineRecord, 'config' | 'targetState' | 'type' | 'taskCount'>>, restart = Object.keys(changes).length === 0): Promise<PipelineRecord> {
    const { taskCount, ...rest } = changes;
    const counted = taskCount === undefined ? {} : { taskCount };
    const next: PipelineRecord = { ...r, ...rest, ...counted, version: r.version + 1, restartEpoch: r.restartEpoch + (restart ? 1 : 0), updatedAt: this.now() };
    await this.options.store.update(next, r.version);
    return next;
  }


  private async require(name: string, message: string): Promise<PipelineRecord> {
    const r = await this.lookup(name);
    if (!r) throw new NotFoundError(message);
    return r;
  }

  /** The stored record; a name the store could not hold addresses nothing (and never reaches it as an over-long key). */
  private lookup(name: string): Promise<PipelineRecord | undefined> {
    return name.length > NAME_MAX || hasLoneSurrogate(name) ? Promise.resolve(undefined) : this.options.store.get(name);
  }

  /** The connector's task class (Kafka's Connector.taskClass), or `<connector class>Task`. */
  private taskClassOf(r: PipelineRecord): string {
    const plugin = this.pluginOf(r);
    return plugin?.taskClass ?? `${plugin?.className ?? r.config['connector.class'] ?? ''}Task`;
  }

  private pluginOf(r: PipelineRecord): ConnectorPlugin | undefined {
    return this.pluginNamed(r.config['connector.class']);
  }

  private pluginNamed(className: unknown): ConnectorPlugin | undefined {
    return typeof className === 'string' && className !== '' ? this.options.registry.find(className, 'sink', 'source') : undefined;
  }

  private info(r: PipelineRecord): ConnectorInfo {
    return {
      name: r.name,
      config: maskConfig(r.config, this.pluginOf(r)),
      tasks: taskIdsOf(r).map((task) => ({ connector: r.name, task })),
      type: r.type,
    };
  }

  private now(): string {
    return new Date(this.options.clock.now()).toISOString();
  }
}

function nonNullOrKeep(config: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(config).filter((e): e is [string, string] => e[1] !== null));
}



