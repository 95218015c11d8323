import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

// Stories run the kit from source, like the playground: `presence-kit/*` resolve to src/.
const aliases = [
  { find: /^presence-kit\/react$/, replacement: fromRoot('src/react/index.ts') },
  { find: /^presence-kit\/local$/, replacement: fromRoot('src/server/loopback/index.ts') },
  { find: /^presence-kit\/components$/, replacement: fromRoot('src/components/index.ts') },
  { find: /^presence-kit\/styles\.css$/, replacement: fromRoot('src/components/styles.css') },
  { find: /^presence-kit$/, replacement: fromRoot('src/index.ts') },
];

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  // Nothing leaves the machine: no telemetry, no update check, no crash reports.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, enableCrashReports: false },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      resolve: { alias: aliases },
      server: { host: '127.0.0.1' },
    }),
};

export default config;
