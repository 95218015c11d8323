import type { DisplayProfile, GetProfile, ProfilePolicy, ProfileSource } from './profile.js';

/** Defaults of the typing model. `keepAliveMs` is the wire contract between senders and receivers. */
export const TYPING_DEFAULTS = Object.freeze({
  /** Receivers drop a typer after this long without a keep-alive. */
  timeoutMs: 5000,
  /** At most one keep-alive per this interval while keystrokes continue. */
  keepAliveMs: 2000,
});

/** What the typing model reads of an occupant: the profile fields and the presence status. */
export interface TypingOccupant extends ProfileSource {
  /** `'leaving'` (or the occupant gone) drops its typing at once. */
  readonly status: string;
}

/**
 * What the typing model needs of a room: an engine `Room` fits as is. Kept structural so the
 * model runs anywhere (a simulated bot, a test) without the engine.
 */
export interface TypingRoom<O extends TypingOccupant = TypingOccupant> {
  readonly store: {
    getState(): {
      readonly selfId: string;
      readonly occupants: { get(userId: string): O | undefined };
    };
  };
  onBroadcast(event: string, handler: (payload: unknown) => void): () => void;
  sendBroadcast(event: string, payload: Record<string, unknown>): Promise<void>;
  subscribeUser(userId: string, listener: () => void): () => void;
}

/** Options of `createTyping` and `useTyping`. */
export interface TypingOptions<O extends TypingOccupant = TypingOccupant> extends ProfilePolicy {
  /** Drop a typer after this long without a keep-alive (keep it above 2 s). @default 5000 */
  timeoutMs?: number;
  /** Where typers' names and avatars come from. @default defaultProfile */
  getProfile?: GetProfile<O>;
}

/** Another occupant who is typing now. */
export interface Typer<O extends TypingOccupant = TypingOccupant> {
  readonly userId: string;
  readonly occupant: O;
  /** Their display profile, already sanitised. */
  readonly profile: DisplayProfile;
  /** Our clock when we first heard them start (typers are listed in this order). */
  readonly startedAt: number;
}

/** The typing model's state; a new object only when something in it changes. */
export interface TypingSnapshot<O extends TypingOccupant = TypingOccupant> {
  /** Others typing now, in the order they started. */
  readonly typers: readonly Typer<O>[];
  /** Whether we are typing: from a keystroke until `stop()` or `timeoutMs` without keystrokes. */
  readonly isTyping: boolean;
}

/** A room's typing state and our own typing signal. */
export interface TypingModel<O extends TypingOccupant = TypingOccupant> {
  getSnapshot(): TypingSnapshot<O>;
  /** Calls `listener` after every snapshot change; returns its remover. */
  subscribe(listener: () => void): () => void;
  /** Call on every keystroke: starts at once, then one keep-alive per 2 s at most. */
  keystroke(): void;
  /** Call on send or blur: others stop showing us at once. */
  stop(): void;
  /** Stops listening and sending; the snapshot stays as it was. */
  destroy(): void;
}
