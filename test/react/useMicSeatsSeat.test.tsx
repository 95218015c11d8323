// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PresenceProvider, useMicSeatsActions, useMicSeatsSeat } from '../../src/react/index.js';
import { addUser, createWorld } from './helpers.js';

const renders = new Map<number, number>();

function SeatView({ index }: { index: number }) {
  renders.set(index, (renders.get(index) ?? 0) + 1);
  const seat = useMicSeatsSeat({ seatCount: 3 }, index);
  if (seat === undefined) return <li>none</li>;
  const who = seat.userId ?? 'empty';
  return <li>{`${index}: ${who}${seat.muted ? ' muted' : ''}`}</li>;
}

function Seats({ client }: { client: ReturnType<ReturnType<typeof createWorld>['createClient']> }) {
  return (
    <PresenceProvider client={client} userId="me" channel="stage">
      <ul>
        <SeatView index={0} />
        <SeatView index={1} />
        <SeatView index={2} />
        <SeatView index={3} />
      </ul>
    </PresenceProvider>
  );
}

const claim = (seat: number, mic: 'on' | 'off') => ({
  'pk.seat': String(seat),
  'pk.seatAt': '1700000000000',
  'pk.mic': mic,
});

describe('useMicSeatsSeat', () => {
  it('shows one seat and re-renders only for that seat', async () => {
    const world = createWorld();
    render(<Seats client={world.createClient()} />);
    const bob = await addUser(world, 'bob', 'stage', claim(1, 'on'));
    await waitFor(() => expect(screen.getByText('1: bob')).toBeTruthy());
    expect(screen.getByText('0: empty')).toBeTruthy();
    expect(screen.getByText('none')).toBeTruthy();
    renders.clear();
    await bob.setState('stage', { 'pk.mic': 'off' });
    await waitFor(() => expect(screen.getByText('1: bob muted')).toBeTruthy());
    expect([...renders]).toEqual([[1, 1]]);
    renders.clear();
    await bob.setState('stage', { 'pk.seat': '2' });
    await waitFor(() => expect(screen.getByText('2: bob muted')).toBeTruthy());
    expect(screen.getByText('1: empty')).toBeTruthy();
    expect([...renders].sort()).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it("follows our own seat with 'mine': none until we sit, then ours as it moves", async () => {
    const world = createWorld();
    const held: { actions?: ReturnType<typeof useMicSeatsActions> } = {};
    function Mine() {
      const actions = useMicSeatsActions({ seatCount: 3 });
      useEffect(() => {
        held.actions = actions;
      }, [actions]);
      const mine = useMicSeatsSeat({ seatCount: 3 }, 'mine');
      return <p>{mine === undefined ? 'standing' : `mine: ${mine.index}`}</p>;
    }
    render(
      <PresenceProvider client={world.createClient()} userId="me" channel="stage">
        <Mine />
      </PresenceProvider>,
    );
    expect(screen.getByText('standing')).toBeTruthy();
    await waitFor(() => expect(held.actions).toBeDefined());
    await act(() => held.actions!.takeSeat(2));
    await waitFor(() => expect(screen.getByText('mine: 2')).toBeTruthy());
    await act(() => held.actions!.moveSeat(0));
    await waitFor(() => expect(screen.getByText('mine: 0')).toBeTruthy());
    await act(() => held.actions!.leaveSeat());
    await waitFor(() => expect(screen.getByText('standing')).toBeTruthy());
  });

  it('renders empty seats on the server, before any room exists', () => {
    const world = createWorld();
    const html = renderToString(<Seats client={world.createClient()} />);
    expect(html).toContain('0: empty');
    expect(html).toContain('2: empty');
    expect(html).toContain('none');
  });
});
