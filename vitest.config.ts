import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The engine is CPU-bound and deterministic; two workers suit a 2-core machine.
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
