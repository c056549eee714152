import { defineConfig } from 'vitest/config';

// Browser tests start a real Portico and a real Chromium: slow, and one at a time.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
