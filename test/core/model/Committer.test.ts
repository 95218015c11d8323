import { describe, expect, it, vi } from 'vitest';
import type { BatchFacts } from '../../../src/core/model/BatchedStore.js';
import { Committer } from '../../../src/core/model/Committer.js';
import { buildOccupant } from '../../../src/core/model/occupantRecords.js';
import { conn, modelWith } from '../helpers/roomState.js';

function setup() {
  const model = modelWith(['a']);
  const published: BatchFacts[] = [];
  const committer = new Committer(model, (facts) => published.push(facts));
  const notified = vi.fn();
  model.store.subscribe(notified);
  const add = (id: string) =>
    model.put(buildOccupant(id, false, 'online', [conn(`c-${id}`)], undefined));
  return { model, committer, published, notified, add };
}

describe('Committer', () => {
  it('commits each outermost batch once and publishes its facts', () => {
    const { committer, published, notified, add } = setup();
    committer.batch(() => {
      add('b');
      add('c');
    });
    committer.batch(() => add('d'));
    expect(notified).toHaveBeenCalledTimes(2);
    expect(published.map((facts) => facts.joined)).toEqual([['b', 'c'], ['d']]);
  });

  it('folds a nested batch into the outer one', () => {
    const { model, committer, published, notified, add } = setup();
    committer.batch(() => {
      add('b');
      committer.batch(() => add('c'));
      expect(model.store.getState().occupancy).toBe(1);
      expect(notified).not.toHaveBeenCalled();
    });
    expect(notified).toHaveBeenCalledTimes(1);
    expect(published).toHaveLength(1);
    expect(published[0]?.joined).toEqual(['b', 'c']);
  });

  it('leaves a throwing batch open for the next commit, and keeps counting right', () => {
    const { model, committer, published, add } = setup();
    expect(() =>
      committer.batch(() => {
        add('b');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(published).toHaveLength(0);
    expect(model.store.getState().occupancy).toBe(1);
    committer.batch(() => add('c'));
    expect(published).toHaveLength(1);
    expect(published[0]?.joined).toEqual(['b', 'c']);
  });
});
