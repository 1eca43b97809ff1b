// `npm test`'s first step (before the typecheck and the linter): the same check as vitest's globalSetup, so a missing
// database is reported in seconds rather than after a minute of compiling.
import { setup } from './globalSetup.js';

await setup();
