import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './scripts/vitest-summary.ts';

// Workspace packages resolve to their TypeScript sources ("source" export condition),
// so tests never depend on a stale build.
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    // Vitest's default leaves a core to itself (one worker on two cores); the unit and
    // component files keep two busy: 155 s against 231 s here. End-to-end files still run one
    // at a time (fileParallelism: false below).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    env: { RUMKIT_FIXTURES: fileURLToPath(new URL('./test/fixtures', import.meta.url)) },
    reporters: ['default', new SummaryReporter()],
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          root: 'packages/core',
          environment: 'node',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          root: 'server',
          environment: 'node',
          // Each test opens real DuckDB stores and HTTP servers: seconds each on a busy 2-core machine.
          testTimeout: 30_000,
          include: ['src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'sdk', root: 'sdk', environment: 'happy-dom', include: ['src/**/*.test.ts'] },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'react',
          root: 'packages/react',
          environment: 'happy-dom',
          include: ['src/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: 'test/e2e',
          environment: 'node',
          include: ['**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // it.concurrent tests (one page per story) run three at a time in the one browser; five
          // made the whole run slower on two cores (669 s against 555 s).
          maxConcurrency: 3,
        },
      },
    ],
  },
});
