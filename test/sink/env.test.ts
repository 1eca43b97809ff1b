import { describe, expect, it } from 'vitest';
import { DEFAULT_ADMISSION_TTL_MS } from '../../lambdas/runtime/lifecycle/TaskGate.js';
import { readSinkEnv } from '../../lambdas/sink/env.js';

describe('sink env', () => {
  it('reads SLUICE_ADMISSION_TTL_MS, defaulting to 5 s; 0 turns the reuse off, an invalid value is the default', () => {
    const base = { SLUICE_TABLE_NAME: 't' };
    expect(readSinkEnv(base).admissionTtlMs).toBe(DEFAULT_ADMISSION_TTL_MS);
    expect(DEFAULT_ADMISSION_TTL_MS).toBe(5_000);
    expect(readSinkEnv({ ...base, SLUICE_ADMISSION_TTL_MS: '0' }).admissionTtlMs).toBe(0);
    expect(readSinkEnv({ ...base, SLUICE_ADMISSION_TTL_MS: '1500' }).admissionTtlMs).toBe(1500);
    expect(readSinkEnv({ ...base, SLUICE_ADMISSION_TTL_MS: '-3' }).admissionTtlMs).toBe(DEFAULT_ADMISSION_TTL_MS);
    expect(readSinkEnv({ ...base, SLUICE_ADMISSION_TTL_MS: 'soon' }).admissionTtlMs).toBe(DEFAULT_ADMISSION_TTL_MS);
  });
});
