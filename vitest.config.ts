import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fault suite runs on its own (`npm run test:reliability`, vitest.reliability.config.ts).
    exclude: [...configDefaults.exclude, 'test/reliability/**'],
    // Integration tests share one real Redis; files run one at a time so their timing stays honest.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
