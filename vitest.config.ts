import { defineConfig } from 'vitest/config';
import { classifyTests } from './tests/support/projects.ts';

// Four projects, run in this order (tests/README.md): `unit` needs nothing built and runs its files
// in parallel; `build`, `browser` and `stress` share the demo the global setup builds once, and run
// their files one after another, because on two cores builds and Chromium fight for them.
const files = classifyTests(import.meta.dirname);
const globalSetup = ['tests/support/global-setup.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Temporary folders a test file makes are removed after it (tests/README.md).
    setupFiles: ['tests/support/clean-temp.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    projects: [
      // Unit files share one module graph per worker (isolate: false): importing unified, Shiki and
      // the plugins once instead of per file is most of the difference between 40 s and 10 s.
      { extends: true, test: { name: 'unit', include: files.unit, isolate: false, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'build', include: files.build, globalSetup, fileParallelism: false, sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: 'browser', include: files.browser, globalSetup, fileParallelism: false, sequence: { groupOrder: 2 } } },
      { extends: true, test: { name: 'stress', include: files.stress, globalSetup, fileParallelism: false, sequence: { groupOrder: 3 } } },
    ],
  },
});
