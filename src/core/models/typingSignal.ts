/**
 * The typing wire format: one Broadcast event, never presence. `tab` tells one user's tabs apart,
 * so closing the one that was typing does not hide the other.
 */
export const TYPING_EVENT = 'presence-kit:typing';

/** A decoded typing signal. */
export interface TypingSignal {
  readonly userId: string;
  readonly tab: string;
  /** `true` for a start or keep-alive, `false` for a stop. */
  readonly typing: boolean;
}

const MAX_ID = 256;
const MAX_TAB = 64;

/** The payload for a signal. */
export function encodeTypingSignal(signal: TypingSignal): Record<string, unknown> {
  return { userId: signal.userId, tab: signal.tab, typing: signal.typing };
}

/**
 * Reads a remote payload; `undefined` for anything that is not exactly a signal. Payloads come
 * from any client on the channel, so nothing but three bounded fields of the right type passes.
 */
export function decodeTypingSignal(payload: unknown): TypingSignal | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const { userId, tab, typing } = payload as Record<string, unknown>;
  if (typeof userId !== 'string' || userId.length === 0 || userId.length > MAX_ID) return undefined;
  if (typeof tab !== 'string' || tab.length === 0 || tab.length > MAX_TAB) return undefined;
  if (typeof typing !== 'boolean') return undefined;
  return { userId, tab, typing };
}
