import type { Meta, StoryObj } from '@storybook/react-vite';
import { PRESENCE_LIST_LABELS } from 'presence-kit/components';
import type { ComponentProps } from 'react';
import { expect, waitFor, within } from 'storybook/test';
// Internal (not exported by the package): the story reads it from source to show it alone, in
// the markup its component puts around it.
import { PresenceListRow } from '../src/components/PresenceListRow.js';
import { PART_ARG_TYPES } from './support/partStories.js';
import { splitArgs, withSimulatedRoom, type ScriptArgs } from './support/simulationArgs.js';
import { ROOM_WAIT } from './support/storyWait.js';

type Args = ComponentProps<typeof PresenceListRow> & ScriptArgs;

const meta: Meta<Args> = {
  title: 'Internal parts/PresenceListRow',
  component: PresenceListRow,
  render: (args) => (
    <section className="pk-presence-list" aria-label="People">
      <ul className="pk-presence-list__rows" style={{ height: args.height }}>
        <PresenceListRow {...splitArgs(args).props} />
      </ul>
    </section>
  ),
  decorators: [withSimulatedRoom],
  argTypes: PART_ARG_TYPES,
  args: {
    users: 2,
    userId: 'sim-0001',
    top: 0,
    height: 48,
    position: 1,
    size: 1,
    fieldKeys: 'status\nteam',
    labels: PRESENCE_LIST_LABELS,
  },
  parameters: {
    docs: {
      description: {
        component:
          'One row of `PresenceList`: name, status in words, and the chosen fields. It subscribes to its own user only.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<Args>;

/** A scripted user's row: name, status, and the status and team fields. */
export const ListRow: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const row = await canvas.findByRole('listitem', {}, ROOM_WAIT);
    await waitFor(() => expect(row).toHaveTextContent(/Ada.*Online/), ROOM_WAIT);
    await expect(row).toHaveAttribute('aria-posinset', '1');
    await expect(row.querySelector('[data-field="team"]')).toHaveTextContent('Design');
  },
};
