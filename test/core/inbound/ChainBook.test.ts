import { describe, expect, it } from 'vitest';
import { ChainBook } from '../../../src/core/inbound/ChainBook.js';
import type { ChainKnowledge } from '../../../src/core/inbound/ChainKnowledge.js';

const knowledge = (version: number): ChainKnowledge => ({
  version,
  element: Uint32Array.of(version, 2, 3, 4),
  next: null,
});

describe('ChainBook', () => {
  it('forgets a ref set to null, in an empty book and in a full one', () => {
    const book = new ChainBook();
    book.set('r0', null);
    expect(book.get('r0')).toBeUndefined();
    book.set('r1', knowledge(1));
    book.set('r2', knowledge(2));
    expect(book.get('r1')?.version).toBe(1);
    book.set('r1', null);
    expect(book.get('r1')).toBeUndefined();
    expect(book.get('r2')?.version).toBe(2);
    // A forgotten chain is not kept for a late goodbye either.
    book.depart('r1', 'u', 'c');
    expect(book.departedOf('u', 'c')).toEqual([]);
    book.depart('r2', 'u', 'c');
    expect(book.departedOf('u', 'c').map(([ref]) => ref)).toEqual(['r2']);
  });
});
