import type { Meta, StoryObj } from '@storybook/react-vite';
import { TypingIndicator, type TypingIndicatorProps } from 'presence-kit/components';
import { expect, waitFor, within } from 'storybook/test';
import {
  scriptArgTypes,
  splitArgs,
  withSimulatedRoom,
  type ScriptArgs,
} from './support/simulationArgs.js';
import { ROOM_WAIT, roomHolds, roomOf } from './support/storyWait.js';

type Args = TypingIndicatorProps & ScriptArgs;

const meta: Meta<Args> = {
  title: 'Components/TypingIndicator',
  component: TypingIndicator,
  render: (args) => <TypingIndicator {...splitArgs(args).props} />,
  decorators: [withSimulatedRoom],
  argTypes: {
    ...scriptArgTypes,
    timeoutMs: { control: { type: 'number', min: 2500, step: 500 } },
    maxNames: { control: { type: 'range', min: 1, max: 6, step: 1 } },
    labels: { control: false },
    getProfile: { control: false },
  },
  args: { users: 5, typingPerMinute: 0, locale: 'en', maxNames: 3 },
  parameters: {
    docs: {
      description: {
        component:
          '"Alice is typing…" for the others typing now, as a polite live region that announces ' +
          "each change once. Scripted users type through the kit's typing model (Broadcast only).",
      },
    },
  },
};

export default meta;
type Story = StoryObj<Args>;

/** Scripted users start typing bursts now and then; some send, some trail off. */
export const Ambient: Story = {
  args: { typingPerMinute: 30 },
  play: async ({ canvasElement }) => {
    const status = within(canvasElement).getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent(/typing…$/), ROOM_WAIT);
  },
};

/** One, two, then five typers; then everyone sends and the sentence goes. */
export const Sentences: Story = {
  play: async (context) => {
    const status = within(context.canvasElement).getByRole('status');
    const room = await roomOf(context);
    await roomHolds(room, 6);
    const typers = [0, 1, 2, 3, 4].map((i) => room.simulation.user(i).models.typing());
    // Keystrokes repeat while waiting: a signal sent before the viewer knew the sender is
    // dropped by design, and the next keep-alive gets through.
    const typeUntil = async (count: number, text: RegExp) =>
      waitFor(() => {
        typers.slice(0, count).forEach((t) => t?.keystroke());
        expect(status).toHaveTextContent(text);
      }, ROOM_WAIT);
    await typeUntil(1, /^Ada is typing…$/);
    await typeUntil(2, /^Ada and Bo are typing…$/);
    await typeUntil(5, /^Ada, Bo,? and 3 others are typing…$/);
    await expect(status).toHaveAttribute('data-count', '5');
    typers.forEach((t) => t?.stop());
    await waitFor(() => expect(status).toHaveTextContent(/^$/), ROOM_WAIT);
    await expect(status).toHaveAttribute('data-typing', 'false');
  },
};

/** A typer who goes quiet without sending drops off after `timeoutMs`. */
export const Expiry: Story = {
  args: { timeoutMs: 3000, users: 2 },
  play: async (context) => {
    const status = within(context.canvasElement).getByRole('status');
    const room = await roomOf(context);
    await roomHolds(room, 3);
    const typing = room.simulation.user(1).models.typing();
    await waitFor(() => {
      typing?.keystroke();
      expect(status).toHaveTextContent(/^Bo is typing…$/);
    }, ROOM_WAIT);
    // No stop(): the viewer forgets Bo on its own once no keep-alive comes.
    await waitFor(() => expect(status).toHaveTextContent(/^$/), ROOM_WAIT);
  },
};

/** Another language: `locale` for the list of names, `labels` for the words around it. */
export const German: Story = {
  args: {
    users: 3,
    locale: 'de',
    labels: {
      typing: (who, n) => `${who} ${n === 1 ? 'tippt' : 'tippen'}…`,
      others: (n) => `${n} weitere`,
    },
  },
  play: async (context) => {
    const status = within(context.canvasElement).getByRole('status');
    const room = await roomOf(context);
    await roomHolds(room, 4);
    const typers = [0, 1].map((i) => room.simulation.user(i).models.typing());
    await waitFor(() => {
      typers.forEach((t) => t?.keystroke());
      expect(status).toHaveTextContent(/^Ada und Bo tippen…$/);
    }, ROOM_WAIT);
  },
};
