import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConnectionStatus, type ConnectionStatusProps } from 'presence-kit/components';
import { expect, waitFor, within } from 'storybook/test';
import { NetworkControls } from './support/NetworkControls.js';
import {
  scriptArgTypes,
  splitArgs,
  withSimulatedRoom,
  type ScriptArgs,
} from './support/simulationArgs.js';
import { ROOM_WAIT } from './support/storyWait.js';

type Args = ConnectionStatusProps & ScriptArgs;

const meta: Meta<Args> = {
  title: 'Components/ConnectionStatus',
  component: ConnectionStatus,
  render: (args) => (
    <div className="story-row">
      <ConnectionStatus {...splitArgs(args).props} />
      <NetworkControls offlineMs={4000} />
    </div>
  ),
  decorators: [withSimulatedRoom],
  argTypes: { ...scriptArgTypes, labels: { control: false } },
  args: { users: 2 },
  parameters: {
    docs: {
      description: {
        component:
          'The room connection as a badge, in words as well as colour. The button beside it ' +
          'cuts the in-page network for a few seconds to show a reconnect.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<Args>;

/** Connected to the room. */
export const Connected: Story = {
  play: async ({ canvasElement }) => {
    const badge = within(canvasElement).getByRole('status');
    await waitFor(() => expect(badge).toHaveTextContent('Connected'), ROOM_WAIT);
    await expect(badge).toHaveAttribute('data-status', 'subscribed');
  },
};

/** The network drops for four seconds: Reconnecting…, then Connected again. */
export const Reconnect: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const badge = canvas.getByRole('status');
    await waitFor(() => expect(badge).toHaveTextContent('Connected'), ROOM_WAIT);
    await userEvent.click(canvas.getByRole('button', { name: /drop the connection/i }));
    await waitFor(() => expect(badge).toHaveAttribute('data-status', 'reconnecting'), ROOM_WAIT);
    await expect(badge).toHaveTextContent('Reconnecting…');
    await waitFor(() => expect(badge).toHaveAttribute('data-status', 'subscribed'), ROOM_WAIT);
  },
};

/** The words are labels too. */
export const Labels: Story = {
  args: { labels: { subscribed: 'En ligne', reconnecting: 'Reconnexion…' } },
  play: async ({ canvasElement }) => {
    const badge = within(canvasElement).getByRole('status');
    await waitFor(() => expect(badge).toHaveTextContent('En ligne'), ROOM_WAIT);
  },
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const badge = within(canvasElement).getByRole('status');
    await waitFor(() => expect(badge).toHaveTextContent('Connected'), ROOM_WAIT);
    await expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
  },
};
