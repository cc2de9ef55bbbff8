import { defineConfig } from 'vitest/config'

// Two projects: `unit` (pure, fast, colocated *.test.ts) and `db` (*.int.test.ts, which run on the
// database named by KETACARE_TEST_DB: the embedded PGlite by default, or PostgreSQL via
// TEST_DATABASE_URL). scripts/test.mjs runs them tier by tier and reports what it skipped.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite instances are heavy; the machine has 2 cores.
          maxWorkers: 2,
        },
      },
    ],
  },
})
