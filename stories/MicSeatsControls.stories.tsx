import type { Meta, StoryObj } from '@storybook/react-vite';
import { MIC_SEATS_LABELS } from 'presence-kit/components';
import { useMicSeatsActions } from 'presence-kit/react';
import type { ComponentProps, ReactNode } from 'react';
import { expect, fn, within } from 'storybook/test';
// Internal (not exported by the package): the story reads it from source to show it alone, in
// the markup its component puts around it.
import { MicSeatsControls } from '../src/components/MicSeatsControls.js';
import { PART_ARG_TYPES, PART_SEATS } from './support/partStories.js';
import { splitArgs, withSimulatedRoom, type ScriptArgs } from './support/simulationArgs.js';
import { ROOM_WAIT } from './support/storyWait.js';

type Args = ComponentProps<typeof MicSeatsControls> & ScriptArgs;

const meta: Meta<Args> = {
  title: 'Internal parts/MicSeatsControls',
  component: MicSeatsControls,
  render: (args) => (
    <div className="pk-mic-seats">
      <SitDown />
      <MicSeatsControls {...splitArgs(args).props} />
    </div>
  ),
  decorators: [withSimulatedRoom],
  argTypes: PART_ARG_TYPES,
  args: { users: 2, ...PART_SEATS, labels: MIC_SEATS_LABELS, onMute: fn(), onLeave: fn() },
  parameters: {
    docs: {
      description: {
        component:
          "The seated user's controls of `MicSeats`: a pressed-state Mute toggle and Leave. They follow our own seat only.",
      },
    },
  },
};

export default meta;
type Story = StoryObj<Args>;

/** Takes the first seat for the viewer, so `MicSeatsControls` has a seat to control. */
function SitDown(): ReactNode {
  const { takeSeat } = useMicSeatsActions(PART_SEATS);
  return (
    <button
      type="button"
      className="story-button"
      onClick={() => {
        // The claim settles after the story may have ended; a destroyed model rejects it then.
        takeSeat(0).catch(() => undefined);
      }}
    >
      Sit in seat 1
    </button>
  );
}

/** Nothing until we sit down; then Mute (a pressed-state toggle) and Leave. */
export const SeatedControls: Story = {
  play: async ({ args, canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    // Nothing to control until we sit down.
    await expect(canvas.queryByRole('button', { name: 'Mute' })).not.toBeInTheDocument();
    await userEvent.click(await canvas.findByRole('button', { name: 'Sit in seat 1' }));
    const mute = await canvas.findByRole('button', { name: 'Mute' }, ROOM_WAIT);
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(mute);
    await expect(args.onMute).toHaveBeenCalledWith(true);
    await userEvent.click(canvas.getByRole('button', { name: 'Leave seat' }));
    await expect(args.onLeave).toHaveBeenCalled();
  },
};
