import type { CursorPosition } from './cursorTypes.js';

/**
 * The cursor wire format: one Broadcast event, never presence. `tab` tells one user's tabs
 * apart, so a tab that loses the pointer hides the cursor only while it is the one shown.
 */
export const CURSOR_EVENT = 'presence-kit:cursor';

/** A decoded cursor signal. */
export interface CursorSignal {
  readonly userId: string;
  readonly tab: string;
  readonly position: CursorPosition;
}

const MAX_ID = 256;
const MAX_TAB = 64;
// Four decimals: a tenth of a pixel on a 1,000-pixel surface, in a short payload.
const round = (n: number) => Math.round(clamp(n) * 1e4) / 1e4;
const clamp = (n: number) => Math.min(Math.max(n, 0), 1);

/** The payload for a signal (coordinates clamped to 0 … 1 and rounded). */
export function encodeCursorSignal(signal: CursorSignal): Record<string, unknown> {
  const { userId, tab, position } = signal;
  return position === null
    ? { userId, tab, x: null, y: null }
    : { userId, tab, x: round(position.x), y: round(position.y) };
}

/**
 * Reads a remote payload: a signal, `'ask'` (a model just made asks for the cursors at rest,
 * `{ userId, tab, ask: true }`), or `undefined` for anything else. Payloads come from any client
 * on the channel: bounded ids, and coordinates that are both `null` or both finite numbers
 * (clamped to 0 … 1, so no cursor is drawn off the surface).
 */
export function decodeCursorSignal(payload: unknown): CursorSignal | 'ask' | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const { userId, tab, x, y, ask } = payload as Record<string, unknown>;
  if (typeof userId !== 'string' || userId.length === 0 || userId.length > MAX_ID) return undefined;
  if (typeof tab !== 'string' || tab.length === 0 || tab.length > MAX_TAB) return undefined;
  if (ask === true) return 'ask';
  if (x === null && y === null) return { userId, tab, position: null };
  if (typeof x !== 'number' || typeof y !== 'number') return undefined;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  return { userId, tab, position: { x: clamp(x), y: clamp(y) } };
}
