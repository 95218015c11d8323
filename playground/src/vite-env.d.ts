/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Realtime project URL: the local server (set by `npm start`), hosted Supabase or MemFire. */
  readonly VITE_SUPABASE_URL?: string;
  /** The project's anon key. */
  readonly VITE_SUPABASE_ANON_KEY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
