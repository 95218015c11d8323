import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.js';

// The `storybook` vitest project: every story is a test, rendered in Debian's Chromium (Vitest
// browser mode through playwright-core's driver; nothing downloads a browser). Play functions and
// the a11y addon's axe checks (`a11y: { test: 'error' }` in preview.tsx) decide pass or fail.

export default defineProject({
  plugins: [storybookTest({ configDir: fileURLToPath(new URL('.', import.meta.url)) })],
  // Pre-bundled up front, so a first run never reloads the page mid-test to add a dependency.
  optimizeDeps: {
    include: [
      '@supabase/supabase-js',
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-dev-runtime',
      'react/jsx-runtime',
      'zustand',
      'zustand/vanilla',
    ],
  },
  test: {
    name: 'storybook',
    // Bots join over async hops on a shared 2-core machine: wait generously, assert no timings.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // One story file at a time: a 1,000-person room next to another file's room would only
    // starve both on two cores.
    fileParallelism: false,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
      }),
      instances: [{ browser: 'chromium' }],
      api: { host: '127.0.0.1' },
      screenshotFailures: false,
    },
  },
});
