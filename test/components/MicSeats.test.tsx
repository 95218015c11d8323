// @vitest-environment jsdom
import { act, fireEvent, render, renderHook, waitFor, within } from '@testing-library/react';
import { createRef, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { MicSeats } from '../../src/components/MicSeats.js';
import { MIC_SEATS_LABELS, type MicSeatsLabels } from '../../src/components/micSeatsLabels.js';
import type { LoopbackClient } from '../../src/server/loopback/index.js';
import { PresenceProvider, useConnectionStatus, useMicSeats } from '../../src/react/index.js';
import { createWorld } from '../react/helpers.js';

afterEach(() => sessionStorage.clear());

function Stage({
  world,
  userId,
  children,
}: {
  world: LoopbackClient;
  userId: string;
  children: ReactNode;
}) {
  return (
    <PresenceProvider
      client={world.createClient()}
      userId={userId}
      channel="stage"
      initialState={{ name: userId.toUpperCase() }}
    >
      {children}
    </PresenceProvider>
  );
}

/** Renders `<MicSeats>` for one user in its own container. */
function seatsFor(
  world: LoopbackClient,
  userId: string,
  props: Parameters<typeof MicSeats>[0] = {},
) {
  const view = render(
    <Stage world={world} userId={userId}>
      <MicSeats seatCount={4} columns={2} hostId="host" {...props} />
    </Stage>,
  );
  return within(view.container);
}

const seatNames = (ui: ReturnType<typeof seatsFor>) =>
  ui
    .getAllByRole('button', { name: /^Seat \d, / })
    .map((b: HTMLElement) => b.getAttribute('aria-label'));

/** Words in `text`, lower-cased, without punctuation or parentheses (as axe compares them). */
const words = (text: string) =>
  text
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The text nodes under `element`, joined as axe joins them: with nothing in between. */
function visibleText(element: HTMLElement): string {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const out: string[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
    out.push(node.nodeValue ?? '');
  return out.join('');
}

/** Whether `inner` occurs in `outer` as a run of consecutive words. */
function containsRun(outer: string[], inner: string[]): boolean {
  return outer.some((_, start) => inner.every((word, i) => outer[start + i] === word));
}

describe('<MicSeats>', () => {
  it('names each seat for its state and takes, moves and leaves on click', async () => {
    const world = createWorld();
    const ann = seatsFor(world, 'ann');
    const bob = seatsFor(world, 'bob');
    expect(seatNames(ann)).toEqual([
      'Seat 1, empty',
      'Seat 2, empty',
      'Seat 3, empty',
      'Seat 4, empty',
    ]);
    await waitFor(() => expect(ann.getByRole('button', { name: 'Seat 3, empty' })).toBeTruthy());
    fireEvent.click(ann.getByRole('button', { name: 'Seat 3, empty' }));
    await waitFor(() => expect(bob.getByRole('button', { name: 'Seat 3, ANN' })).toBeTruthy());
    expect(
      ann.getByRole('button', { name: 'Seat 3, ANN (you)' }).closest('li')?.dataset.state,
    ).toBe('taken');
    fireEvent.click(ann.getByRole('button', { name: 'Seat 1, empty' }));
    await waitFor(() => expect(bob.getByRole('button', { name: 'Seat 1, ANN' })).toBeTruthy());
    expect(bob.getByRole('button', { name: 'Seat 3, empty' })).toBeTruthy();
    fireEvent.click(ann.getByRole('button', { name: 'Seat 1, ANN (you)' }));
    await waitFor(() =>
      expect(seatNames(bob)).toEqual([
        'Seat 1, empty',
        'Seat 2, empty',
        'Seat 3, empty',
        'Seat 4, empty',
      ]),
    );
  });

  it('shows a refusal in words when the seat is taken', async () => {
    const world = createWorld();
    const ann = seatsFor(world, 'ann');
    const bob = seatsFor(world, 'bob');
    await waitFor(() => expect(bob.getAllByRole('button').length).toBeGreaterThan(0));
    fireEvent.click(ann.getByRole('button', { name: 'Seat 2, empty' }));
    await waitFor(() => expect(bob.getByRole('button', { name: 'Seat 2, ANN' })).toBeTruthy());
    fireEvent.click(bob.getByRole('button', { name: 'Seat 2, ANN' }));
    await waitFor(() => expect(bob.getByRole('status').textContent).toBe('That seat is taken.'));
  });

  it("keeps each seat's visible words, in order, inside its accessible name (WCAG 2.5.3)", async () => {
    const world = createWorld();
    const ann = seatsFor(world, 'ann');
    fireEvent.click(await ann.findByRole('button', { name: 'Seat 2, empty' }));
    const buttons = () => ann.getAllByRole('button', { name: /^Seat \d, / });
    await waitFor(() => expect(buttons()[1]!.getAttribute('aria-label')).toBe('Seat 2, ANN (you)'));
    for (const button of buttons()) {
      // Text nodes are what a sighted user reads; the avatar's initials are drawn by CSS.
      const visible = words(visibleText(button));
      expect(visible.length).toBeGreaterThan(0);
      expect(containsRun(words(button.getAttribute('aria-label') ?? ''), visible)).toBe(true);
    }
  });

  it('toggles our mute with a pressed button that everyone sees', async () => {
    const world = createWorld();
    const ann = seatsFor(world, 'ann');
    const bob = seatsFor(world, 'bob');
    expect(ann.queryByRole('button', { name: 'Mute' })).toBeNull();
    await waitFor(() => expect(ann.getByRole('button', { name: 'Seat 4, empty' })).toBeTruthy());
    fireEvent.click(ann.getByRole('button', { name: 'Seat 4, empty' }));
    const mute = await ann.findByRole('button', { name: 'Mute' });
    expect(mute.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(mute);
    await waitFor(() =>
      expect(ann.getByRole('button', { name: 'Mute' }).getAttribute('aria-pressed')).toBe('true'),
    );
    await waitFor(() =>
      expect(bob.getByRole('button', { name: 'Seat 4, ANN, muted' })).toBeTruthy(),
    );
    expect(
      bob.getByRole('button', { name: 'Seat 4, ANN, muted' }).closest('li')?.dataset.muted,
    ).toBe('true');
    fireEvent.click(ann.getByRole('button', { name: 'Leave seat' }));
    await waitFor(() => expect(bob.getByRole('button', { name: 'Seat 4, empty' })).toBeTruthy());
  });

  it('gives the host a keyboard menu to lock, unlock and kick; others get no menu and see the lock', async () => {
    const world = createWorld();
    const host = seatsFor(world, 'host');
    const bob = seatsFor(world, 'bob');
    await waitFor(() => expect(host.getAllByRole('button', { name: /options$/ })).toHaveLength(4));
    expect(bob.queryAllByRole('button', { name: /options$/ })).toHaveLength(0);
    const trigger = host.getByRole('button', { name: 'Seat 2 options' });
    expect(trigger.getAttribute('aria-haspopup')).toBe('menu');
    fireEvent.keyDown(trigger, { key: 'ArrowDown' });
    const menu = await host.findByRole('menu', { name: 'Seat 2 options' });
    const lock = within(menu).getByRole('menuitem', { name: 'Lock seat' });
    await waitFor(() => expect(document.activeElement).toBe(lock));
    fireEvent.keyDown(menu, { key: 'Escape' });
    await waitFor(() => expect(host.queryByRole('menu')).toBeNull());
    expect(document.activeElement).toBe(trigger);
    fireEvent.click(trigger);
    fireEvent.click(
      within(await host.findByRole('menu')).getByRole('menuitem', { name: 'Lock seat' }),
    );
    await waitFor(() => expect(bob.getByRole('button', { name: 'Seat 2, locked' })).toBeTruthy());
    fireEvent.click(bob.getByRole('button', { name: 'Seat 2, locked' }));
    await waitFor(() => expect(bob.getByRole('status').textContent).toBe('That seat is locked.'));
    fireEvent.click(trigger);
    fireEvent.click(
      within(await host.findByRole('menu')).getByRole('menuitem', { name: 'Unlock seat' }),
    );
    await waitFor(() => expect(bob.getByRole('button', { name: 'Seat 2, empty' })).toBeTruthy());
    // Kick: Bob sits on seat 3, the host removes him.
    fireEvent.click(bob.getByRole('button', { name: 'Seat 3, empty' }));
    await waitFor(() => expect(host.getByRole('button', { name: 'Seat 3, BOB' })).toBeTruthy());
    fireEvent.click(host.getByRole('button', { name: 'Seat 3 options' }));
    fireEvent.click(
      within(await host.findByRole('menu')).getByRole('menuitem', { name: 'Remove from seat' }),
    );
    await waitFor(() => expect(bob.getByRole('button', { name: 'Seat 3, empty' })).toBeTruthy());
  });

  it('passes className, forwards its ref and shows state in data attributes', async () => {
    const world = createWorld();
    const ref = createRef<HTMLDivElement>();
    const ui = seatsFor(world, 'host', { ref, className: 'mine', columns: 3 });
    await waitFor(() => expect(ref.current?.dataset.host).toBe('true'));
    expect(ref.current?.classList.contains('pk-mic-seats')).toBe(true);
    expect(ref.current?.classList.contains('mine')).toBe(true);
    expect(ref.current?.dataset.seatCount).toBe('4');
    expect(ref.current?.style.getPropertyValue('--pk-mic-seats-columns')).toBe('3');
    expect(ui.getByRole('list', { name: 'Mic seats' })).toBeTruthy();
  });

  it('takes every visible string from labels', async () => {
    const world = createWorld();
    const labels: Partial<MicSeatsLabels> = {
      region: 'Sitze',
      seat: ({ number, name }) => `Sitz ${number}: ${name ?? 'frei'}`,
      empty: 'frei',
    };
    const ui = seatsFor(world, 'ann', { labels });
    expect(ui.getByRole('list', { name: 'Sitze' })).toBeTruthy();
    expect(ui.getByRole('button', { name: 'Sitz 1: frei' }).textContent).toContain('frei');
  });

  it('re-renders only the seat whose user changed', async () => {
    const world = createWorld();
    const renders = new Map<number, number>();
    // labels.seat runs once per seat render: a render counter with no hooks into the component.
    const labels: Partial<MicSeatsLabels> = {
      seat: (d) => {
        renders.set(d.number, (renders.get(d.number) ?? 0) + 1);
        return MIC_SEATS_LABELS.seat(d);
      },
    };
    const ann = seatsFor(world, 'ann', { labels });
    const bob = seatsFor(world, 'bob');
    await waitFor(() => expect(ann.getByRole('button', { name: 'Seat 1, empty' })).toBeTruthy());
    fireEvent.click(bob.getByRole('button', { name: 'Seat 1, empty' }));
    fireEvent.click(ann.getByRole('button', { name: 'Seat 3, empty' }));
    await waitFor(() => expect(ann.getByRole('button', { name: 'Seat 1, BOB' })).toBeTruthy());
    await waitFor(() =>
      expect(ann.getByRole('button', { name: 'Seat 3, ANN (you)' })).toBeTruthy(),
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    renders.clear();
    fireEvent.click(bob.getByRole('button', { name: 'Mute' }));
    await waitFor(() =>
      expect(ann.getByRole('button', { name: 'Seat 1, BOB, muted' })).toBeTruthy(),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([...renders]).toEqual([[1, 1]]);
  });
});

describe('useMicSeats', () => {
  it('rejects host actions for non-hosts and resolves the seat for the host', async () => {
    const world = createWorld();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <Stage world={world} userId="bob">
        {children}
      </Stage>
    );
    const view = renderHook(
      () => ({
        seats: useMicSeats({ seatCount: 2, hostId: 'host' }),
        status: useConnectionStatus(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(view.result.current.status).toBe('subscribed'));
    await expect(view.result.current.seats.lockSeat(0)).rejects.toMatchObject({ code: 'NOT_HOST' });
    await expect(view.result.current.seats.kickSeat(0)).rejects.toMatchObject({ code: 'NOT_HOST' });
    await expect(view.result.current.seats.takeSeat(2)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await act(() => view.result.current.seats.takeSeat(1));
    expect(view.result.current.seats.mySeat).toBe(1);
    expect(view.result.current.seats.seats[1]).toMatchObject({
      userId: 'bob',
      muted: false,
      locked: false,
    });
  });
});
