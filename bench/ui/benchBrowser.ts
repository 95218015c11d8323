/**
 * Node side of the browser benchmarks: builds a bench page with Vite's API (production React,
 * `react-dom/profiling` so `<Profiler>` reports), serves the build on 127.0.0.1 with a free port,
 * and launches Debian's Chromium headless through playwright-core. Nothing downloads a browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { launchChromium } from '../../test/support/chromium.js';
import { kitAliases } from '../../vite.config.js';

/** `presence-kit/*` from src/, and react-dom's profiling build so `<Profiler>` reports. */
const aliases = [
  ...kitAliases,
  { find: /^react-dom\/client$/, replacement: 'react-dom/profiling' },
];

/** Cross-origin isolation: Chromium then gives `performance.now()` 5 µs steps instead of 100 µs. */
const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** A built and served bench page. */
export interface BenchPage {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds `root` (a folder with an index.html), serves it and starts Chromium. */
export async function openBenchPage(root: string): Promise<BenchPage> {
  const outDir = mkdtempSync(join(tmpdir(), 'pk-bench-'));
  const shared = {
    configFile: false as const,
    root,
    logLevel: 'warn' as const,
    resolve: { alias: aliases },
  };
  await build({
    ...shared,
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
      // Component names survive minification, so render counts say who rendered.
      rolldownOptions: { output: { keepNames: true }, checks: { pluginTimings: false } },
    },
  });
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    rmSync(outDir, { recursive: true, force: true });
  };
  try {
    server = await preview({
      ...shared,
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false, headers: ISOLATION },
    });
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string') throw new Error('preview has no port');
    browser = await launchChromium();
    return { url: `http://127.0.0.1:${String(address.port)}/`, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}
