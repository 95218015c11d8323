import type { SimulationContext } from './Activity.js';
import type { SimulatedUser } from './SimulatedUser.js';

/** The Broadcast event chat lines travel on (an app event: the kit reserves only `pk:`). */
export const CHAT_EVENT = 'chat';

/** A chat line on the wire. Received ones are untrusted: read them with {@link readChatLine}. */
export interface ChatLine {
  userId: string;
  text: string;
  /** Sender's clock, ms; for ordering a little better than arrival. */
  at: number;
}

const MAX_TEXT = 280;

const LINES = [
  'Morning all!',
  'Can everyone hear me?',
  'Sharing my screen in a sec.',
  'I pushed the fix, could someone review?',
  'Lunch at noon?',
  'That demo was great.',
  'Brb, coffee.',
  'Does anyone have the link to the doc?',
  'Agreed, let us ship it.',
  'I will take the next item.',
] as const;

/**
 * What a scripted user posts when a typing burst ends in a send: a canned line over Broadcast,
 * through the user's own room (pass it as the typing script's `onSent`).
 */
export function sendChatLine(user: SimulatedUser, ctx: SimulationContext): void {
  const room = user.room();
  if (room === undefined) return;
  const line: ChatLine = { userId: user.userId, text: ctx.random.pick(LINES), at: Date.now() };
  room.sendBroadcast(CHAT_EVENT, { ...line }).catch((error: unknown) => ctx.report(error));
}

/** Validates a received chat payload: strings where strings belong, text capped; else `null`. */
export function readChatLine(payload: unknown): ChatLine | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { userId, text, at } = payload as Record<string, unknown>;
  if (typeof userId !== 'string' || userId === '' || userId.length > 256) return null;
  if (typeof text !== 'string' || text.trim() === '') return null;
  return {
    userId,
    text: text.slice(0, MAX_TEXT),
    at: typeof at === 'number' && Number.isFinite(at) ? at : Date.now(),
  };
}
