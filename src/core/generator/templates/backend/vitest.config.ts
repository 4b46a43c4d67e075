// Each test file gets a database of its own (in-memory PGlite, or its own schema on the PostgreSQL
// server of DATABASE_URL), so files run in parallel safely.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
