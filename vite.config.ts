import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Alias } from 'vite';

/** An absolute path from the repository root. */
const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * `presence-kit/*` resolve to src/, not dist/: the playground, Storybook (.storybook/main.ts) and
 * the browser benchmarks (bench/ui/benchBrowser.ts) run the kit from source with no build step,
 * all from this one list. Exact matches only, so `presence-kit/react` never falls through to the
 * `presence-kit` entry. The browser entries only: `presence-kit/server` is Node's.
 */
export const kitAliases: readonly Alias[] = [
  { find: /^presence-kit$/, replacement: fromRoot('src/index.ts') },
  { find: /^presence-kit\/react$/, replacement: fromRoot('src/react/index.ts') },
  { find: /^presence-kit\/components$/, replacement: fromRoot('src/components/index.ts') },
  { find: /^presence-kit\/identity$/, replacement: fromRoot('src/core/identity/index.ts') },
  { find: /^presence-kit\/directory$/, replacement: fromRoot('src/directory.ts') },
  { find: /^presence-kit\/styles\.css$/, replacement: fromRoot('src/components/styles.css') },
  { find: /^presence-kit\/local$/, replacement: fromRoot('src/server/loopback/index.ts') },
];

/**
 * The playground: `npm run dev` (through scripts/dev.mjs, which also starts the local server),
 * `npm run build:playground` and `npm run preview`. Vitest has its own vitest.config.ts.
 */
export default defineConfig({
  root: fromRoot('playground'),
  plugins: [react()],
  resolve: { alias: [...kitAliases] },
  // Localhost only: nothing here is meant to be reachable from another machine.
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: fromRoot('playground/dist'), emptyOutDir: true },
});
