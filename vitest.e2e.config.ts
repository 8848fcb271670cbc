import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real Chromium and Firefox ESR.
// They run one file at a time: two browsers at once starve a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
