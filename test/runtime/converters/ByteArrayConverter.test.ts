import { describe, expect, it } from 'vitest';
import { byteArrayConverterPlugins } from '../../../lambdas/runtime/converters/ByteArrayConverter.js';
import { Schemas } from '../../../lambdas/connect-api/data/Schema.js';

const create = () => byteArrayConverterPlugins.converter.create({}, false);

describe('ByteArrayConverter', () => {
  it('passes bytes through unchanged in both directions', () => {
    // Prepare
    const c = create();
    const bytes = Uint8Array.from([0, 1, 254, 255]);
    // Act
    const read = c.toConnectData('t', [], bytes);
    const written = c.fromConnectData('t', [], Schemas.BYTES, bytes);
    // Assess
    expect(read).toEqual({ schema: Schemas.OPTIONAL_BYTES, value: bytes });
    expect(written).toBe(bytes);
  });

  it('keeps null as null', () => {
    // Prepare
    const c = create();
    // Act
    const read = c.toConnectData('t', [], null);
    const written = c.fromConnectData('t', [], null, null);
    // Assess
    expect(read).toEqual({ schema: Schemas.OPTIONAL_BYTES, value: null });
    expect(written).toBeNull();
  });

  it('rejects a non-bytes schema and a non-bytes value with Kafka\'s messages', () => {
    // Prepare
    const c = create();
    // Act
    const wrongSchema = () => c.fromConnectData('t', [], Schemas.STRING, Uint8Array.from([1]));
    const wrongValue = () => c.fromConnectData('t', [], null, 'text');
    // Assess
    expect(wrongSchema).toThrow('Invalid schema type for ByteArrayConverter: STRING');
    expect(wrongValue).toThrow('ByteArrayConverter is not compatible with objects of type string');
  });
});
