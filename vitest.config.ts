import { defineConfig } from 'vitest/config';

// CI asks for a JSON report too, to print one plain closing line of counts.
const jsonReport = process.env.SOLE_NOTES_TEST_REPORT;

export default defineConfig({
  test: {
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    // Builds the renderer once per run for the end-to-end tests, before any test file starts.
    globalSetup: ['tests/e2e/globalSetup.ts'],
    setupFiles: ['tests/helpers/backgroundThreads.ts'],
    // Native modules (SQLCipher, argon2) are safest in child processes.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
