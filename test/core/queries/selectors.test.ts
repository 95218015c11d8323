import { describe, expect, it } from 'vitest';
import { decodeBookmark, encodeBookmark } from '../../../src/core/queries/bookmark.js';
import { isPresenceError } from '../../../src/core/facade/PresenceError.js';
import {
  createWhoNowSelector,
  selectOthers,
  selectUserState,
  selectWhoNow,
} from '../../../src/core/queries/selectors.js';
import { change, modelWith } from '../helpers/roomState.js';

const ids = (n: number) =>
  Array.from({ length: n }, (_, i) => `user-${String(i).padStart(4, '0')}`);

describe('whoNow selectors', () => {
  it('pages 50 ids at a time by default with totalOccupancy counting the whole room', () => {
    const state = modelWith(ids(120)).store.getState();
    const first = selectWhoNow(state);
    expect(first.totalOccupancy).toBe(120);
    expect(first.occupants).toHaveLength(50);
    expect(first.occupants[0]).toEqual({ userId: 'user-0000', states: {}, statesCount: 0 });
    const second = selectWhoNow(state, { page: first.nextPage });
    const third = selectWhoNow(state, { page: second.nextPage });
    expect(second.occupants[0]?.userId).toBe('user-0050');
    expect(third.occupants).toHaveLength(20);
    expect(third.nextPage).toBe('');
  });

  it('keeps bookmarks valid while people come and go', () => {
    const model = modelWith(ids(100));
    const first = selectWhoNow(model.store.getState(), { pageSize: 10 });
    change(
      model,
      ['aaa-early', 'user-0005x', 'user-0010a'],
      ['user-0009', 'user-0010', 'user-0011'],
    );
    const second = selectWhoNow(model.store.getState(), { pageSize: 3, page: first.nextPage });
    expect(second.occupants.map((o) => o.userId)).toEqual(['user-0010a', 'user-0012', 'user-0013']);
    expect(second.totalOccupancy).toBe(100);
  });

  it('includes states on request and counts only when both flags are false', () => {
    const state = modelWith(['a', 'b']).store.getState();
    expect(selectWhoNow(state, { includedState: true }).occupants[1]).toEqual({
      userId: 'b',
      states: { n: 'b' },
      statesCount: 1,
    });
    expect(selectWhoNow(state, { includedUserId: false })).toEqual({
      totalOccupancy: 2,
      occupants: [],
      nextPage: '',
    });
  });

  it('refuses includedState without includedUserId, bad page sizes and foreign bookmarks', () => {
    const state = modelWith(['a']).store.getState();
    for (const options of [
      { includedUserId: false, includedState: true },
      { pageSize: 0 },
      { pageSize: 2.5 },
      { page: 'garbage' },
    ]) {
      let caught: unknown;
      try {
        selectWhoNow(state, options);
      } catch (error) {
        caught = error;
      }
      expect(isPresenceError(caught) && caught.code).toBe('INVALID_ARGUMENT');
    }
  });

  it('round-trips bookmarks for any user id', () => {
    for (const id of ['plain', 'ünï©ødé 🚀', '../../etc', 'a'.repeat(300)])
      expect(decodeBookmark(encodeBookmark(id))).toBe(id);
    expect(decodeBookmark('pk1.!!')).toBeNull();
  });

  it('memoises results while the page inputs keep their identity', () => {
    const model = modelWith(['a', 'b', 'c']);
    const select = createWhoNowSelector<Record<string, string>>();
    const first = select(model.store.getState(), { includedState: true });
    expect(select(model.store.getState(), { includedState: true })).toBe(first);
    change(model, [], []);
    expect(select(model.store.getState(), { includedState: true })).toBe(first);
    change(model, ['d']);
    const next = select(model.store.getState(), { includedState: true });
    expect(next).not.toBe(first);
    expect(next.totalOccupancy).toBe(4);
  });

  it('reads one user and the others', () => {
    const state = modelWith(['a', 'self']).store.getState();
    expect(selectUserState(state, 'a')).toEqual({
      userId: 'a',
      states: { n: 'a' },
      statesCount: 1,
    });
    expect(selectUserState(state, 'nobody')).toBeUndefined();
    expect(selectOthers(state).map((o) => o.userId)).toEqual(['a']);
  });
});
