// The table-filter checks of Confluent's JdbcSourceConnectorValidation: legacy keys (table.whitelist, ...) and the
// newer ones (table.include.list, ...) may not be mixed; table.exclude.list needs table.include.list; regexes compile.
import { beforeEach, describe, expect, it } from 'vitest';
import { type ApiHarness, pgSource, useApiHarness } from '../helpers/apiHarness.js';

const ctx = useApiHarness();
let api: ApiHarness;
beforeEach(() => {
  api = ctx.api();
});

async function errors(config: Record<string, string>): Promise<Record<string, string[]>> {
  const r = await api.call('PUT', '/connector-plugins/JdbcSourceConnector/config/validate', config);
  const configs = (r.body as { configs: Array<{ value: { name: string; errors: string[] } }> }).configs;
  return Object.fromEntries(configs.filter((c) => c.value.errors.length > 0).map((c) => [c.value.name, c.value.errors]));
}

describe('table filter validation', () => {
  it('reports mixing legacy and new keys on every key involved (addConfigErrorsForLegacyAndNewConfigConflict)', async () => {
    // Act
    const found = await errors({ ...pgSource('v').config, name: 'v', 'table.include.list': 'public\\.orders' });

    // Assess
    const mixed = expect.stringMatching(/^Cannot mix legacy and new configuration approaches\./);
    expect(found).toEqual({ 'table.whitelist': [mixed], 'incrementing.column.name': [mixed], 'table.include.list': [mixed] });
  });

  it('reports table.exclude.list without table.include.list (validateTableInclusionConfigs) and a regex that does not compile', async () => {
    // Act
    const { 'table.whitelist': _w, 'incrementing.column.name': _i, ...base } = pgSource('v').config;
    const exclude = await errors({ ...base, name: 'v', 'table.exclude.list': '.*_tmp' });
    const broken = await errors({ ...base, name: 'v', 'table.include.list': 'public\\.(orders' });

    // Assess
    expect(exclude['table.exclude.list']).toEqual(['table.exclude.list cannot be used without table.include.list. Exclude list only applies to tables that match the include list.']);
    expect(broken['table.include.list']).toEqual([expect.stringMatching(/Invalid regular expression public\\\.\(orders/)]);
  });

  it('accepts table.include.list with incrementing.column.mapping', async () => {
    // Act
    const { 'table.whitelist': _w, 'incrementing.column.name': _i, ...base } = pgSource('v').config;
    const found = await errors({ ...base, name: 'v', 'table.include.list': 'public\\.orders', 'incrementing.column.mapping': 'public\\..*:id' });

    // Assess
    expect(found).toEqual({});
  });
});
