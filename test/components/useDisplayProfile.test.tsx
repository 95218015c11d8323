// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDisplayProfile, type ProfileProps } from '../../src/components/profileProps.js';
import type { Occupant } from '../../src/core/index.js';

/** An occupant record as the store gives one (only the fields a profile reads matter here). */
const record = (state: Record<string, string>): Occupant =>
  ({
    userId: 'ada',
    isSelf: false,
    state,
    statesCount: 1,
    connections: [],
    status: 'online',
    joinedAt: 0,
  }) as unknown as Occupant;

describe('useDisplayProfile', () => {
  it('keeps the same profile object when a change does not touch the profile fields', () => {
    const { result, rerender } = renderHook(
      ({ occupant, props }: { occupant: Occupant; props: ProfileProps }) =>
        useDisplayProfile(occupant, props),
      { initialProps: { occupant: record({ name: 'Ada', status: 'online' }), props: {} } },
    );
    const first = result.current;
    expect(first?.name).toBe('Ada');
    // A new record (a status or mute change) with the same name, avatar and colour.
    rerender({ occupant: record({ name: 'Ada', status: 'away', 'pk.mic': 'off' }), props: {} });
    expect(result.current).toBe(first);
    // An inline getProfile that reads the same fields keeps it too.
    rerender({
      occupant: record({ name: 'Ada' }),
      props: { getProfile: (o: Occupant) => ({ name: o.state['name'] ?? o.userId }) },
    });
    expect(result.current).toBe(first);
  });

  it('makes a new, sanitised profile when the name, avatar, colour or origins change', () => {
    const { result, rerender } = renderHook(
      ({ occupant, props }: { occupant: Occupant; props: ProfileProps }) =>
        useDisplayProfile(occupant, props),
      { initialProps: { occupant: record({ name: 'Ada' }), props: {} } },
    );
    const first = result.current;
    rerender({ occupant: record({ name: 'Ada \u202eL' }), props: {} });
    expect(result.current).not.toBe(first);
    expect(result.current?.name).toBe('Ada L');
    rerender({
      occupant: record({ name: 'Ada L', avatar: 'https://cdn.example.com/a.png' }),
      props: {},
    });
    expect(result.current?.avatarUrl).toBe('https://cdn.example.com/a.png');
    rerender({
      occupant: record({ name: 'Ada L', avatar: 'https://cdn.example.com/a.png' }),
      props: { avatarOrigins: ['https://elsewhere.example'] },
    });
    expect(result.current?.avatarUrl).toBeUndefined();
    rerender({ occupant: record({ name: 'Ada L', color: 'url(x)' }), props: {} });
    expect(result.current?.color).not.toContain('url');
  });
});
