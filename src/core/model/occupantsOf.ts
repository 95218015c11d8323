import type { Occupant, UserState } from '../types.js';
import { CollisionNode, TrieNode } from './occupantTrie.js';
import type { Slot } from './occupantTrie.js';

/**
 * Every occupant under `root`, depth first. A hand-rolled iterator: nested generators cost
 * about three times as much per occupant, and React rows iterate whole rooms.
 */
export function occupantsOf<S extends UserState>(root: TrieNode<S>): IterableIterator<Occupant<S>> {
  const stack: (readonly Slot<S>[])[] = [root.slots];
  const at: number[] = [0];
  let collided: readonly Occupant<S>[] = [];
  let c = 0;
  const iterator: IterableIterator<Occupant<S>> = {
    next(): IteratorResult<Occupant<S>> {
      for (;;) {
        if (c < collided.length) return { done: false, value: collided[c++] as Occupant<S> };
        const top = stack.length - 1;
        if (top < 0) return { done: true, value: undefined };
        const slots = stack[top] as readonly Slot<S>[];
        const i = at[top] as number;
        if (i === slots.length) {
          stack.pop();
          at.pop();
          continue;
        }
        at[top] = i + 1;
        const slot = slots[i] as Slot<S>;
        if (slot instanceof TrieNode) {
          stack.push(slot.slots);
          at.push(0);
        } else if (slot instanceof CollisionNode) {
          collided = slot.entries;
          c = 0;
        } else return { done: false, value: slot };
      }
    },
    [Symbol.iterator]: () => iterator,
  };
  return iterator;
}
