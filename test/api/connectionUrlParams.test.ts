// A connection.url parameter Sluice cannot honour is a 400 at create and an error on connection.url in validate, naming
// the parameter; it is never ignored (Confluent's connector hands every parameter to the JDBC driver, which applies it).
import { beforeEach, describe, expect, it } from 'vitest';
import { type ApiHarness, pgSink, useApiHarness } from '../helpers/apiHarness.js';

const ctx = useApiHarness();
let api: ApiHarness;
beforeEach(() => {
  api = ctx.api();
});

describe('connection.url parameters at the API', () => {
  it('POST /connectors answers 400 naming an unsupported parameter, and stores nothing', async () => {
    // Act
    const r = await api.call('POST', '/connectors', pgSink('params', { 'connection.url': 'jdbc:postgresql://127.0.0.1:5432/test?targetServerType=primary' }));

    // Assess
    expect(r.status).toBe(400);
    expect((r.body as { message: string }).message).toMatch(/connection\.url: URL parameter targetServerType is not supported/);
    expect(await api.store.list()).toEqual([]);
  });

  it('validate reports the parameter on connection.url, and accepts the ones Sluice applies', async () => {
    // Act
    const bad = await api.call('PUT', '/connector-plugins/JdbcSinkConnector/config/validate', { ...pgSink('v').config, 'connection.url': 'jdbc:mysql://h/db?zeroDateTimeBehavior=CONVERT_TO_NULL' });
    const good = await api.call('PUT', '/connector-plugins/JdbcSinkConnector/config/validate', { ...pgSink('v').config, name: 'v', 'connection.url': 'jdbc:postgresql://h/db?currentSchema=sales&sslmode=require&ApplicationName=etl' });

    // Assess
    const errors = (r: typeof bad) => (r.body as { configs: Array<{ value: { name: string; errors: string[] } }> }).configs.find((c) => c.value.name === 'connection.url')!.value.errors;
    expect(errors(bad)).toEqual([expect.stringMatching(/URL parameter zeroDateTimeBehavior is not supported by Sluice's mysql connection/)]);
    expect(errors(good)).toEqual([]);
  });
});
