import { describe, expect, it } from 'vitest';
import { SeatMarks } from '../../../src/core/models/SeatMarks.js';

describe('SeatMarks', () => {
  it('lists each touched seat once, in the order first touched, and lists it again after a reset', () => {
    const marks = new SeatMarks(8);
    for (const index of [5, 2, 5, 7, 2, 0]) marks.mark(index);
    expect(marks.list).toEqual([5, 2, 7, 0]);
    marks.reset();
    expect(marks.list).toEqual([]);
    for (const index of [2, 3, 2]) marks.mark(index);
    expect(marks.list).toEqual([2, 3]);
  });
});
