import { defineProject } from 'vitest/config';

/**
 * Reliability and security harness (issue 7): bad input, access matrix, abuse, faults.
 * Runs against the real app on 127.0.0.1 only; every loop is bounded.
 */
export default defineProject({
  test: {
    name: 'reliability',
    include: ['**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
