import { Subscribers } from './Subscribers.js';
import { decodeTypingSignal, encodeTypingSignal, TYPING_EVENT } from './typingSignal.js';
import { TypingRoster } from './TypingRoster.js';
import { TypingSender } from './TypingSender.js';
import {
  TYPING_DEFAULTS,
  type TypingModel,
  type TypingOccupant,
  type TypingOptions,
  type TypingRoom,
  type TypingSnapshot,
} from './typingTypes.js';

/**
 * The typing indicator's model, without React: who else is typing in `room`, and our own typing
 * signal. Everything travels as Broadcast (`presence-kit:typing`), never `track`, so typing costs
 * no presence calls. `keystroke()` sends a start at once and then at most one keep-alive per 2 s;
 * `stop()` clears us at once; receivers drop a typer after `timeoutMs` without a keep-alive and at
 * once when they leave the room.
 *
 * Creating the model has no side effect: it listens for others while it has subscribers (so a
 * bot that only types needs none), which also lets React create it during render.
 *
 * @example
 * const room = await presence.join('chat');
 * const typing = createTyping(room);
 * input.addEventListener('input', () => typing.keystroke());
 * typing.subscribe(() => render(typing.getSnapshot().typers.map((t) => t.profile.name)));
 */
export function createTyping<O extends TypingOccupant>(
  room: TypingRoom<O>,
  options: TypingOptions<O> = {},
): TypingModel<O> {
  const timeoutMs = options.timeoutMs ?? TYPING_DEFAULTS.timeoutMs;
  if (!(timeoutMs > 0 && Number.isFinite(timeoutMs)))
    throw new RangeError(`createTyping: timeoutMs must be a positive number, got ${timeoutMs}`);
  const subscribers = new Subscribers();
  let snapshot: TypingSnapshot<O> = { typers: [], isTyping: false };
  let roster: TypingRoster<O> | undefined;
  let unlisten: (() => void) | undefined;
  const changed = () => {
    snapshot = { typers: roster?.typers ?? [], isTyping: sender.isTyping };
    subscribers.notify();
  };
  const tab = Math.random().toString(36).slice(2, 12);
  const sender = new TypingSender(
    (typing) => {
      const userId = room.store.getState().selfId;
      return room.sendBroadcast(TYPING_EVENT, encodeTypingSignal({ userId, tab, typing }));
    },
    timeoutMs,
    changed,
  );
  const listen = () => {
    const current = new TypingRoster(room, { ...options, timeoutMs }, changed);
    roster = current;
    unlisten = room.onBroadcast(TYPING_EVENT, (payload) => {
      const signal = decodeTypingSignal(payload);
      if (signal !== undefined) current.receive(signal);
    });
  };
  const unlistenAll = () => {
    unlisten?.();
    roster?.destroy();
    roster = unlisten = undefined;
    if (snapshot.typers.length > 0) snapshot = { typers: [], isTyping: sender.isTyping };
  };
  let destroyed = false;
  return {
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      const remove = subscribers.subscribe(listener);
      if (roster === undefined && !destroyed) listen();
      return () => {
        remove();
        if (subscribers.size === 0) unlistenAll();
      };
    },
    keystroke: () => {
      if (!destroyed) sender.keystroke();
    },
    stop: () => sender.stop(),
    destroy: () => {
      sender.stop();
      sender.destroy();
      destroyed = true;
      unlistenAll();
      subscribers.clear();
    },
  };
}
