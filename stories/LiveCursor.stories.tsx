import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentProps } from 'react';
import { expect, waitFor } from 'storybook/test';
// Internal (not exported by the package): the story reads it from source to show it alone, in
// the markup its component puts around it.
import { LiveCursor } from '../src/components/LiveCursor.js';
import { cursorsOf } from './support/cursorActivity.js';
import { PART_ARG_TYPES } from './support/partStories.js';
import { splitArgs, withSimulatedRoom, type ScriptArgs } from './support/simulationArgs.js';
import { ROOM_WAIT, roomHolds, roomOf } from './support/storyWait.js';

type Args = ComponentProps<typeof LiveCursor> & ScriptArgs;

const meta: Meta<Args> = {
  title: 'Internal parts/LiveCursor',
  component: LiveCursor,
  render: (args) => (
    <div
      className="pk-live-cursors"
      style={{ height: '12rem', border: '1px dashed var(--pk-border)' }}
    >
      <div className="pk-live-cursors__layer" aria-hidden="true">
        <LiveCursor {...splitArgs(args).props} />
      </div>
    </div>
  ),
  decorators: [withSimulatedRoom],
  argTypes: { ...PART_ARG_TYPES, getProfile: { control: false } },
  // The first scripted user (Ada); no activity, so only the play function moves her cursor.
  args: { users: 1, userId: 'sim-0001' },
  parameters: {
    simulation: { activities: () => [] },
    docs: {
      description: {
        component:
          "One drawn cursor of `LiveCursors`: an arrow in the user's colour with their name, " +
          'placed by a transform. It subscribes to that user’s cursor only, and draws nothing ' +
          'while the cursor is hidden.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<Args>;

/** Ada's cursor comes to rest where she moved it, then goes when she takes it away. */
export const Cursor: Story = {
  play: async (context) => {
    const room = await roomOf(context);
    await roomHolds(room, 2);
    const ada = room.simulation.user(0);
    const drawn = () => context.canvasElement.querySelector<HTMLElement>('.pk-cursor');
    let n = 0;
    // Moves repeat (a hair apart, or the model would not resend) until the viewer knows Ada.
    await waitFor(() => {
      cursorsOf(ada)?.move({ x: 0.6 + (n++ % 2) * 1e-4, y: 0.4 });
      expect(drawn()).toHaveTextContent('Ada');
      expect(Number(drawn()?.style.getPropertyValue('--pk-cursor-x'))).toBeCloseTo(0.6, 3);
    }, ROOM_WAIT);
    cursorsOf(ada)?.move(null);
    await waitFor(() => expect(drawn()).toBeNull(), ROOM_WAIT);
  },
};
