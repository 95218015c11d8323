import { defineConfig } from 'vitest/config';
import { react18Project } from './test/react18/vitest.project.js';

// One `vitest run` runs every project. Each project's own file says what it needs:
//   unit      node + jsdom suites under test/ (React 19)
//   e2e       the playground and Storybook in Debian's Chromium (test/e2e)
// Projects kept in files of their own are listed by path (React 18, Storybook stories).
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'test/react18/**', '**/node_modules/**'],
          environment: 'node',
          // jsdom files need Node's Uint8Array for jose (see the file); harmless under node.
          setupFiles: ['test/setup/nodeRealm.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node' },
      },
      react18Project,
      '.storybook/vitest.config.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores: keep the worker pool small so socket tests do not starve each other.
    pool: 'forks',
    maxWorkers: 2,
    // supabase-js warns on Node <= 20 once per module graph, i.e. in every test file that imports
    // it. The kit supports Node 20 (with ws as the transport), so that one line is dropped.
    onConsoleLog: (log) => !log.includes('Node.js 20 and below are deprecated'),
  },
});
