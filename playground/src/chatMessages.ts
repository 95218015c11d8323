/** One line in the chat: a message or a wave. */
export interface ChatLine {
  id: string;
  kind: 'message' | 'wave';
  from: string;
  text: string;
  mine: boolean;
}

/** Lines kept on screen. */
export const MAX_LINES = 40;
/** Longest message accepted, sent or received. */
export const MAX_TEXT = 500;

/** A fresh line id, random enough that two tabs never pick the same one. */
export const lineId = (): string =>
  `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * A received Broadcast payload as a chat line, or `null` when it is not one. Payloads come from
 * other clients: only short strings are taken, nothing else is read.
 */
export function parseLine(kind: ChatLine['kind'], payload: unknown): ChatLine | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { id, from, text } = payload as Record<string, unknown>;
  if (typeof id !== 'string' || typeof from !== 'string' || id.length > 64) return null;
  const body = kind === 'wave' ? '' : text;
  if (typeof body !== 'string' || body.length > MAX_TEXT) return null;
  return { id, kind, from: from.slice(0, 64), text: body, mine: false };
}
