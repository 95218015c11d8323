import type { Meta, StoryObj } from '@storybook/react-vite';
import { ONLINE_AVATARS_LABELS } from 'presence-kit/components';
import type { ComponentProps } from 'react';
import { expect, waitFor, within } from 'storybook/test';
// Internal (not exported by the package): the story reads it from source to show it alone, in
// the markup its component puts around it.
import { OverflowMenu } from '../src/components/OverflowMenu.js';
import { PART_ARG_TYPES } from './support/partStories.js';
import { splitArgs, withSimulatedRoom, type ScriptArgs } from './support/simulationArgs.js';
import { ROOM_WAIT } from './support/storyWait.js';

type Args = ComponentProps<typeof OverflowMenu> & ScriptArgs;

const meta: Meta<Args> = {
  title: 'Internal parts/OverflowMenu',
  component: OverflowMenu,
  render: (args) => (
    <div className="pk-avatars">
      <OverflowMenu {...splitArgs(args).props} />
    </div>
  ),
  decorators: [withSimulatedRoom],
  argTypes: PART_ARG_TYPES,
  args: { users: 2, rest: () => ['sim-0001', 'sim-0002'], count: 2, labels: ONLINE_AVATARS_LABELS },
  parameters: {
    docs: {
      description: {
        component: 'The `+N` button of `OnlineAvatars`: its popover names who is behind it.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<Args>;

/** Two people behind `+2`: the popover names them, Escape closes it onto its button. */
export const Overflow: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const more = canvas.getByRole('button', { name: '+2 more' });
    await userEvent.click(more);
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(canvas.getByText(/Ada/)).toBeVisible(), ROOM_WAIT);
    await userEvent.keyboard('{Escape}');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(more).toHaveFocus();
  },
};
