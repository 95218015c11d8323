import type { Meta, StoryObj } from '@storybook/react-vite';
import { MIC_SEATS_LABELS } from 'presence-kit/components';
import type { ComponentProps } from 'react';
import { expect, fn, within } from 'storybook/test';
// Internal (not exported by the package): the story reads it from source to show it alone, in
// the markup its component puts around it.
import { MicSeatsSeat } from '../src/components/MicSeatsSeat.js';
import { PART_ARG_TYPES, PART_SEATS } from './support/partStories.js';
import { splitArgs, withSimulatedRoom, type ScriptArgs } from './support/simulationArgs.js';
import { ROOM_WAIT } from './support/storyWait.js';

type Args = ComponentProps<typeof MicSeatsSeat> & ScriptArgs;

const meta: Meta<Args> = {
  title: 'Internal parts/MicSeatsSeat',
  component: MicSeatsSeat,
  render: (args) => (
    <div className="pk-mic-seats">
      <ul className="pk-mic-seats__grid" aria-label={MIC_SEATS_LABELS.region}>
        <MicSeatsSeat {...splitArgs(args).props} />
      </ul>
    </div>
  ),
  decorators: [withSimulatedRoom],
  argTypes: PART_ARG_TYPES,
  args: {
    users: 2,
    ...PART_SEATS,
    index: 0,
    isHost: true,
    labels: MIC_SEATS_LABELS,
    onSeat: fn(),
    onHost: fn(),
  },
  parameters: {
    docs: {
      description: {
        component:
          "One seat of `MicSeats`, alone in a loopback room: a button named for its state, with the host's menu beside it. It subscribes to its own seat only.",
      },
    },
  },
};

export default meta;
type Story = StoryObj<Args>;

/** An empty seat for the host: pressing it takes it; the host's options sit beside it. */
export const Seat: Story = {
  play: async ({ args, canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const seat = await canvas.findByRole('button', { name: 'Seat 1, empty' }, ROOM_WAIT);
    await userEvent.click(seat);
    await expect(args.onSeat).toHaveBeenCalledWith(0, false);
    await expect(canvas.getByRole('button', { name: 'Seat 1 options' })).toBeVisible();
  },
};
