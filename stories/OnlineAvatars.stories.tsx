import type { Meta, StoryObj } from '@storybook/react-vite';
import { OnlineAvatars, type OnlineAvatarsProps } from 'presence-kit/components';
import { expect, waitFor, within } from 'storybook/test';
import {
  scriptArgTypes,
  splitArgs,
  withSimulatedRoom,
  type ScriptArgs,
} from './support/simulationArgs.js';
import { expectTextFits } from './support/layoutChecks.js';
import { ROOM_WAIT } from './support/storyWait.js';

type Args = OnlineAvatarsProps & ScriptArgs;

const meta: Meta<Args> = {
  title: 'Components/OnlineAvatars',
  component: OnlineAvatars,
  render: (args) => <OnlineAvatars {...splitArgs(args).props} />,
  decorators: [withSimulatedRoom],
  argTypes: {
    ...scriptArgTypes,
    max: { control: { type: 'range', min: 0, max: 12, step: 1 } },
    size: { control: { type: 'range', min: 16, max: 64, step: 4 } },
    labels: { control: false },
    getProfile: { control: false },
  },
  args: { max: 5, size: 32, showSelf: true, users: 4 },
  parameters: {
    docs: {
      description: {
        component:
          'Who is here, one avatar per user (tabs merged), initials on a stable colour, a status ' +
          'dot, and a `+N` button naming the rest. Fed by scripted users on an in-page server.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<Args>;

/** The viewer and four others: five avatars, no overflow. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('list', { name: '5 online' }, ROOM_WAIT);
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(5), ROOM_WAIT);
    await expect(within(list).getByText('Robin Viewer (you)')).toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: /more/ })).not.toBeInTheDocument();
  },
};

/** Twelve others and room for five: the `+8` button names the rest; Escape closes it. */
export const Overflow: Story = {
  args: { users: 12 },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const more = await canvas.findByRole('button', { name: '+8 more' }, ROOM_WAIT);
    await expect(
      within(canvas.getByRole('list', { name: '13 online' })).getAllByRole('listitem'),
    ).toHaveLength(5);
    await userEvent.click(more);
    const popover = await canvas.findByRole('dialog', { name: 'Also online' });
    await expect(within(popover).getAllByRole('listitem')).toHaveLength(8);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).not.toBeInTheDocument());
    await expect(more).toHaveFocus();
  },
};

/** People come and go, change status and step away (status dots; leavers fade first). */
export const Lively: Story = {
  args: { users: 8, joinLeavePerMinute: 20, statusPerMinute: 20, awayPerMinute: 12, max: 8 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(
      () => expect(canvas.getByRole('list', { name: /online$/ })).toBeInTheDocument(),
      ROOM_WAIT,
    );
    await waitFor(
      () => expect(canvasElement.querySelector('[data-status="away"]')).not.toBeNull(),
      ROOM_WAIT,
    );
  },
};

/**
 * A 1,000-person room (ten scripted users and a crowd of 990): the row still shows five, and
 * `+996` widens into a pill rather than being clipped by a circle.
 */
export const ThousandPeople: Story = {
  args: { users: 10, crowd: 990 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const more = await canvas.findByRole('button', { name: '+996 more' }, ROOM_WAIT);
    await expect(more).toHaveTextContent('+996');
    await expectTextFits(more);
    await expect(canvas.getByRole('list', { name: '1001 online' })).toBeInTheDocument();
  },
};

/** Larger avatars, without ourselves, in the dark theme. */
export const LargeDark: Story = {
  args: { size: 48, showSelf: false, users: 3 },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('list', { name: '3 online' }, ROOM_WAIT);
    await expect(within(list).queryByText(/\(you\)/)).not.toBeInTheDocument();
  },
};

/** Every string can be replaced (here in Spanish). */
export const Labels: Story = {
  args: {
    users: 7,
    labels: {
      list: (n) => `${n} en línea`,
      more: (n) => `+${n}`,
      moreLabel: (n) => `${n} más`,
      rest: 'También en línea',
      avatar: (name, status, isSelf) =>
        `${name}${isSelf ? ' (tú)' : ''}${status === 'away' ? ', ausente' : ''}`,
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('button', { name: '3 más' }, ROOM_WAIT);
    await expect(canvas.getByText('Robin Viewer (tú)')).toBeInTheDocument();
  },
};
