import { describe, expect, it } from 'vitest';
import { NUMBER_KINDS, numberConverterPlugins } from '../../../lambdas/runtime/converters/NumberConverter.js';
import { Schemas } from '../../../lambdas/connect-api/data/Schema.js';

function converter(simpleName: string) {
  const pair = numberConverterPlugins.find((p) => p.converter.className.endsWith(`.${simpleName}`))!;
  return pair.converter.create({}, false);
}

describe('number converters', () => {
  it('register the six Kafka class names', () => {
    // Prepare
    const names = NUMBER_KINDS.map((k) => k.className.split('.').pop());
    // Act
    const registered = numberConverterPlugins.map((p) => p.headerConverter.className.split('.').pop());
    // Assess
    expect(registered).toEqual(names);
    expect(names).toEqual(['LongConverter', 'IntegerConverter', 'ShortConverter', 'FloatConverter', 'DoubleConverter', 'BooleanConverter']);
  });

  it.each([
    ['LongConverter', 9223372036854775807n, [0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], Schemas.OPTIONAL_INT64],
    ['LongConverter', -2, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe], Schemas.OPTIONAL_INT64],
    ['IntegerConverter', 258, [0, 0, 1, 2], Schemas.OPTIONAL_INT32],
    ['ShortConverter', -1, [0xff, 0xff], Schemas.OPTIONAL_INT16],
    ['FloatConverter', 1.5, [0x3f, 0xc0, 0, 0], Schemas.OPTIONAL_FLOAT32],
    ['DoubleConverter', 1.5, [0x3f, 0xf8, 0, 0, 0, 0, 0, 0], Schemas.OPTIONAL_FLOAT64],
    ['BooleanConverter', true, [1], Schemas.OPTIONAL_BOOLEAN],
  ])('%s writes %s as big-endian bytes and reads it back', (name, value, bytes, schema) => {
    // Prepare
    const c = converter(name);
    // Act
    const written = c.fromConnectData('t', [], schema, value);
    const read = c.toConnectData('t', [], written);
    // Assess
    expect([...written!]).toEqual(bytes);
    expect(read).toEqual({ schema, value });
  });

  it('fails on data of the wrong size with the deserializer\'s reason', () => {
    // Prepare
    const c = converter('LongConverter');
    // Act
    const act = () => c.toConnectData('t', [], Uint8Array.from([1, 2, 3]));
    // Assess
    expect(act).toThrow('Failed to deserialize long: Size of data received by LongDeserializer is not 8');
  });

  it('fails on a value of the wrong type', () => {
    // Prepare
    const c = converter('IntegerConverter');
    // Act
    const act = () => c.fromConnectData('t', [], null, 'seven');
    // Assess
    expect(act).toThrow('Failed to serialize to integer (was string)');
  });

  it('keeps null as null', () => {
    // Prepare
    const c = converter('DoubleConverter');
    // Act
    const read = c.toConnectData('t', [], null);
    // Assess
    expect(read).toEqual({ schema: Schemas.OPTIONAL_FLOAT64, value: null });
    expect(c.fromConnectData('t', [], null, null)).toBeNull();
  });
});
