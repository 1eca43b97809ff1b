// vitest's globalSetup: before any test file runs, the services and tools the suite needs must be there, or the run
// stops at once with one message (test/setup/services.ts) instead of dozens of connection failures. It exits rather
// than throws: vitest would print a thrown error under "No test files found", which sends the reader the wrong way.
import { missingRequirements, suiteRequirements } from './services.js';

/** vitest calls the named export `setup` of a globalSetup file; `npm test` also runs it before the typecheck. */
export async function setup(): Promise<void> {
  const message = await missingRequirements(suiteRequirements(process.env));
  if (message === undefined) return;
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}
