/**
 * The room the UI benchmark renders: N − 1 others (the core benchmark's deterministic population,
 * one connection each, metas shaped as the kit tracks them) plus our own user, and one presence
 * update per step. The first `seats` users hold mic seats 0 … seats − 1 in their state.
 */
import type { Meta, Population, StatePayload } from '../core/frames.js';
import { phxRef, population, updateDiff } from '../core/frames.js';

/** A claim time well in the past (seat claims dated ahead of our clock are ignored). */
const SEAT_AT = 1_700_000_000_000;

/** A room of `n` occupants (ours included), with `seats` users seated and unmuted. */
export function uiPopulation(n: number, seats: number): Population {
  const pop = population(n - 1);
  pop.ids.slice(0, seats).forEach((id, index) => {
    const m = pop.metas.get(id) as Meta;
    const seat = { 'pk.seat': String(index), 'pk.seatAt': String(SEAT_AT + index), 'pk.mic': 'on' };
    pop.metas.set(id, { ...m, state: { ...m.state, ...seat } });
  });
  return pop;
}

/** Everyone in `pop` plus, when given, our own user's meta, as a `presence_state` payload string. */
export function stateFrame(pop: Population, self?: { key: string; meta: Meta }): string {
  const out: StatePayload = {};
  for (const id of pop.ids) out[id] = { metas: [pop.metas.get(id) as Meta] };
  if (self) out[self.key] = { metas: [self.meta] };
  return JSON.stringify(out);
}

/**
 * One state change of `key` as Supabase sends it (new meta joins, old meta leaves, one diff):
 * `status` flips online/away, or, with `mic`, the seat's mic flips on/off. Returns the frame
 * string and the value the user must show afterwards.
 */
export function updateFrame(
  pop: Population,
  key: string,
  field: 'status' | 'pk.mic',
): { frame: string; value: string } {
  const from = pop.metas.get(key) as Meta;
  const flip: Record<string, [string, string]> = {
    status: ['online', 'away'],
    'pk.mic': ['on', 'off'],
  };
  const [a, b] = flip[field] as [string, string];
  const value = from.state[field] === a ? b : a;
  const to: Meta = {
    ...from,
    version: from.version + 1,
    state: { ...from.state, [field]: value },
    updatedAt: from.updatedAt + 1,
    phx_ref: phxRef(pop.random),
  };
  pop.metas.set(key, to);
  return { frame: JSON.stringify(updateDiff(key, from, to)), value };
}
