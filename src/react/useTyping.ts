import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import {
  createTyping,
  resolveProfile,
  type Occupant,
  type ProfilePolicy,
  type Typer,
  type TypingModel,
  type TypingOptions,
  type TypingSnapshot,
  type UserState,
} from '../core/index.js';
import { useRoom } from './useRoom.js';

/** Options of {@link useTyping}. */
export type UseTypingOptions<S extends UserState = UserState> = TypingOptions<Occupant<S>>;

/** What {@link useTyping} returns. `keystroke` and `stop` are stable. */
export interface UseTypingResult<S extends UserState = UserState> {
  /** Others typing now, each with `userId`, `occupant` and sanitised `profile`, in start order. */
  typers: readonly Typer<Occupant<S>>[];
  /** Whether we are typing (from a keystroke until `stop()` or `timeoutMs` of quiet). */
  isTyping: boolean;
  /** Call on every keystroke. Sends a start at once, then one keep-alive per 2 s at most. */
  keystroke: () => void;
  /** Call on send or blur: others stop seeing us type at once. */
  stop: () => void;
}

const idle: TypingSnapshot<Occupant<UserState>> = Object.freeze({ typers: [], isTyping: false });
const noSubscription = () => () => {};

/**
 * Who else is typing in the provider's room, and our own typing signal. Broadcast only, never
 * `track`: a burst of any length costs no presence call. Typers come only from users in the room;
 * they drop after `timeoutMs` without a keep-alive and at once when they leave.
 *
 * @example
 * const { typers, keystroke, stop } = useTyping();
 * <input onChange={keystroke} onBlur={stop} />
 * <p>{typers.map((t) => t.profile.name).join(', ')}</p>
 */
export function useTyping<S extends UserState = UserState>(
  options: UseTypingOptions<S> = {},
): UseTypingResult<S> {
  const room = useRoom<S>();
  const { timeoutMs, getProfile, avatarOrigins, maxNameLength } = options;
  const model = useMemo(
    (): TypingModel<Occupant<S>> | null =>
      room === null ? null : createTyping(room, timeoutMs === undefined ? {} : { timeoutMs }),
    [room, timeoutMs],
  );
  // Unmounting (or a new room) while typing tells the others at once.
  useEffect(() => () => model?.stop(), [model]);
  const getSnapshot = useCallback(
    () => model?.getSnapshot() ?? (idle as TypingSnapshot<Occupant<S>>),
    [model],
  );
  const snapshot = useSyncExternalStore(
    model?.subscribe ?? noSubscription,
    getSnapshot,
    getSnapshot,
  );
  // The model reads profiles by the convention; an app's own reader is applied here, per render,
  // so an inline `getProfile` never rebuilds the model (typers are few: this stays cheap).
  const custom =
    getProfile !== undefined || avatarOrigins !== undefined || maxNameLength !== undefined;
  const typers = useMemo(() => {
    if (!custom) return snapshot.typers;
    const policy: ProfilePolicy = {};
    if (avatarOrigins !== undefined) policy.avatarOrigins = avatarOrigins;
    if (maxNameLength !== undefined) policy.maxNameLength = maxNameLength;
    return snapshot.typers.map((t) => ({
      ...t,
      profile: resolveProfile(t.occupant, getProfile, policy),
    }));
  }, [custom, snapshot.typers, getProfile, avatarOrigins, maxNameLength]);
  const keystroke = useCallback(() => model?.keystroke(), [model]);
  const stop = useCallback(() => model?.stop(), [model]);
  return { typers, isTyping: snapshot.isTyping, keystroke, stop };
}
