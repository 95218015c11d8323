import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    // jsdom files need Node's Uint8Array for jose (see the file); harmless under node.
    setupFiles: ['test/setup/nodeRealm.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores: keep the worker pool small so socket tests do not starve each other.
    pool: 'forks',
    maxWorkers: 2,
  },
});
