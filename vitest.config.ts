import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname);
// `@support/…` is the test kit (tests/support): harness, engines, flows; tests anywhere import it by this name.
const alias = { '@domain': path.join(root, 'packages/domain/src'), '@support': path.join(root, 'tests/support') };

export default defineConfig({
  resolve: { alias },
  test: {
    // The JSON report lets CI print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['packages/**/*.test.ts', 'apps/web/**/*.test.ts'], environment: 'node', sequence: { groupOrder: 0 } },
      },
      {
        resolve: { alias },
        test: {
          name: 'api',
          sequence: { groupOrder: 1 },
          include: ['apps/server/**/*.test.ts', 'tests/**/*.test.ts'],
          environment: 'node',
          // Generous: PostgreSQL setups seed the demo company and fixtures; a busy machine is slow, not wrong.
          testTimeout: 90_000,
          hookTimeout: 240_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
