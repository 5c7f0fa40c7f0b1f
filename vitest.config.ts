import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'bench',
          include: [],
          benchmark: { include: ['test/bench/**/*.bench.ts'] },
          // Clears the figures first and writes docs/PERFORMANCE.md from them at the end.
          globalSetup: ['test/bench/report.ts'],
          // One benchmark at a time: they time things, and this machine has few cores.
          fileParallelism: false,
        },
      },
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/fixtures/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Real processes on a shared, loaded machine: a clipboard tool or a file watcher may take
          // longer than a second to answer. A poll still ends as soon as its condition holds.
          expect: { poll: { timeout: 5000 } },
        },
      },
    ],
  },
});
