import type { DemoState } from './presence.js';

// Per tab (sessionStorage), per user and room: a reload comes back with the same state, a new
// tab ("Open as another user") starts fresh.
const keyFor = (userId: string, room: string) => `pk-playground-state:${userId}:${room}`;

/** The state this tab last had in `room`, or `null`. Kit-internal `pk.` keys are left out. */
export function loadState(userId: string, room: string): DemoState | null {
  try {
    const raw = sessionStorage.getItem(keyFor(userId, room));
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const state: DemoState = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value === 'string' && !key.startsWith('pk.')) state[key] = value;
    }
    return state;
  } catch {
    return null;
  }
}

/** Remembers our state for the next reload of this tab. */
export function saveState(userId: string, room: string, state: Readonly<Partial<DemoState>>): void {
  try {
    sessionStorage.setItem(keyFor(userId, room), JSON.stringify(state));
  } catch {
    // Storage full or disabled: a reload then starts from the defaults.
  }
}
