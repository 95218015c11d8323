import type { Meta, StoryObj } from '@storybook/react-vite';
import { LiveCursors, type LiveCursorsProps } from 'presence-kit/components';
import { expect, waitFor } from 'storybook/test';
import { createCursorActivity, cursorsOf } from './support/cursorActivity.js';
import {
  scriptArgTypes,
  splitArgs,
  withSimulatedRoom,
  type ScriptArgs,
} from './support/simulationArgs.js';
import { ROOM_WAIT, roomHolds, roomOf } from './support/storyWait.js';

type Args = LiveCursorsProps & ScriptArgs;

const surface = {
  height: '20rem',
  border: '1px solid var(--pk-border)',
  borderRadius: 'var(--pk-radius)',
  background: 'var(--pk-surface)',
  color: 'var(--pk-fg)',
  padding: '1rem',
};

const meta: Meta<Args> = {
  title: 'Components/LiveCursors',
  component: LiveCursors,
  render: (args) => (
    <LiveCursors {...splitArgs(args).props} style={surface}>
      <h2 style={{ margin: 0, fontSize: '1rem' }}>Whiteboard</h2>
      <p>Move your pointer here: the others see it, and you see theirs.</p>
      <button type="button">A button under the cursors</button>
    </LiveCursors>
  ),
  decorators: [withSimulatedRoom],
  argTypes: {
    ...scriptArgTypes,
    messagesPerSecond: { control: { type: 'number', min: 5, max: 100, step: 5 } },
    minIntervalMs: { control: { type: 'number', min: 0, max: 500, step: 10 } },
    getProfile: { control: false },
    children: { control: false },
  },
  args: { users: 4 },
  parameters: {
    simulation: { activities: () => [createCursorActivity()] },
    docs: {
      description: {
        component:
          "Everyone's pointer over a shared surface, positions normalised to 0…1. Broadcast only; " +
          'the send rate adapts so the room stays within `messagesPerSecond`. Scripted users ' +
          "glide their cursors through the kit's cursor model.",
      },
    },
  },
};

export default meta;
type Story = StoryObj<Args>;

const cursorsIn = (canvas: HTMLElement) => [...canvas.querySelectorAll<HTMLElement>('.pk-cursor')];
const xOf = (cursor: HTMLElement | undefined) =>
  Number(cursor?.style.getPropertyValue('--pk-cursor-x'));

/** Scripted users glide their cursors about; some take them off the surface now and then. */
export const Ambient: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(cursorsIn(canvasElement).length).toBeGreaterThan(0), ROOM_WAIT);
  },
};

/** One user's cursor: it comes to rest where it was moved, then goes when they take it away. */
export const OneCursor: Story = {
  args: { users: 2 },
  parameters: { simulation: { activities: () => [] } },
  play: async (context) => {
    const room = await roomOf(context);
    await roomHolds(room, 3);
    const ada = room.simulation.user(0);
    let n = 0;
    // Moves repeat (a hair apart, or the model would not resend) while the viewer may not know
    // Ada yet: a cursor from someone not in the room is dropped by design.
    await waitFor(() => {
      cursorsOf(ada)?.move({ x: 0.25 + (n++ % 2) * 1e-4, y: 0.5 });
      const [cursor] = cursorsIn(context.canvasElement);
      expect(cursor).toHaveTextContent('Ada');
      expect(xOf(cursor)).toBeCloseTo(0.25, 3);
    }, ROOM_WAIT);
    cursorsOf(ada)?.move(null);
    await waitFor(() => expect(cursorsIn(context.canvasElement)).toHaveLength(0), ROOM_WAIT);
  },
};
