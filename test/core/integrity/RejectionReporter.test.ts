import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isPresenceError } from '../../../src/core/facade/PresenceError.js';
import { RejectionReporter } from '../../../src/core/inbound/RejectionReporter.js';
import type { RemotePayloadError } from '../../../src/core/inbound/RemotePayloadError.js';

describe('RejectionReporter', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function reporter() {
    const errors: RemotePayloadError[] = [];
    return { errors, reporter: new RejectionReporter('room', (e) => errors.push(e), 1000) };
  }

  it('reports the first drop at once and a burst as one counted error', () => {
    const { errors, reporter: r } = reporter();
    for (let i = 0; i < 300; i += 1) r.reject(`bad ${i}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'INVALID_REMOTE_PAYLOAD',
      count: 1,
      reason: 'room: bad 0',
    });
    expect(isPresenceError(errors[0])).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(errors).toHaveLength(2);
    expect(errors[1]?.count).toBe(299);
    expect(errors[1]?.reason).toContain('latest: bad 299');
    vi.advanceTimersByTime(5000);
    expect(errors).toHaveLength(2);
  });

  it('reports a sustained flood once per window, and a later drop at once again', () => {
    const { errors, reporter: r } = reporter();
    for (let t = 0; t < 3000; t += 10) {
      r.reject('bad');
      vi.advanceTimersByTime(10);
    }
    // 300 drops over 3 s: one at once, then one counted report per window.
    expect(errors.map((e) => e.count)).toEqual([1, 99, 100, 100]);
    vi.advanceTimersByTime(1000);
    expect(errors).toHaveLength(4);
    r.reject('again');
    expect(errors.at(-1)).toMatchObject({ count: 1, reason: 'room: again' });
  });

  it('reports what it counted when disposed, and nothing after', () => {
    const { errors, reporter: r } = reporter();
    r.reject('a');
    r.reject('b');
    r.dispose();
    expect(errors.map((e) => e.count)).toEqual([1, 1]);
    vi.advanceTimersByTime(5000);
    expect(errors).toHaveLength(2);
  });
});
