// The class name an error reports (the __connect.errors.exception.class.name header): Kafka writes the Java class.
// Drivers give poor names (node-postgres' DatabaseError is named 'error', mysql2's errors are plain Error with a
// code), so the constructor's name, the driver's error code and the SQLSTATE are used when they say more.

const GENERIC = new Set(['', 'error', 'Error']);

export function errorClassName(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const ctor = (error as { constructor?: { name?: string } }).constructor?.name ?? '';
  const base = !GENERIC.has(error.name) ? error.name : !GENERIC.has(ctor) ? ctor : 'Error';
  const { code, sqlState } = error as { code?: unknown; sqlState?: unknown };
  const state = typeof sqlState === 'string' && sqlState !== '' ? sqlState : typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
  // mysql2: a plain Error with code ER_DUP_ENTRY and sqlState 23000; node-postgres: DatabaseError with code 23505.
  const named = base === 'Error' && typeof code === 'string' && code !== '' && code !== state ? code : base;
  return state === undefined ? named : `${named} (SQLSTATE ${state})`;
}
