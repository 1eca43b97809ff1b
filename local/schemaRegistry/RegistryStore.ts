// The embedded schema registry's state and the rules of Confluent's Schema Registry over it: global schema ids
// (one id per distinct schema, shared by every subject that registers it), versions per subject, soft and permanent
// deletes, compatibility levels (global and per subject) and the compatibility check on register. Kept as one JSON
// file, rewritten (to a temporary file, then renamed over) after each change, so it survives a restart.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonical, incompatibilities, InvalidSchemaError, parseSchema, type ResolvedSchema, SCHEMA_TYPES, type SchemaReference, type SchemaType } from './schemaTypes.js';

export const LEVELS = ['NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE'] as const;
export type Level = (typeof LEVELS)[number];

/** An error as Confluent's registry answers it: HTTP status and body `{error_code, message}`. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

const subjectNotFound = (s: string) => new RegistryError(404, 40401, `Subject '${s}' not found.`);
const versionNotFound = (v: string | number) => new RegistryError(404, 40402, `Version ${v} not found.`);
const schemaNotFound = () => new RegistryError(404, 40403, 'Schema not found');

interface StoredSchema {
  readonly id: number;
  readonly schemaType: SchemaType;
  readonly schema: string;
  readonly references: readonly SchemaReference[];
}

interface StoredVersion {
  readonly version: number;
  readonly id: number;
  deleted: boolean;
}

interface State {
  nextId: number;
  schemas: StoredSchema[];
  subjects: Record<string, StoredVersion[]>;
  config: { global: Level; subjects: Record<string, Level> };
}

export interface SchemaInput {
  readonly schema: string;
  readonly schemaType?: SchemaType;
  readonly references?: readonly SchemaReference[];
}

/** A subject's version as GET /subjects/{s}/versions/{v} answers it. */
export interface VersionView {
  subject: string;
  version: number;
  id: number;
  schema: string;
  schemaType?: SchemaType;
  references?: SchemaReference[];
}

const FILE = 'registry.json';

export class RegistryStore {
  private readonly state: State;
  private readonly byId = new Map<number, StoredSchema>();

