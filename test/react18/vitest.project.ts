import { fileURLToPath } from 'node:url';
import type { TestProjectInlineConfiguration } from 'vitest/config';

// The React 18 fixture (test/react18/package.json), installed by scripts/ensure-react18.mjs.
const fixture = (path: string) => fileURLToPath(new URL(`./node_modules/${path}`, import.meta.url));

/**
 * The React suites again, on React 18 instead of the repository's React 19. Every import of react
 * and react-dom (the kit's, the tests', and those of the libraries listed under `inline`, which
 * vitest would otherwise hand to Node unaliased) resolves to the fixture's copy, so the run has
 * one React and it is 18. test/react18 holds the check that it really is.
 */
export const react18Project: TestProjectInlineConfiguration = {
  extends: true,
  resolve: {
    alias: [
      { find: /^react$/, replacement: fixture('react/index.js') },
      { find: /^react\/jsx-runtime$/, replacement: fixture('react/jsx-runtime.js') },
      { find: /^react\/jsx-dev-runtime$/, replacement: fixture('react/jsx-dev-runtime.js') },
      { find: /^react-dom$/, replacement: fixture('react-dom/index.js') },
      { find: /^react-dom\/client$/, replacement: fixture('react-dom/client.js') },
      { find: /^react-dom\/server$/, replacement: fixture('react-dom/server.node.js') },
      { find: /^react-dom\/test-utils$/, replacement: fixture('react-dom/test-utils.js') },
    ],
  },
  test: {
    name: 'react18',
    include: [
      'test/react/**/*.test.{ts,tsx}',
      'test/components/**/*.test.{ts,tsx}',
      'test/react18/**/*.test.{ts,tsx}',
    ],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup/nodeRealm.ts', 'test/react18/oneReact.ts'],
    server: {
      deps: {
        inline: ['@testing-library/react', 'zustand', 'use-sync-external-store'],
      },
    },
  },
};
