import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One throwaway PostgreSQL server for the run; each test that needs it creates its own database.
    globalSetup: ['tests/support/postgres-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'adapters/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      // The floor under what the suite measures today; CI fails when coverage drops below it.
      thresholds: { lines: 89, statements: 87, functions: 88, branches: 77 },
    },
  },
});
