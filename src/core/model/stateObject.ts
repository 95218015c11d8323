import type { UserState } from '../types.js';

/**
 * State objects held by the store: null-prototype (client-chosen keys can never reach
 * `Object.prototype`) and frozen (they are shared between snapshots, events and query results).
 */
export type FrozenState<S extends UserState = UserState> = Readonly<S>;

/**
 * A new empty null-prototype object, to be filled and then frozen. Not `Object.create(null)`,
 * which starts in dictionary mode, and not a `{}` cut from its prototype once filled, whose
 * freeze then makes a hidden class of its own for every object (about 150 bytes and a slow
 * freeze per state, 10,000 of them in a cold presence_state). Cut while empty, every state with
 * the same keys shares one hidden class, frozen or not.
 */
export function nullObject(): Record<string, string> {
  return Object.setPrototypeOf({}, null) as Record<string, string>;
}

/** The shared empty state. */
export const EMPTY_STATE: FrozenState = Object.freeze(nullObject() as UserState);

/** Copies `pairs` into a new frozen null-prototype object. */
export function freezeState<S extends UserState>(
  pairs: Iterable<readonly [string, string]>,
): FrozenState<S> {
  const out = nullObject();
  for (const [key, value] of pairs) out[key] = value;
  return Object.freeze(out) as FrozenState<S>;
}

/**
 * The last state whose size a check already counted, and that count. A frozen state never
 * changes, so the count stays true; a remote meta's state is counted by its check and then, at
 * once, by its occupant record, so the record reads it here instead of listing the keys again.
 */
let counted: object | null = null;
let countedSize = 0;

/** Notes that the frozen `state` has `size` keys (see `counted`). */
export function noteStateSize(state: FrozenState, size: number): void {
  counted = state;
  countedSize = size;
}

/** Counts the keys of a state object. */
export function stateSize(state: Readonly<UserState>): number {
  return state === counted ? countedSize : Object.keys(state).length;
}

/** Shallow equality of two state objects (≤ 32 keys, so this is cheap). */
export function sameState(a: Readonly<UserState>, b: Readonly<UserState>): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && a[key] === b[key]);
}

/** `base` without `keys`; all keys when `keys` is undefined (Agora `removeState`). */
export function removeKeys<S extends UserState>(
  base: Readonly<UserState>,
  keys?: readonly string[],
): FrozenState<S> {
  if (keys === undefined) return EMPTY_STATE as FrozenState<S>;
  const drop = new Set(keys);
  return freezeState<S>(Object.entries(base).filter(([key]) => !drop.has(key)));
}
