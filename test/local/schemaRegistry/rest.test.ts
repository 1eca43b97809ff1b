// The embedded schema registry's REST API as Confluent documents it, over raw HTTP: content type, error bodies and
// codes (40401, 40402, 40403, 409, 42201, 42202, 42203), soft and permanent deletes, config, the compatibility
// endpoint at each level, and the state kept in the data directory across a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SchemaRegistryHandle, startSchemaRegistry } from '../../../local/schemaRegistry/server.js';

let registry: SchemaRegistryHandle;
const CT = 'application/vnd.schemaregistry.v1+json';

async function call(method: string, path: string, body?: unknown, base = registry.url): Promise<{ status: number; body: unknown; type: string | null }> {
  const res = await fetch(`${base}${path}`, { method, headers: { 'Content-Type': CT }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: await res.json(), type: res.headers.get('content-type') };
}

const record = (name: string, fields: unknown[]) => JSON.stringify({ type: 'record', name, fields });
const V1 = record('User', [{ name: 'id', type: 'long' }]);
const V2_OPTIONAL = record('User', [{ name: 'id', type: 'long' }, { name: 'email', type: ['null', 'string'], default: null }]);
const V2_REQUIRED = record('User', [{ name: 'id', type: 'long' }, { name: 'email', type: 'string' }]);
const V2_DROPPED = record('User', []);

beforeAll(async () => {
  registry = await startSchemaRegistry({ port: 0 });
});
afterAll(() => registry.stop());

describe('the embedded schema registry over HTTP', () => {
  it('answers with the registry content type and the error codes for a missing subject, version and schema', async () => {
    const missing = await call('GET', '/subjects/p16reg-none/versions');
    expect(missing).toEqual({ status: 404, body: { error_code: 40401, message: "Subject 'p16reg-none' not found." }, type: CT });
    await call('POST', '/subjects/p16reg-codes/versions', { schema: V1 });
    expect((await call('GET', '/subjects/p16reg-codes/versions/9')).body).toMatchObject({ error_code: 40402 });
    expect(await call('GET', '/subjects/p16reg-codes/versions/zero')).toMatchObject({ status: 422, body: { error_code: 42202 } });
    expect(await call('GET', '/schemas/ids/99999')).toMatchObject({ status: 404, body: { error_code: 40403 } });
    expect(await call('POST', '/subjects/p16reg-codes', { schema: V2_OPTIONAL })).toMatchObject({ status: 404, body: { error_code: 40403 } });
    expect(await call('POST', '/subjects/p16reg-codes/versions', { schema: '{"type":"record","name":"X","fields":[{"name":"a","type":"nope"}]}' })).toMatchObject({ status: 422, body: { error_code: 42201 } });
    expect(await call('POST', '/subjects/p16reg-codes/versions', { schema: 'not json' })).toMatchObject({ status: 422, body: { error_code: 42201 } });
    expect(await call('PUT', '/config', { compatibility: 'SIDEWAYS' })).toMatchObject({ status: 422, body: { error_code: 42203 } });
    expect(await call('GET', '/nowhere')).toMatchObject({ status: 404, body: { error_code: 404 } });
  });

  it('gives one id per distinct schema across subjects, and reads it back by subject, version and id', async () => {
    const a = (await call('POST', '/subjects/p16reg-a-value/versions', { schema: V1 })).body as { id: number };
    const spaced = JSON.stringify(JSON.parse(V1), null, 2);
    const b = (await call('POST', '/subjects/p16reg-b-value/versions', { schema: spaced })).body as { id: number };
    expect(b.id).toBe(a.id);
    expect((await call('GET', '/subjects/p16reg-a-value/versions/latest')).body).toEqual({ subject: 'p16reg-a-value', version: 1, id: a.id, schema: V1 });
    expect((await call('GET', '/subjects/p16reg-a-value/versions/1/schema')).body).toEqual(JSON.parse(V1));
    expect((await call('GET', `/schemas/ids/${a.id}`)).body).toEqual({ schema: V1 });
    expect((await call('GET', `/schemas/ids/${a.id}/subjects`)).body).toEqual(expect.arrayContaining(['p16reg-a-value', 'p16reg-b-value']));
    expect((await call('POST', '/subjects/p16reg-b-value', { schema: V1 })).body).toEqual({ subject: 'p16reg-b-value', version: 1, id: a.id, schema: V1 });
    expect((await call('GET', '/subjects')).body).toEqual(expect.arrayContaining(['p16reg-a-value', 'p16reg-b-value']));
    expect((await call('GET', '/schemas/types')).body).toEqual(expect.arrayContaining(['AVRO', 'JSON', 'PROTOBUF']));
  });

  it('checks compatibility at BACKWARD by default and at the level set globally or per subject', async () => {
    expect((await call('GET', '/config')).body).toEqual({ compatibilityLevel: 'BACKWARD' });
    await call('POST', '/subjects/p16reg-compat/versions', { schema: V1 });
    const check = (schema: string) => call('POST', '/compatibility/subjects/p16reg-compat/versions/latest', { schema });
    expect((await check(V2_OPTIONAL)).body).toEqual({ is_compatible: true });
    expect((await check(V2_REQUIRED)).body).toEqual({ is_compatible: false });
    expect((await check(V2_DROPPED)).body).toEqual({ is_compatible: true });
    expect(await call('POST', '/subjects/p16reg-compat/versions', { schema: V2_REQUIRED })).toMatchObject({ status: 409, body: { error_code: 409 } });

    expect(await call('GET', '/config/p16reg-compat')).toMatchObject({ status: 404, body: { error_code: 40408 } });
    expect((await call('PUT', '/config/p16reg-compat', { compatibility: 'FORWARD' })).body).toEqual({ compatibility: 'FORWARD' });
    expect((await call('GET', '/config/p16reg-compat')).body).toEqual({ compatibilityLevel: 'FORWARD' });
    // FORWARD: the old schema must read the new one's data; a new required field is fine, a dropped required one is not.
    expect((await check(V2_REQUIRED)).body).toEqual({ is_compatible: true });
    expect((await check(V2_DROPPED)).body).toEqual({ is_compatible: false });
    await call('PUT', '/config/p16reg-compat', { compatibility: 'FULL' });
    expect((await check(V2_REQUIRED)).body).toEqual({ is_compatible: false });
    expect((await check(V2_OPTIONAL)).body).toEqual({ is_compatible: true });
    await call('PUT', '/config/p16reg-compat', { compatibility: 'NONE' });
    expect((await call('POST', '/subjects/p16reg-compat/versions', { schema: record('Other', [{ name: 'x', type: 'string' }]) })).status).toBe(200);
    expect(await call('POST', '/compatibility/subjects/p16reg-compat/versions/7', { schema: V1 })).toMatchObject({ status: 404, body: { error_code: 40402 } });
  });

  it('checks every earlier version at the _TRANSITIVE levels, only the latest otherwise', async () => {
    const s = 'p16reg-transitive';
    await call('PUT', `/config/${s}`, { compatibility: 'NONE' });
    await call('POST', `/subjects/${s}/versions`, { schema: record('T', [{ name: 'a', type: 'int' }]) });
    await call('POST', `/subjects/${s}/versions`, { schema: record('T', [{ name: 'a', type: 'string' }]) });
    // Reads v2 (a: string) but not v1 (a: int → string does not promote).
    const next = record('T', [{ name: 'a', type: 'string' }, { name: 'b', type: ['null', 'long'], default: null }]);
    await call('PUT', `/config/${s}`, { compatibility: 'BACKWARD' });
    expect((await call('POST', `/compatibility/subjects/${s}/versions`, { schema: next })).body).toEqual({ is_compatible: true });
    await call('PUT', `/config/${s}`, { compatibility: 'BACKWARD_TRANSITIVE' });
    const verbose = (await call('POST', `/compatibility/subjects/${s}/versions?verbose=true`, { schema: next })).body as { is_compatible: boolean; messages: string[] };
    expect(verbose.is_compatible).toBe(false);
    expect(verbose.messages.join()).toContain('version 1');
    expect(await call('POST', `/subjects/${s}/versions`, { schema: next })).toMatchObject({ status: 409 });
  });

  it('applies the documented JSON Schema and Protobuf subsets', async () => {
    const js = (o: unknown) => ({ schemaType: 'JSON', schema: JSON.stringify(o) });
    await call('POST', '/subjects/p16reg-js/versions', js({ type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] }));
    const c = (body: unknown, s = 'p16reg-js') => call('POST', `/compatibility/subjects/${s}/versions/latest`, body).then((r) => r.body);
    expect(await c(js({ type: 'object', properties: { id: { type: 'number' }, x: { type: 'string' } }, required: ['id'] }))).toEqual({ is_compatible: true });
    expect(await c(js({ type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }))).toEqual({ is_compatible: false });
    expect(await c(js({ type: 'object', properties: { id: { type: 'integer' }, x: { type: 'string' } }, required: ['id', 'x'] }))).toEqual({ is_compatible: false });
    const proto = (body: string) => ({ schemaType: 'PROTOBUF', schema: `syntax = "proto3";\npackage p16reg;\n${body}\n` });
    await call('POST', '/subjects/p16reg-pb/versions', proto('message M { int32 a = 1; string b = 2; }'));
    expect(await c(proto('message M { int64 a = 1; string b = 2; bool c = 3; }'), 'p16reg-pb')).toEqual({ is_compatible: true });
    expect(await c(proto('message M { int32 a = 1; double b = 2; }'), 'p16reg-pb')).toEqual({ is_compatible: false });
    expect(await c(proto('message N { int32 a = 1; }'), 'p16reg-pb')).toEqual({ is_compatible: false });
    expect(await call('POST', '/subjects/p16reg-pb/versions', proto('message { broken'))).toMatchObject({ status: 422, body: { error_code: 42201 } });
  });

  it('resolves references to other subjects', async () => {
    const address = JSON.stringify({ type: 'record', name: 'Address', namespace: 'p16reg', fields: [{ name: 'city', type: 'string' }] });
    await call('POST', '/subjects/p16reg-address/versions', { schema: address });
    const person = JSON.stringify({ type: 'record', name: 'Person', namespace: 'p16reg', fields: [{ name: 'home', type: 'p16reg.Address' }] });
    const references = [{ name: 'p16reg.Address', subject: 'p16reg-address', version: 1 }];
    expect((await call('POST', '/subjects/p16reg-person/versions', { schema: person })).body).toMatchObject({ error_code: 42201 });
    const { id } = (await call('POST', '/subjects/p16reg-person/versions', { schema: person, references })).body as { id: number };
    expect((await call('GET', `/schemas/ids/${id}`)).body).toEqual({ schema: person, references });
    expect((await call('GET', '/subjects/p16reg-address/versions/1/referencedby')).body).toEqual([id]);
    expect((await call('POST', '/subjects/p16reg-person/versions', { schema: person, references: [{ name: 'x', subject: 'p16reg-address', version: 5 }] })).body).toMatchObject({ error_code: 42201 });
  });

  it('soft-deletes versions and subjects (kept with ?deleted=true, the same schema re-registering as a new version), then deletes them permanently', async () => {
    const s = 'p16reg-deletes';
    const { id } = (await call('POST', `/subjects/${s}/versions`, { schema: V1 })).body as { id: number };
    await call('POST', `/subjects/${s}/versions`, { schema: V2_OPTIONAL });
    expect((await call('DELETE', `/subjects/${s}/versions/2`)).body).toBe(2);
    expect((await call('GET', `/subjects/${s}/versions`)).body).toEqual([1]);
    expect((await call('GET', `/subjects/${s}/versions?deleted=true`)).body).toEqual([1, 2]);
    expect((await call('DELETE', `/subjects/${s}/versions/2`)).body).toMatchObject({ error_code: 40406 });
    expect((await call('DELETE', `/subjects/${s}`, undefined)).body).toEqual([1]);
    expect((await call('GET', '/subjects')).body).not.toContain(s);
    expect((await call('GET', '/subjects?deleted=true')).body).toContain(s);
    expect((await call('GET', `/subjects/${s}/versions`)).body).toMatchObject({ error_code: 40401 });
    expect((await call('POST', `/subjects/${s}/versions`, { schema: V1 })).body).toEqual({ id });
    expect((await call('GET', `/subjects/${s}/versions`)).body).toEqual([3]);
    expect((await call('DELETE', `/subjects/${s}?permanent=true`)).body).toMatchObject({ error_code: 40405 });
    await call('DELETE', `/subjects/${s}`);
    expect((await call('DELETE', `/subjects/${s}?permanent=true`)).body).toEqual([1, 2, 3]);
    expect((await call('GET', '/subjects?deleted=true')).body).not.toContain(s);
  });
});

describe('the embedded schema registry in a data directory', () => {
  it('keeps subjects, ids and config across a restart, and hands out new ids after the kept ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'p16reg-registry-'));
    try {
      const first = await startSchemaRegistry({ port: 0, dataDir: dir });
      const { id } = (await call('POST', '/subjects/p16reg-kept/versions', { schema: V1 }, first.url)).body as { id: number };
      await call('PUT', '/config', { compatibility: 'FULL_TRANSITIVE' }, first.url);
      await first.stop();
      const second = await startSchemaRegistry({ port: 0, dataDir: dir });
      try {
        expect((await call('GET', '/subjects/p16reg-kept/versions/latest', undefined, second.url)).body).toEqual({ subject: 'p16reg-kept', version: 1, id, schema: V1 });
        expect((await call('GET', `/schemas/ids/${id}`, undefined, second.url)).body).toEqual({ schema: V1 });
        expect((await call('GET', '/config', undefined, second.url)).body).toEqual({ compatibilityLevel: 'FULL_TRANSITIVE' });
        const other = (await call('POST', '/subjects/p16reg-kept2/versions', { schema: V2_DROPPED }, second.url)).body as { id: number };
        expect(other.id).toBe(id + 1);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
