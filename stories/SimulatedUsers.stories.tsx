import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { useConnectionStatus, useOccupant, useOtherUserIds } from 'presence-kit/react';
import { expect, waitFor, within } from 'storybook/test';
import { scriptArgTypes, withSimulatedRoom, type ScriptArgs } from './support/simulationArgs.js';
import { NetworkControls } from './support/NetworkControls.js';
import { ROOM_WAIT, roomOf } from './support/storyWait.js';

/**
 * What feeds every other story: a loopback room (`presence-kit/local`, in the page: no network, no
 * account, no server process) with the viewer and scripted users, each a real supabase-js client.
 * Shown here with nothing but the kit's hooks, so you can watch the raw room.
 */
function RawRoom(): ReactNode {
  const ids = useOtherUserIds();
  const shown = ids.slice(0, 50);
  const status = useConnectionStatus();
  return (
    <section aria-label="Simulated room">
      <p>
        Connection: <output aria-label="Connection">{status}</output> · others in the room:{' '}
        <output aria-label="Others in the room">{ids.length}</output>
      </p>
      <NetworkControls offlineMs={3000} />
      <ul aria-label="Others">
        {shown.map((id) => (
          <Row key={id} userId={id} />
        ))}
      </ul>
    </section>
  );
}

function Row({ userId }: { userId: string }): ReactNode {
  const occupant = useOccupant(userId);
  const name = occupant?.state['name'] ?? userId;
  return (
    <li data-status={occupant?.state['status']} data-presence={occupant?.status}>
      {name} — {occupant?.state['status'] ?? 'no status'}
    </li>
  );
}

const meta: Meta<ScriptArgs> = {
  title: 'Simulation/Scripted users',
  render: () => <RawRoom />,
  decorators: [withSimulatedRoom],
  argTypes: scriptArgTypes,
  args: { users: 6, joinLeavePerMinute: 0, statusPerMinute: 20, awayPerMinute: 6 },
  parameters: {
    docs: {
      description: {
        component:
          'The harness behind every story: a loopback room with the viewer and scripted users. ' +
          'The controls change the script while it runs.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<ScriptArgs>;

/** Six users who change status and step away now and then. */
export const Lively: Story = {
  play: async ({ canvasElement, args }) => {
    const list = within(canvasElement).getByRole('list', { name: 'Others' });
    await waitFor(
      () => expect(within(list).getAllByRole('listitem')).toHaveLength(args.users ?? 0),
      ROOM_WAIT,
    );
    await expect(within(canvasElement).getByText('subscribed')).toBeVisible();
  },
};

/** Users come and go; the play function makes one leave by hand and waits to see it. */
export const Churn: Story = {
  args: { users: 4, joinLeavePerMinute: 0, statusPerMinute: 0, awayPerMinute: 0 },
  play: async (context) => {
    const { canvasElement } = context;
    const list = within(canvasElement).getByRole('list', { name: 'Others' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(4), ROOM_WAIT);
    const { simulation } = await roomOf(context);
    await simulation.user(0).leave();
    // The engine debounces a leave (2 s) before the occupant disappears.
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3), ROOM_WAIT);
    await simulation.user(0).join();
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(4), ROOM_WAIT);
  },
};

/**
 * A thousand people: ten scripted users and 990 crowd users, each a real supabase-js client that
 * joins and tracks through the in-page server (the crowd does not listen to the room, so the tab
 * can hold them). Only the first 50 rows are rendered here; the components virtualize.
 */
export const ThousandPeople: Story = {
  args: { users: 10, crowd: 990, joinLeavePerMinute: 0, statusPerMinute: 30, awayPerMinute: 0 },
  play: async ({ canvasElement }) => {
    const count = within(canvasElement).getByRole('status', { name: 'Others in the room' });
    await waitFor(() => expect(count).toHaveTextContent('1000'), ROOM_WAIT);
  },
};

/** The viewer's network drops for 3 s: the status goes to reconnecting, then back. */
export const Reconnect: Story = {
  args: { users: 3 },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByRole('status', { name: 'Connection' });
    await waitFor(() => expect(status).toHaveTextContent('subscribed'), ROOM_WAIT);
    await userEvent.click(canvas.getByRole('button', { name: /drop the connection/i }));
    await waitFor(() => expect(status).toHaveTextContent('reconnecting'), ROOM_WAIT);
    await waitFor(() => expect(status).toHaveTextContent('subscribed'), ROOM_WAIT);
    const others = canvas.getByRole('status', { name: 'Others in the room' });
    await waitFor(() => expect(others).toHaveTextContent('3'), ROOM_WAIT);
  },
};
