// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { Profiler } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as AvatarModule from '../../src/components/Avatar.js';
import { MicSeats } from '../../src/components/MicSeats.js';
import { MIC_SEATS_LABELS, type MicSeatsLabels } from '../../src/components/micSeatsLabels.js';
import type * as CreateMicSeatsModule from '../../src/core/models/createMicSeats.js';
import { roomPerTest, tick } from './roomHarness.js';

// What one presence update costs <MicSeats>, in counts: seats rendered, avatars rendered, and
// the seat model's subscribers the update woke (each one runs a selector or snapshot check).
const counts = vi.hoisted(() => ({ avatars: 0, woken: 0 }));

vi.mock('../../src/components/Avatar.js', async (importOriginal) => {
  const real = await importOriginal<typeof AvatarModule>();
  return {
    ...real,
    Avatar: (props: Parameters<typeof real.Avatar>[0]) => {
      counts.avatars += 1;
      return real.Avatar(props);
    },
  };
});

// The shared model, with every listener handed to it counted when the model calls it.
vi.mock('../../src/core/models/createMicSeats.js', async (importOriginal) => {
  const real = await importOriginal<typeof CreateMicSeatsModule>();
  const counted =
    (listener: () => void) =>
    (...args: unknown[]) => {
      counts.woken += 1;
      (listener as (...a: unknown[]) => void)(...args);
    };
  return {
    createMicSeats: (...args: Parameters<typeof real.createMicSeats>) => {
      const model = real.createMicSeats(...args);
      return new Proxy(model, {
        get(target, key) {
          const value: unknown = Reflect.get(target, key);
          if (typeof value !== 'function') return value;
          // Subscriptions take the listener last: `subscribe(l)`, `subscribeSeat(index, l)`.
          if (typeof key === 'string' && key.startsWith('subscribe'))
            return (...rest: unknown[]) => {
              const listener = rest.pop() as () => void;
              return (value as (...a: unknown[]) => unknown).apply(target, [
                ...rest,
                counted(listener),
              ]);
            };
          return (value as (...a: unknown[]) => unknown).bind(target);
        },
      });
    },
  };
});

const room = roomPerTest();
const SEATED_AT = '1700000000000';
const seated = (seat: number, name: string) => ({
  name,
  'pk.seat': String(seat),
  'pk.seatAt': String(Number(SEATED_AT) + seat),
  'pk.mic': 'on',
});

const seatRenders = new Map<number, number>();
// labels.seat runs once per seat render: a per-seat render counter.
const labels: Partial<MicSeatsLabels> = {
  seat: (d) => {
    seatRenders.set(d.number, (seatRenders.get(d.number) ?? 0) + 1);
    return MIC_SEATS_LABELS.seat(d);
  },
};
let commits = 0;

async function stage() {
  const bob = await room.user('bob', seated(0, 'Bob'));
  const cy = await room.user('cy', seated(2, 'Cy'));
  const dee = await room.user('dee', { name: 'Dee' });
  await room.render(
    <Profiler id="seats" onRender={() => (commits += 1)}>
      <MicSeats seatCount={8} labels={labels} />
    </Profiler>,
    { name: 'Me' },
  );
  await tick(600);
  expect(screen.getByRole('button', { name: 'Seat 1, Bob' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Seat 3, Cy' })).toBeTruthy();
  seatRenders.clear();
  counts.avatars = 0;
  counts.woken = 0;
  commits = 0;
  return { bob, cy, dee };
}

beforeEach(() => {
  seatRenders.clear();
});

describe('<MicSeats> per-update work', () => {
  it("a seated user's mic flip renders that seat once, not its avatar, waking 1 subscriber", async () => {
    const { bob } = await stage();
    await bob.presence.setState('room', { 'pk.mic': 'off' });
    await tick(600);
    expect(screen.getByRole('button', { name: 'Seat 1, Bob, muted' })).toBeTruthy();
    expect([...seatRenders]).toEqual([[1, 1]]);
    expect(counts.avatars).toBe(0);
    expect(commits).toBe(1);
    // The changed seat's own subscription only: not the grid (its host flag is derived from
    // hostId and our id), not our controls (we have no seat), not any other seat.
    expect(counts.woken).toBe(1);
  });

  it("a seated user's unrelated state change renders that seat once and keeps its avatar", async () => {
    const { cy } = await stage();
    await cy.presence.setState('room', { status: 'away' });
    await tick(600);
    expect([...seatRenders]).toEqual([[3, 1]]);
    expect(counts.avatars).toBe(0);
    expect(counts.woken).toBe(1);
  });

  it('an unseated user’s change renders nothing and wakes no subscriber', async () => {
    const { dee } = await stage();
    await dee.presence.setState('room', { status: 'away' });
    await tick(600);
    expect(seatRenders.size).toBe(0);
    expect(counts.avatars).toBe(0);
    expect(commits).toBe(0);
    expect(counts.woken).toBe(0);
  });

  it('a name change re-renders the seat and its avatar once each', async () => {
    const { bob } = await stage();
    await bob.presence.setState('room', { name: 'Robert' });
    await tick(600);
    expect(screen.getByRole('button', { name: 'Seat 1, Robert' })).toBeTruthy();
    expect([...seatRenders]).toEqual([[1, 1]]);
    expect(counts.avatars).toBe(1);
  });
});
