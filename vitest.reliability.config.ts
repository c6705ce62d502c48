import { defineConfig } from 'vitest/config';

/** The fault suite: real processes, a Redis of its own and a misbehaving Slack stand-in. */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
