// Waits on a condition with a timeout and a message, never a bare sleep (Kafka's waitForCondition).
export async function waitFor<T>(probe: () => Promise<T | undefined | false>, timeoutMs: number, message: string | (() => string)): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`${typeof message === 'function' ? message() : message} (waited ${timeoutMs} ms)${last ? `; last error: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
