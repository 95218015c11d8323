// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
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

// jsdom lays nothing out: give the list's scroller a 480 px viewport (10 rows of 48 px).
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('pk-presence-list__scroller') ? 480 : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
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
});
