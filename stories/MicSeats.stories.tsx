import type { Meta, StoryObj } from '@storybook/react-vite';
import { MicSeats, type MicSeatsProps } from 'presence-kit/components';
import { expect, waitFor, within } from 'storybook/test';
import {
  scriptArgTypes,
  splitArgs,
  withSimulatedRoom,
  type ScriptArgs,
} from './support/simulationArgs.js';
import { ROOM_WAIT, roomHolds, roomOf } from './support/storyWait.js';

type Args = MicSeatsProps & ScriptArgs;

const meta: Meta<Args> = {
  title: 'Components/MicSeats',
  component: MicSeats,
  render: (args) => <MicSeats {...splitArgs(args).props} />,
  decorators: [withSimulatedRoom],
  argTypes: {
    ...scriptArgTypes,
    seatCount: { control: { type: 'range', min: 1, max: 24, step: 1 } },
    columns: { control: { type: 'range', min: 1, max: 8, step: 1 } },
    hostId: { control: 'text' },
    labels: { control: false },
    getProfile: { control: false },
  },
  args: { seatCount: 8, columns: 4, users: 6 },
  parameters: {
    docs: {
      description: {
        component:
          "A grid of mic seats derived from everyone's presence state. Scripted users take, move " +
          'and leave seats and "speak" (voice levels over Broadcast) through the kit\'s seat model.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<Args>;

/** Take seat 3, mute, unmute, leave: each seat is a button named for its state. */
export const TakeAndLeave: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const seat3 = await canvas.findByRole('button', { name: 'Seat 3, empty' }, ROOM_WAIT);
    await userEvent.click(seat3);
    await waitFor(
      () => expect(seat3).toHaveAccessibleName('Seat 3, Robin Viewer (you)'),
      ROOM_WAIT,
    );
    const mute = canvas.getByRole('button', { name: 'Mute' });
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(mute);
    await waitFor(() => expect(mute).toHaveAttribute('aria-pressed', 'true'), ROOM_WAIT);
    await waitFor(
      () => expect(seat3).toHaveAccessibleName('Seat 3, Robin Viewer (you), muted'),
      ROOM_WAIT,
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Leave seat' }));
    await waitFor(() => expect(seat3).toHaveAccessibleName('Seat 3, empty'), ROOM_WAIT);
    await expect(canvas.queryByRole('button', { name: 'Mute' })).not.toBeInTheDocument();
  },
};

/** Ada sits in seat 1; asking for it anyway is refused in words. */
export const Refused: Story = {
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const room = await roomOf(context);
    await roomHolds(room, 7);
    await room.simulation.user(0).models.seats({ seatCount: 8 })?.takeSeat(0);
    const seat1 = await canvas.findByRole('button', { name: 'Seat 1, Ada' }, ROOM_WAIT);
    await context.userEvent.click(seat1);
    await waitFor(
      () => expect(canvas.getByRole('status')).toHaveTextContent('That seat is taken.'),
      ROOM_WAIT,
    );
  },
};

/** A live stage: people take, move and leave seats, mute, and speak (rings follow the level). */
export const Live: Story = {
  args: { users: 10, seatMovesPerMinute: 40, speakingPerMinute: 60 },
  play: async ({ canvasElement }) => {
    await waitFor(
      () => expect(canvasElement.querySelector('[data-state="taken"]')).not.toBeNull(),
      ROOM_WAIT,
    );
    await waitFor(
      () => expect(canvasElement.querySelector('[data-speaking]')).not.toBeNull(),
      ROOM_WAIT,
    );
  },
};

/** The viewer hosts: lock seat 2 from its menu, and remove Bo from seat 4. */
export const Host: Story = {
  args: { hostId: 'viewer', users: 3 },
  play: async (context) => {
    const { userEvent } = context;
    const canvas = within(context.canvasElement);
    const room = await roomOf(context);
    await roomHolds(room, 4);
    await userEvent.click(await canvas.findByRole('button', { name: 'Seat 2 options' }, ROOM_WAIT));
    await userEvent.click(await canvas.findByRole('menuitem', { name: 'Lock seat' }));
    await canvas.findByRole('button', { name: 'Seat 2, locked' }, ROOM_WAIT);
    await room.simulation.user(1).models.seats({ seatCount: 8, hostId: 'viewer' })?.takeSeat(3);
    await canvas.findByRole('button', { name: 'Seat 4, Bo' }, ROOM_WAIT);
    await userEvent.click(canvas.getByRole('button', { name: 'Seat 4 options' }));
    await userEvent.click(await canvas.findByRole('menuitem', { name: 'Remove from seat' }));
    await canvas.findByRole('button', { name: 'Seat 4, empty' }, ROOM_WAIT);
  },
};

/** Sixteen seats in eight columns, in a 1,000-person room with the stage busy. */
export const BigRoom: Story = {
  args: {
    seatCount: 16,
    columns: 8,
    users: 20,
    crowd: 980,
    seatMovesPerMinute: 60,
    speakingPerMinute: 60,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findAllByRole('button', { name: /^Seat \d+,/ })).toHaveLength(16);
    await waitFor(
      () =>
        expect(canvasElement.querySelectorAll('[data-state="taken"]').length).toBeGreaterThan(2),
      ROOM_WAIT,
    );
  },
};

/** Dark theme, labels in French. */
export const FrenchDark: Story = {
  args: {
    users: 4,
    seatMovesPerMinute: 30,
    labels: {
      region: 'Places au micro',
      empty: 'Libre',
      mute: 'Muet',
      leave: 'Quitter la place',
      seat: ({ number, name, muted }) =>
        [`Place ${number}`, name ?? 'libre', muted && 'muet'].filter(Boolean).join(', '),
    },
  },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('list', { name: 'Places au micro' }, ROOM_WAIT);
    await expect(await canvas.findAllByRole('button', { name: /^Place \d/ })).toHaveLength(8);
  },
};
