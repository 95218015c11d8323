import type { LoopbackClient } from 'presence-kit/local';
import { createPresence } from 'presence-kit';
import { MOODS, type DemoState } from './presence.js';

// Names the real users (see `nameFor`) never get, so bots are easy to tell apart.
const BOTS = [
  { userId: 'bot-kit', name: 'Kit' },
  { userId: 'bot-nova', name: 'Nova' },
  { userId: 'bot-pixel', name: 'Pixel' },
  { userId: 'bot-echo', name: 'Echo' },
] as const;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/**
 * Scripted users for the offline demo: each is a real presence on its own loopback client. Every
 * few seconds one changes status or mood, and now and then one leaves and comes back.
 */
export function startBots(loopback: LoopbackClient, room: string): () => void {
  const bots = BOTS.map(({ userId, name }) => ({
    name,
    presence: createPresence<DemoState>({
      client: loopback.createClient(),
      userId,
    }),
    here: true,
  }));
  const join = (bot: (typeof bots)[number]) =>
    bot.presence
      .join(room, {
        initialState: {
          name: bot.name,
          status: pick(['available', 'busy'] as const),
          mood: pick(MOODS),
        },
      })
      .catch(() => undefined);
  bots.forEach((bot) => void join(bot));

  const change = setInterval(() => {
    const bot = pick(bots.filter((b) => b.here));
    if (bot === undefined) return;
    const next =
      Math.random() < 0.5
        ? { status: pick(['available', 'busy'] as const) }
        : { mood: pick(MOODS) };
    bot.presence.setState(room, next).catch(() => undefined);
  }, 2500);

  const comeAndGo = setInterval(() => {
    const bot = pick(bots);
    bot.here = !bot.here;
    void (bot.here ? join(bot) : bot.presence.leave(room).catch(() => undefined));
  }, 7000);

  return () => {
    clearInterval(change);
    clearInterval(comeAndGo);
    bots.forEach((bot) => void bot.presence.destroy());
  };
}