  /** `dir` undefined keeps the registry in memory. */
  constructor(private readonly dir?: string) {
    this.state = { nextId: 1, schemas: [], subjects: {}, config: { global: 'BACKWARD', subjects: {} } };
    if (dir) {
      mkdirSync(dir, { recursive: true });
      try {
        Object.assign(this.state, JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as State);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    for (const s of this.state.schemas) this.byId.set(s.id, s);
  }

  private save(): void {
    if (!this.dir) return;
    const tmp = join(this.dir, `${FILE}.tmp`);
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, join(this.dir, FILE));
  }

  // ---- reads ----

  subjects(includeDeleted = false): string[] {
    return Object.entries(this.state.subjects)
      .filter(([, vs]) => vs.some((v) => includeDeleted || !v.deleted))
      .map(([s]) => s)
      .sort();
  }

  private live(subject: string, includeDeleted = false): StoredVersion[] {
    const vs = (this.state.subjects[subject] ?? []).filter((v) => includeDeleted || !v.deleted);
    if (vs.length === 0) throw subjectNotFound(subject);
    return vs;
  }

  versions(subject: string, includeDeleted = false): number[] {
    return this.live(subject, includeDeleted).map((v) => v.version);
  }

  /** `version` as the path gives it: a positive number, `latest` or -1. */
  version(subject: string, version: string, includeDeleted = false): VersionView {
    const n = parseVersion(version);
    const vs = this.live(subject, includeDeleted);
    const v = n === -1 ? vs[vs.length - 1] : vs.find((x) => x.version === n);
    if (!v) throw versionNotFound(version);
    return this.view(subject, v);
  }

  schemaById(id: number): StoredSchema {
    const s = this.byId.get(id);
    if (!s) throw schemaNotFound();
    return s;
  }

  /** The subjects (and versions) that registered schema `id`. */
  usesOf(id: number, includeDeleted = false): Array<{ subject: string; version: number }> {
    this.schemaById(id);
    return Object.entries(this.state.subjects).flatMap(([subject, vs]) => vs.filter((v) => v.id === id && (includeDeleted || !v.deleted)).map((v) => ({ subject, version: v.version })));
  }

  /** GET /subjects/{s}/versions/{v}/referencedby: the ids of the schemas whose references name that version. */
  referencedBy(subject: string, version: string): number[] {
    const v = this.version(subject, version, true);
    return this.state.schemas.filter((s) => s.references.some((r) => r.subject === subject && r.version === v.version)).map((s) => s.id);
  }

  schemaTypes(): readonly SchemaType[] {
    return SCHEMA_TYPES;
  }

  private view(subject: string, v: StoredVersion): VersionView {
    const s = this.schemaById(v.id);
    return {
      subject,
      version: v.version,
      id: v.id,
      schema: s.schema,
      ...(s.schemaType === 'AVRO' ? {} : { schemaType: s.schemaType }),
      ...(s.references.length > 0 ? { references: [...s.references] } : {}),
    };
  }

  // ---- schemas ----

  private resolve(input: SchemaInput, seen = new Set<string>()): ResolvedSchema {
    const schemaType = input.schemaType ?? 'AVRO';
    if (!SCHEMA_TYPES.includes(schemaType)) throw new RegistryError(422, 42201, `Invalid schema type ${String(schemaType)}`);
    const references: string[] = [];
    for (const ref of input.references ?? []) {
      const key = `${ref.subject}/${ref.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let target: StoredSchema;
      try {
        target = this.schemaById(this.version(ref.subject, String(ref.version)).id);
      } catch {
        throw new RegistryError(422, 42201, `Invalid schema: reference ${ref.name} names subject '${ref.subject}' version ${ref.version}, which does not exist`);
      }
      references.push(...this.resolve(target, seen).references, target.schema);
    }
    return { schemaType, schema: input.schema, references };
  }

  private parsed(input: SchemaInput) {
    try {
      return parseSchema(this.resolve(input));
    } catch (e) {
      if (e instanceof InvalidSchemaError) throw new RegistryError(422, 42201, e.message);
      throw e;
    }
  }

  private same(s: StoredSchema, input: SchemaInput): boolean {
    const type = input.schemaType ?? 'AVRO';
    return s.schemaType === type && s.schema === input.schema && JSON.stringify(s.references) === JSON.stringify(input.references ?? []);
  }

  private normalize(input: SchemaInput): SchemaInput {
    if (typeof input.schema !== 'string') throw new RegistryError(422, 42201, 'Invalid schema: the request has no schema string');
    const schemaType = input.schemaType ?? 'AVRO';
    let schema: string;
    try {
      schema = canonical(schemaType, input.schema);
    } catch (e) {
      throw new RegistryError(422, 42201, (e as Error).message);
    }
    const references = (input.references ?? []).map((r) => ({ name: r.name, subject: r.subject, version: r.version }));
    return { schema, schemaType, references };
  }

  /** POST /subjects/{s}: the version of `subject` that registered this schema. */
  lookup(subject: string, raw: SchemaInput, includeDeleted = false): VersionView {
    const input = this.normalize(raw);
    const vs = this.live(subject, includeDeleted);
    this.parsed(input);
    const v = vs.find((x) => this.same(this.schemaById(x.id), input));
    if (!v) throw schemaNotFound();
    return this.view(subject, v);
  }

  /** POST /subjects/{s}/versions: the schema's id, registering it as the subject's next version when it is new there. */
  register(subject: string, raw: SchemaInput): number {
    const input = this.normalize(raw);
    const parsed = this.parsed(input);
    const all = this.state.subjects[subject] ?? [];
    const existing = all.find((v) => !v.deleted && this.same(this.schemaById(v.id), input));
    if (existing) return existing.id;
    const problems = this.check(subject, parsed, all.filter((v) => !v.deleted));
    if (problems.length > 0) throw new RegistryError(409, 409, `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: ${problems.join('; ')}`);
    let stored = this.state.schemas.find((s) => this.same(s, input));
    if (!stored) {
      stored = { id: this.state.nextId++, schemaType: input.schemaType ?? 'AVRO', schema: input.schema, references: input.references ?? [] };
      this.state.schemas.push(stored);
      this.byId.set(stored.id, stored);
    }
    const version = all.reduce((m, v) => Math.max(m, v.version), 0) + 1;
    this.state.subjects[subject] = [...all, { version, id: stored.id, deleted: false }];
    this.save();
    return stored.id;
  }

  /** POST /compatibility/subjects/{s}/versions/{v}: why the schema is incompatible with that version (or, for the level's transitive forms, every version). */
  compatibility(subject: string, version: string | undefined, raw: SchemaInput): string[] {
    const input = this.normalize(raw);
    const parsed = this.parsed(input);
    const vs = this.live(subject);
    if (version === undefined) return this.check(subject, parsed, vs);
    const n = parseVersion(version);
    const v = n === -1 ? vs[vs.length - 1] : vs.find((x) => x.version === n);
    if (!v) throw versionNotFound(version);
    return this.check(subject, parsed, [v], true);
  }

  /** Checks `parsed` as the next version of `subject` against `previous` per its level (all of them when `all` or transitive). */
  private check(subject: string, parsed: ReturnType<typeof parseSchema>, previous: readonly StoredVersion[], all = false): string[] {
    const level = this.level(subject);
    if (level === 'NONE' || previous.length === 0) return [];
    const against = all || level.endsWith('_TRANSITIVE') ? previous : previous.slice(-1);
    const out: string[] = [];
    for (const v of against) {
      const s = this.schemaById(v.id);
      const old = parseSchema(this.resolve(s));
      if (level.startsWith('BACKWARD') || level.startsWith('FULL')) out.push(...incompatibilities(parsed, old).map((m) => `version ${v.version} (BACKWARD): ${m}`));
      if (level.startsWith('FORWARD') || level.startsWith('FULL')) out.push(...incompatibilities(old, parsed).map((m) => `version ${v.version} (FORWARD): ${m}`));
    }
    return out;
  }

  // ---- deletes ----

  deleteSubject(subject: string, permanent: boolean): number[] {
    const all = this.state.subjects[subject] ?? [];
    if (all.length === 0) throw subjectNotFound(subject);
    if (permanent) {
      if (all.some((v) => !v.deleted)) throw new RegistryError(404, 40405, `Subject '${subject}' was not deleted first before being permanently deleted`);
      delete this.state.subjects[subject];
      delete this.state.config.subjects[subject];
      this.save();
      return all.map((v) => v.version);
    }
    const live = all.filter((v) => !v.deleted);
    if (live.length === 0) throw new RegistryError(404, 40404, `Subject '${subject}' was soft deleted.Set permanent=true to delete permanently`);
    for (const v of live) v.deleted = true;
    this.save();
    return live.map((v) => v.version);
  }

  deleteVersion(subject: string, version: string, permanent: boolean): number {
    const n = parseVersion(version);
    const all = this.state.subjects[subject] ?? [];
    if (all.length === 0) throw subjectNotFound(subject);
    const candidates = n === -1 ? all.filter((v) => !v.deleted).slice(-1) : all.filter((v) => v.version === n);
    const v = candidates[0];
    if (!v) throw versionNotFound(version);
    if (permanent) {
      if (!v.deleted) throw new RegistryError(404, 40407, `Subject '${subject}' Version ${v.version} was not deleted first before being permanently deleted`);
      this.state.subjects[subject] = all.filter((x) => x !== v);
      if (this.state.subjects[subject]?.length === 0) delete this.state.subjects[subject];
    } else {
      if (v.deleted) throw new RegistryError(404, 40406, `Subject '${subject}' Version ${v.version} was soft deleted.Set permanent=true to delete permanently`);
      v.deleted = true;
    }
    this.save();
    return v.version;
  }

  // ---- config ----

  level(subject?: string): Level {
    return (subject !== undefined ? this.state.config.subjects[subject] : undefined) ?? this.state.config.global;
  }

  /** The subject's own level, or undefined when it follows the global one. */
  subjectLevel(subject: string): Level | undefined {
    return this.state.config.subjects[subject];
  }

  setLevel(subject: string | undefined, level: unknown): Level {
    const l = typeof level === 'string' ? level.toUpperCase() : '';
    if (!(LEVELS as readonly string[]).includes(l)) throw new RegistryError(422, 42203, `Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive`);
    if (subject === undefined) this.state.config.global = l as Level;
    else this.state.config.subjects[subject] = l as Level;
    this.save();
    return l as Level;
  }

  deleteLevel(subject: string): Level {
    const l = this.state.config.subjects[subject];
    if (l === undefined) throw new RegistryError(404, 40401, `Subject '${subject}' not found.`);
    delete this.state.config.subjects[subject];
    this.save();
    return l;
  }
}

/** A version in a path: 1..2^31-1, `latest` or -1 (latest); anything else is 42202. */
export function parseVersion(version: string): number {
  if (version === 'latest' || version === '-1') return -1;
  const n = Number(version);
  if (!/^\d+$/.test(version) || n < 1 || n > 2 ** 31 - 1) throw new RegistryError(422, 42202, `The specified version '${version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`);
  return n;
}
