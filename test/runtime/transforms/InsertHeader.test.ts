import { describe, expect, it } from 'vitest';
import { LogicalNames, Schemas } from '../../../lambdas/connect-api/data/Schema.js';
import { insertHeaderPlugin } from '../../../lambdas/runtime/transforms/InsertHeader.js';
import { parseLiteral } from '../../../lambdas/runtime/transforms/parseLiteral.js';
import { run, sinkRecord } from './records.js';

describe('InsertHeader', () => {
  it('appends a header, keeping existing ones', () => {
    // Prepare
    const record = sinkRecord({ headers: [{ key: 'a', schema: Schemas.STRING, value: 'x' }] });
    // Act
    const out = run(insertHeaderPlugin, { header: 'source', 'value.literal': 'billing' }, record);
    // Assess
    expect(out?.headers).toEqual([
      { key: 'a', schema: Schemas.STRING, value: 'x' },
      { key: 'source', schema: Schemas.STRING, value: 'billing' },
    ]);
  });

  it('parses literals as Values.parseString does: smallest integer type, float, boolean, date', () => {
    // Prepare
    const literals = ['42', '40000', '3000000000', '1.5', 'true', '2024-01-02', '"quoted"', 'two words'];
    // Act
    const parsed = literals.map((l) => parseLiteral(l));
    // Assess
    expect(parsed.map((p) => p.schema?.name ?? p.schema?.type)).toEqual(['INT8', 'INT32', 'INT64', 'FLOAT32', 'BOOLEAN', LogicalNames.Date, 'STRING', 'STRING']);
    expect(parsed.map((p) => p.value)).toEqual([42, 40000, 3000000000, 1.5, true, new Date(Date.UTC(2024, 0, 2)), 'quoted', 'two words']);
  });

  it('requires header and value.literal', () => {
    // Prepare
    const props = { header: 'h' };
    // Act
    const act = () => insertHeaderPlugin.create(props);
    // Assess
    expect(act).toThrow('Missing required configuration "value.literal" which has no default value.');
  });
});
