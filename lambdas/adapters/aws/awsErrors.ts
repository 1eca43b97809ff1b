// AWS SDK v3 errors carry their service exception name; the controller treats a few as "already done".

export function isAwsError(e: unknown, ...names: readonly string[]): boolean {
  return e instanceof Error && names.includes(e.name);
}

/** Runs `op`, treating the named errors as success (idempotent create/delete under replayed stream records). */
export async function ignoring(op: () => Promise<unknown>, ...names: readonly string[]): Promise<void> {
  try {
    await op();
  } catch (e) {
    if (!isAwsError(e, ...names)) throw e;
  }
}
