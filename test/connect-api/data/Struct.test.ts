import { describe, expect, it } from 'vitest';
import { Schemas, structSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { DataError } from '../../../lambdas/connect-api/errors.js';

const SCHEMA = structSchema([
  ['id', Schemas.INT64],
  ['name', Schemas.OPTIONAL_STRING],
]);

describe('Struct', () => {
  it('adopts a map built for it: reads its values, missing fields as null', () => {
    // Prepare
    const values = new Map<string, unknown>([['id', 7]]);
    // Act
    const struct = Struct.adopting(SCHEMA, values);
    // Assess
    expect(struct.get('id')).toBe(7);
    expect(struct.get('name')).toBeNull();
    expect(struct.toObject()).toEqual({ id: 7, name: null });
  });

  it('rejects a field name the schema lacks, when built and when read', () => {
    // Prepare
    const adopted = () => Struct.adopting(SCHEMA, new Map([['nope', 1]]));
    const built = () => new Struct(SCHEMA, { id: 1, nope: 2 });
    // Act
    const read = () => new Struct(SCHEMA, { id: 1 }).get('nope');
    // Assess
    expect(adopted).toThrow(new DataError('nope is not a valid field name'));
    expect(built).toThrow(new DataError('nope is not a valid field name'));
    expect(read).toThrow(new DataError('nope is not a valid field name'));
  });

  it('copies a map given to the constructor, and with() leaves the original unchanged', () => {
    // Prepare
    const values = new Map<string, unknown>([['id', 1]]);
    const struct = new Struct(SCHEMA, values);
    // Act
    values.set('id', 2);
    const changed = struct.with('name', 'x');
    // Assess
    expect(struct.get('id')).toBe(1);
    expect(struct.get('name')).toBeNull();
    expect(changed.toObject()).toEqual({ id: 1, name: 'x' });
  });

  it('reads a field set to undefined as undefined and a missing field as null', () => {
    // Prepare
    const struct = new Struct(SCHEMA, new Map<string, unknown>([['id', 1], ['name', undefined]]));
    // Act
    const name = struct.get('name');
    // Assess
    expect(name).toBeUndefined();
  });
});
