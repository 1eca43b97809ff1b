import { describe, expect, it } from 'vitest';
import { stringConverterPlugins } from '../../../lambdas/runtime/converters/StringConverter.js';
import { Schemas, structSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';

const create = (props: Record<string, string> = {}) => stringConverterPlugins.converter.create(props, true);

describe('StringConverter', () => {
  it('reads UTF-8 bytes as an optional string and null as null', () => {
    // Prepare
    const c = create();
    // Act
    const read = c.toConnectData('t', [], new TextEncoder().encode('clé-42'));
    const tombstone = c.toConnectData('t', [], null);
    // Assess
    expect(read).toEqual({ schema: Schemas.OPTIONAL_STRING, value: 'clé-42' });
    expect(tombstone).toEqual({ schema: Schemas.OPTIONAL_STRING, value: null });
  });

  it('writes any value as its string form and null as null bytes', () => {
    // Prepare
    const c = create();
    const s = structSchema([['id', Schemas.INT32]]);
    // Act
    const written = [42, 9007199254740993n, true, new Struct(s, { id: 1 })].map((v) => new TextDecoder().decode(c.fromConnectData('t', [], null, v)!));
    // Assess
    expect(written).toEqual(['42', '9007199254740993', 'true', '{"id":1}']);
    expect(c.fromConnectData('t', [], null, null)).toBeNull();
  });

  it('honours converter.encoding', () => {
    // Prepare
    const c = create({ 'converter.encoding': 'ISO-8859-1' });
    // Act
    const bytes = c.fromConnectData('t', [], Schemas.STRING, 'é');
    const back = c.toConnectData('t', [], bytes);
    // Assess
    expect([...bytes!]).toEqual([0xe9]);
    expect(back.value).toBe('é');
  });

  it('rejects an unsupported encoding at configuration', () => {
    // Prepare
    const props = { 'converter.encoding': 'EBCDIC' };
    // Act
    const act = () => create(props);
    // Assess
    expect(act).toThrow(/Invalid value EBCDIC for configuration converter.encoding/);
  });

  it('works as a header converter', () => {
    // Prepare
    const c = stringConverterPlugins.headerConverter.create({});
    // Act
    const read = c.toConnectHeader('t', 'h', new TextEncoder().encode('42'));
    // Assess
    expect(read).toEqual({ schema: Schemas.OPTIONAL_STRING, value: '42' });
  });
});
