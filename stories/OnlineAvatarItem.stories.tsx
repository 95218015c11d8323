import type { Meta, StoryObj } from '@storybook/react-vite';
import { ONLINE_AVATARS_LABELS } from 'presence-kit/components';
import type { ComponentProps } from 'react';
import { expect, waitFor, within } from 'storybook/test';
// Internal (not exported by the package): the story reads it from source to show it alone, in
// the markup its component puts around it.
import { OnlineAvatarItem } from '../src/components/OnlineAvatarItem.js';
import { PART_ARG_TYPES } from './support/partStories.js';
import { splitArgs, withSimulatedRoom, type ScriptArgs } from './support/simulationArgs.js';
import { ROOM_WAIT } from './support/storyWait.js';

type Args = ComponentProps<typeof OnlineAvatarItem> & ScriptArgs;

const meta: Meta<Args> = {
  title: 'Internal parts/OnlineAvatarItem',
  component: OnlineAvatarItem,
  render: (args) => (
    <div className="pk-avatars">
      <ul className="pk-avatars__list" aria-label="Online">
        <OnlineAvatarItem {...splitArgs(args).props} />
      </ul>
    </div>
  ),
  decorators: [withSimulatedRoom],
  argTypes: PART_ARG_TYPES,
  args: { users: 2, userId: 'viewer', labels: ONLINE_AVATARS_LABELS },
  parameters: {
    docs: {
      description: {
        component:
          'One avatar of `OnlineAvatars`: the name, status dot and initials. It subscribes to its own user only.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<Args>;

/** The viewer's avatar: name, online status and initials. */
export const AvatarItem: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const item = await canvas.findByRole('listitem', {}, ROOM_WAIT);
    await waitFor(() => expect(item).toHaveTextContent(/^Robin Viewer \(you\)/), ROOM_WAIT);
    await expect(item).toHaveAttribute('data-status', 'online');
    await expect(item.querySelector('.pk-avatar')).toHaveAttribute('data-initials', 'RV');
  },
};
