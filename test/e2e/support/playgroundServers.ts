import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { startRealtimeServer, type RealtimeServer } from '../../../src/server/node/index.js';

const HOST = '127.0.0.1';

/** The kit's local Realtime server and the Vite playground on it: what `npm run dev` runs. */
export class PlaygroundServers {
  realtime: RealtimeServer | undefined;
  vite: ViteDevServer | undefined;
  baseUrl = '';

  /** Starts the Realtime server on a free port, then Vite with its URL and key. */
  async start(): Promise<void> {
    this.realtime = await startRealtimeServer({ host: HOST, port: 0 });
    // playground/src/config.ts reads these through import.meta.env; Vite takes VITE_* from process.env.
    process.env.VITE_SUPABASE_URL = this.realtime.url;
    process.env.VITE_SUPABASE_ANON_KEY = this.realtime.anonKey;
    this.vite = await createServer({
      configFile: fileURLToPath(new URL('../../../vite.config.ts', import.meta.url)),
      // A dependency cache of its own, so `npm run dev` and this test never re-bundle each other's.
      cacheDir: fileURLToPath(
        new URL('../../../node_modules/.vite/e2e-playground', import.meta.url),
      ),
      server: { host: HOST, port: 0, strictPort: true, open: false },
      logLevel: 'warn',
      clearScreen: false,
    });
    await this.vite.listen();
    const local = this.vite.resolvedUrls?.local[0];
    if (local === undefined) throw new Error('vite did not report a local address');
    this.baseUrl = local;
  }

  /** The Realtime server's port. */
  port(): number {
    if (this.realtime === undefined) throw new Error('realtime server not started');
    return Number(new URL(this.realtime.url).port);
  }

  /** Closes the Realtime server (every socket drops) and starts a new one on the same port. */
  async restartRealtime(): Promise<void> {
    const port = this.port();
    await this.realtime?.close();
    this.realtime = await startRealtimeServer({ host: HOST, port });
  }

  /** Stops both; safe after a failed start. */
  async stop(): Promise<void> {
    await this.vite?.close().catch(() => undefined);
    await this.realtime?.close().catch(() => undefined);
    delete process.env.VITE_SUPABASE_URL;
    delete process.env.VITE_SUPABASE_ANON_KEY;
  }
}
