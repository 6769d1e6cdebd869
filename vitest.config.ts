import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['plugins/**/test/**/*.test.ts', 'tests/**/*.test.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Two cores: browser and build tests fight for them, so files run one after another.
    fileParallelism: false,
  },
});
