import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

// The playground runs the kit from source: `presence-kit/*` resolve to src/, not dist/.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^presence-kit\/react$/, replacement: fromRoot('src/react/index.ts') },
      { find: /^presence-kit\/local$/, replacement: fromRoot('src/server/loopback/index.ts') },
      { find: /^presence-kit$/, replacement: fromRoot('src/index.ts') },
    ],
  },
  // Localhost only: the dev server and preview bind 127.0.0.1.
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: 'dist', emptyOutDir: true },
});
