import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';
import { kitAliases } from '../vite.config.js';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  // Nothing leaves the machine: no telemetry, no update check, no crash reports.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, enableCrashReports: false },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      // Stories run the kit from source, like the playground: `presence-kit/*` resolve to src/.
      resolve: { alias: [...kitAliases] },
      server: { host: '127.0.0.1' },
    }),
};

export default config;
