import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // PostgreSQL, MariaDB, kcat and psql are checked first (test/setup/services.ts): one message naming what is missing
    // and how to start it, not dozens of failures.
    globalSetup: ['test/setup/globalSetup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests share real servers (PostgreSQL, MariaDB) but each uses its own tables, topics and ports.
    pool: 'forks',
    allowOnly: false,
    // The tests run on Node 20 here; the SDK's notice that it will need Node 22 in 2027 is not a test result.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
