import type { Meta, StoryObj } from '@storybook/react-vite';
import { MIC_SEATS_LABELS } from 'presence-kit/components';
import type { ComponentProps, CSSProperties } from 'react';
import { expect, fn, within } from 'storybook/test';
// Internal (not exported by the package): the story reads it from source to show it alone, in
// the markup its component puts around it.
import { MicSeatsMenu } from '../src/components/MicSeatsMenu.js';
import { PART_ARG_TYPES, PART_SEATS } from './support/partStories.js';
import { splitArgs, withSimulatedRoom, type ScriptArgs } from './support/simulationArgs.js';

/** The part's props, the room's script, and the room's seat options (read by the decorator). */
type Args = ComponentProps<typeof MicSeatsMenu> &
  ScriptArgs & { seatCount: number; hostId: string };

const SEAT_FRAME = {
  '--pk-mic-seats-columns': 1,
  maxWidth: '10rem',
  minHeight: '12rem',
} as CSSProperties;
const SEAT_OUTLINE: CSSProperties = {
  height: '5.5rem',
  border: '1px dashed var(--pk-border)',
  borderRadius: 'var(--pk-radius)',
};

const meta: Meta<Args> = {
  title: 'Internal parts/MicSeatsMenu',
  component: MicSeatsMenu,
  render: (args) => (
    // One seat's outline, seat-sized, with room below for the open menu: the part's button sits
    // in its corner as it does on a real seat, rather than alone on an empty canvas.
    <div className="pk-mic-seats" style={SEAT_FRAME}>
      <ul className="pk-mic-seats__grid" aria-label={MIC_SEATS_LABELS.region}>
        <li className="pk-mic-seats__seat" data-state="taken" style={SEAT_OUTLINE}>
          <MicSeatsMenu {...splitArgs(args).props} />
        </li>
      </ul>
    </div>
  ),
  decorators: [withSimulatedRoom],
  argTypes: {
    ...PART_ARG_TYPES,
    seatCount: {
      description: "The story room's seats (the menu itself does not read it)",
      table: { category: 'Simulated users' },
    },
    hostId: {
      description: "The story room's host (the menu itself does not read it)",
      table: { category: 'Simulated users' },
    },
  },
  args: {
    users: 2,
    ...PART_SEATS,
    index: 2,
    locked: false,
    taken: true,
    labels: MIC_SEATS_LABELS,
    onAction: fn(),
  },
  parameters: {
    docs: {
      description: {
        component:
          "The host's menu of one `MicSeats` seat: lock, unlock or remove, from the keyboard too.",
      },
    },
  },
};

export default meta;
type Story = StoryObj<Args>;

/** The menu of a taken seat (an icon button): remove is offered, and lock reports its action. */
export const HostMenu: Story = {
  play: async ({ args, canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Seat 3 options' });
    // An icon, no text: nothing for a label-in-name check to compare with "Seat 3 options".
    await expect(button).toHaveTextContent(/^$/);
    await userEvent.click(button);
    await expect(canvas.getByRole('menuitem', { name: 'Remove from seat' })).toBeVisible();
    await userEvent.click(canvas.getByRole('menuitem', { name: 'Lock seat' }));
    await expect(args.onAction).toHaveBeenCalledWith('lock', 2);
  },
};
