/** How the playground connects, from the URL and the env the dev script sets. */
export interface PlaygroundConfig {
  /** `local`: the kit's server from `npm start`; `hosted`: Supabase/MemFire; `offline`: in-page loopback. */
  mode: 'local' | 'hosted' | 'offline';
  url: string;
  anonKey: string;
  room: string;
  userId: string;
  name: string;
}

// None of these is a simulated user's name (stories/support/botProfiles.ts), so a tab never
// shares its name with a bot.
const NAMES = [
  'Grace',
  'Linus',
  'Margaret',
  'Alan',
  'Barbara',
  'Ken',
  'Radia',
  'Tim',
  'Hedy',
  'Edsger',
  'Frances',
];

/** A friendly name that stays the same for a user id. */
export function nameFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return NAMES[hash % NAMES.length] ?? 'Guest';
}

/** A fresh user id, e.g. `user-k3x9`. */
export function newUserId(): string {
  return `user-${Math.random().toString(36).slice(2, 6)}`;
}

function isLocalUrl(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

/** `?offline`, `?user=`, `?room=` and the two `VITE_SUPABASE_*` variables. */
export function readConfig(location: Location, env: ImportMetaEnv): PlaygroundConfig {
  const params = new URLSearchParams(location.search);
  const url = env.VITE_SUPABASE_URL ?? '';
  const anonKey = env.VITE_SUPABASE_ANON_KEY ?? '';
  // A tab keeps its user across reloads; "open another tab" passes a new one in the URL.
  const userId = params.get('user') ?? sessionStorage.getItem('pk-user') ?? newUserId();
  sessionStorage.setItem('pk-user', userId);
  const offline = params.has('offline') || url === '' || anonKey === '';
  return {
    mode: offline ? 'offline' : isLocalUrl(url) ? 'local' : 'hosted',
    url,
    anonKey,
    room: params.get('room') ?? 'lobby',
    userId,
    name: params.get('name') ?? nameFor(userId),
  };
}
