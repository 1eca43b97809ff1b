// topic.prefix is checked as Confluent's JdbcSourceConnectorConfig does (its TOPIC_PREFIX_CONFIG validator: at most
// 249 characters, nothing outside [a-zA-Z0-9._-]): a 400 at create, an error on the key in validate.
import { beforeEach, describe, expect, it } from 'vitest';
import { type ApiHarness, pgSource, useApiHarness } from '../helpers/apiHarness.js';

const ctx = useApiHarness();
let api: ApiHarness;
beforeEach(() => {
  api = ctx.api();
});

const MESSAGE = "Topic prefix must not contain any character other than ASCII alphanumerics, '.', '_' and '-'.";

describe('topic.prefix validation', () => {
  it.each(['my prefix-', 'pg!', 'a@b', 'x#', 'p$', 'q%', 'r^', 's&', 't*'])('POST /connectors answers 400 for topic.prefix %j', async (prefix) => {
    // Act
    const r = await api.call('POST', '/connectors', pgSource('tp', { 'topic.prefix': prefix }));

    // Assess
    expect(r.status).toBe(400);
    expect((r.body as { message: string }).message).toContain(`Invalid value ${prefix} for configuration topic.prefix: ${MESSAGE}`);
    expect(await api.store.list()).toEqual([]);
  });

  it('validate reports a too long prefix on topic.prefix and accepts a valid one', async () => {
    // Act
    const long = await api.call('PUT', '/connector-plugins/JdbcSourceConnector/config/validate', { ...pgSource('v').config, name: 'v', 'topic.prefix': 'p'.repeat(250) });
    const fine = await api.call('PUT', '/connector-plugins/JdbcSourceConnector/config/validate', { ...pgSource('v').config, name: 'v', 'topic.prefix': 'db1.sales_v-2.' });

    // Assess
    const errors = (r: typeof long) => (r.body as { configs: Array<{ value: { name: string; errors: string[] } }> }).configs.find((c) => c.value.name === 'topic.prefix')!.value.errors;
    expect(errors(long)).toEqual([expect.stringMatching(/topic\.prefix: Topic prefix length must not exceed max topic name length, 249 chars$/)]);
    expect(errors(fine)).toEqual([]);
  });
});
