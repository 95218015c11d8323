// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PresenceList } from '../../src/components/PresenceList.js';
import {
  PRESENCE_LIST_LABELS,
  type PresenceListLabels,
} from '../../src/components/presenceListLabels.js';
import { createLoopbackClient } from '../../src/server/loopback/index.js';
import { PresenceProvider } from '../../src/react/index.js';
import { CROWD_LIMITS, crowd } from '../react/crowd.js';
import { addUser, createWorld, flush } from '../react/helpers.js';

// jsdom lays nothing out: give the list's scroller a 480 px viewport (10 rows of 48 px),
// scrolled to `scroller.top`.
const scroller = { top: 0 };
const patched = ['clientHeight', 'scrollTop'] as const;
const isScroller = (element: HTMLElement) =>
  element.classList.contains('pk-presence-list__scroller');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return isScroller(this) ? 480 : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
    configurable: true,
    get(this: HTMLElement) {
      return isScroller(this) ? scroller.top : 0;
    },
  });
});
// Deleting the own properties brings back jsdom's, inherited from Element.prototype.
afterAll(() => {
  for (const key of patched) Reflect.deleteProperty(HTMLElement.prototype, key);
});

const rowNames = () =>
  screen
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.pk-presence-list__name')?.textContent);

describe('<PresenceList>', () => {
  it('lists us first, then everyone by name, with status, fields and a count', async () => {
    const world = createWorld();
    await addUser(world, 'u1', 'hall', { name: 'zoë', status: 'away' });
    await addUser(world, 'u2', 'hall', { name: 'Ann', status: 'available' });
    const bob = await addUser<{ name: string }>(world, 'u3', 'hall', { name: 'bob' });
    const ref = createRef<HTMLElement>();
    render(
      <PresenceProvider
        client={world.client}
        userId="me"
        channel="hall"
        initialState={{ name: 'Me' }}
      >
        <PresenceList ref={ref} className="mine" fields={['status']} />
      </PresenceProvider>,
    );
    await waitFor(() => expect(rowNames()).toEqual(['Me (you)', 'Ann', 'bob', 'zoë']));
    expect(screen.getByRole('region', { name: 'Online 4' })).toBe(ref.current);
    expect(ref.current?.classList.contains('mine')).toBe(true);
    expect(ref.current?.dataset.count).toBe('4');
    const zoe = screen.getAllByRole('listitem')[3]!;
    expect(zoe.dataset.status).toBe('away');
    expect(within(zoe).getByText('Away')).toBeTruthy();
    expect(zoe.querySelector('[data-field="status"]')?.textContent).toBe('status: away');
    // A rename moves one row.
    await bob.setState('hall', { name: 'Zz' });
    await waitFor(() => expect(rowNames()).toEqual(['Me (you)', 'Ann', 'zoë', 'Zz']));
  });

  it('takes its strings from labels', async () => {
    const world = createWorld();
    await addUser(world, 'u1', 'hall', { name: 'Ann' });
    const labels: Partial<PresenceListLabels> = {
      title: 'Anwesend',
      count: (n) => `(${n})`,
      self: (name) => `${name} (du)`,
    };
    render(
      <PresenceProvider client={world.client} userId="me" channel="hall">
        <PresenceList labels={labels} />
      </PresenceProvider>,
    );
    await waitFor(() => expect(rowNames()).toEqual(['me (du)', 'Ann']));
    expect(screen.getByRole('region', { name: 'Anwesend (2)' })).toBeTruthy();
  });

  it("renders a few dozen rows for 10,000 people, and one row for one person's change", async () => {
    const world = createLoopbackClient({ hubOptions: { limits: CROWD_LIMITS } });
    try {
      const members = await crowd(world, 'big', 10_000);
      let statusCalls = 0;
      // labels.status runs once per row render: a render counter with no hooks into the rows.
      const labels: Partial<PresenceListLabels> = {
        status: (status) => {
          statusCalls += 1;
          return PRESENCE_LIST_LABELS.status(status);
        },
      };
      render(
        <PresenceProvider client={world.client} userId="me" channel="big">
          <PresenceList labels={labels} fields={['mood']} />
        </PresenceProvider>,
      );
      await screen.findByRole('region', { name: 'Online 10,001' }, { timeout: 20_000 });
      await waitFor(() => expect(rowNames()[1]).toBe('u00001'));
      const rows = screen.getAllByRole('listitem');
      expect(rows.length).toBeGreaterThan(10);
      expect(rows.length).toBeLessThanOrEqual(40);
      expect(rows[1]?.getAttribute('aria-setsize')).toBe('10001');
      await flush();

      statusCalls = 0;
      members[2]!.track({ mood: 'changed' });
      await screen.findByText('changed');
      await flush();
      expect(statusCalls).toBe(1);

      statusCalls = 0;
      members[9000]!.track({ mood: 'far away' });
      await flush();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(statusCalls).toBe(0);
    } finally {
      await world.close();
    }
  }, 90_000);

  it('scrolls: later rows come in at their positions, early rows go, rows keep their elements', async () => {
    const world = createLoopbackClient({ hubOptions: { limits: CROWD_LIMITS } });
    try {
      const members = await crowd(world, 'hall', 100);
      scroller.top = 0;
      render(
        <PresenceProvider client={world.client} userId="me" channel="hall">
          <PresenceList />
        </PresenceProvider>,
      );
      await screen.findByRole('region', { name: 'Online 101' }, { timeout: 20_000 });
      // Rows 0-9 in view and 6 below: us, then u00001 to u00015.
      await waitFor(() => expect(rowNames()).toHaveLength(16));
      expect(rowNames()[15]).toBe('u00015');
      const rowOf = (name: string) =>
        screen.getAllByRole('listitem').find((li) => li.textContent?.startsWith(name));
      const before = rowOf('u00004');
      // A rename moves u00004 down one place: its row element moves with it (keyed by user id).
      members[11]!.track({ name: 'u00003a' });
      await waitFor(() => expect(rowNames().slice(3, 6)).toEqual(['u00003', 'u00003a', 'u00004']));
      expect(rowOf('u00004')).toBe(before);

      scroller.top = 40 * 48; // rows 40-49 in view, 6 more each way
      fireEvent.scroll(screen.getByRole('region', { name: 'People in this room' }));
      const names = rowNames();
      expect(names).toHaveLength(22);
      expect(names[0]).toBe('u00034');
      expect(names.at(-1)).toBe('u00055');
      expect(names).not.toContain('Me (you)');
      const positions = screen
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-posinset'));
      expect(positions).toEqual(Array.from({ length: 22 }, (_, i) => String(35 + i)));
    } finally {
      await world.close();
    }
  }, 60_000);
});
