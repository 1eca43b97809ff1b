import { describe, expect, it } from 'vitest';
import { ConfigDef } from '../../../lambdas/connect-api/config/ConfigDef.js';
import { atLeast, between, nonEmptyStringWithoutControlChars, oneOf } from '../../../lambdas/connect-api/config/validators.js';

const def = new ConfigDef([
  { name: 'req', type: 'STRING', importance: 'HIGH', documentation: 'required' },
  { name: 'n', type: 'INT', default: 5, importance: 'LOW', documentation: 'int', validator: atLeast(1) },
  { name: 'l', type: 'LONG', default: 0, importance: 'LOW', documentation: 'long', validator: between(-1, 10) },
  { name: 'b', type: 'BOOLEAN', default: false, importance: 'LOW', documentation: 'bool' },
  { name: 'list', type: 'LIST', default: [], importance: 'LOW', documentation: 'list' },
  { name: 'mode', type: 'STRING', default: 'a', importance: 'LOW', documentation: 'enum', validator: oneOf(['a', 'b']) },
  { name: 'secret', type: 'PASSWORD', default: null, importance: 'HIGH', documentation: 'pw' },
  { name: 'hidden', type: 'STRING', default: 'x', importance: 'LOW', documentation: 'internal', internal: true },
]);

describe('ConfigDef.parse', () => {
  it('parses each type and fills defaults', () => {
    const c = def.parse({ req: 'x', n: ' 7 ', b: 'TRUE', list: 'a, b ,c', secret: 'pw' });
    expect([c.getString('req'), c.getInt('n'), c.getLong('l'), c.getBoolean('b'), c.getList('list'), c.getPassword('secret')]).toEqual(['x', 7, 0, true, ['a', 'b', 'c'], 'pw']);
  });

  it.each([
    [{}, 'Missing required configuration "req" which has no default value.'],
    [{ req: 'x', n: '0' }, 'Invalid value 0 for configuration n: Value must be at least 1'],
    [{ req: 'x', n: '2147483648' }, 'Invalid value 2147483648 for configuration n: Not a number of type INT'],
    [{ req: 'x', l: '11' }, 'Invalid value 11 for configuration l: Value must be no more than 10'],
    [{ req: 'x', b: 'yes' }, 'Invalid value yes for configuration b: Expected value to be either true or false'],
    [{ req: 'x', mode: 'c' }, 'Invalid value c for configuration mode: String must be one of: a, b'],
  ])('rejects %j with Kafka’s wording', (props, message) => {
    expect(() => def.parse(props)).toThrow(message);
  });
});

describe('ConfigDef.validateAll', () => {
  it('reports every problem at once, hides passwords and reports null values', () => {
    const { infos } = def.validateAll({ n: '0', secret: 'pw', mode: null });
    expect(infos.get('req')!.errors).toEqual(['Missing required configuration "req" which has no default value.']);
    expect(infos.get('n')!.errors).toHaveLength(1);
    expect(infos.get('secret')!.value).toBe('[hidden]');
    expect(infos.get('mode')!.errors).toEqual(['Null value can not be supplied as the configuration value.']);
    expect(infos.get('list')!.value).toBe('');
  });

  it('describes public keys only, with required and default_value', () => {
    const d = def.describe();
    expect(d.map((k) => k.name)).not.toContain('hidden');
    expect(d.find((k) => k.name === 'req')).toMatchObject({ required: true, default_value: null, type: 'STRING' });
    expect(d.find((k) => k.name === 'n')).toMatchObject({ required: false, default_value: '5' });
  });

  it('lets the merged-in def win on a name clash', () => {
    const merged = def.merge(new ConfigDef([{ name: 'n', type: 'INT', default: 9, importance: 'LOW', documentation: 'plugin' }]));
    expect(merged.parse({ req: 'x' }).getInt('n')).toBe(9);
  });
});

describe('nonEmptyStringWithoutControlChars', () => {
  it('names the control characters it found', () => {
    expect(() => nonEmptyStringWithoutControlChars.ensureValid('name', 'a\tb\u0085')).toThrow('String may not contain control sequences but had the following ASCII chars: 9, 133');
  });
});
