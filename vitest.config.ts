import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests share real servers (PostgreSQL, MariaDB) but each uses its own tables, topics and ports.
    pool: 'forks',
    allowOnly: false,
  },
});
