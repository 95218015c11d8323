import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConnectionStatus, MicSeats, OnlineAvatars, PresenceList } from 'presence-kit/components';
import type { ReactNode } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { expectOwnHeight, expectRowsHug } from './support/layoutChecks.js';
import { NetworkControls } from './support/NetworkControls.js';
import { scriptArgTypes, withSimulatedRoom, type ScriptArgs } from './support/simulationArgs.js';
import { ROOM_WAIT } from './support/storyWait.js';

interface VoiceRoomArgs extends ScriptArgs {
  /** Seats on the stage. */
  seatCount: number;
  /** Seats per row. */
  columns: number;
  /** Who may lock, unlock and kick (the viewer by default). */
  hostId: string;
}

/** A voice room on the kit: the stage, who is here, and the connection. */
function VoiceRoom({ seatCount, columns, hostId }: VoiceRoomArgs): ReactNode {
  return (
    <div style={{ display: 'grid', gap: '1rem', maxWidth: '60rem' }}>
      <header className="story-row">
        <h2 style={{ margin: 0, fontSize: '1.125rem' }}>Design review</h2>
        <ConnectionStatus />
        <OnlineAvatars max={6} size={28} />
        <NetworkControls offlineMs={4000} />
      </header>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(0, 2fr) minmax(14rem, 1fr)',
          gap: '1rem',
        }}
      >
        <MicSeats seatCount={seatCount} columns={columns} hostId={hostId} />
        <PresenceList fields={['team']} />
      </div>
    </div>
  );
}

const meta: Meta<VoiceRoomArgs> = {
  title: 'Compositions/Voice room',
  render: (args) => <VoiceRoom {...args} />,
  decorators: [withSimulatedRoom],
  argTypes: {
    ...scriptArgTypes,
    // The composition is a story-side component, so docgen has no props to read: the
    // descriptions are MicSeats' own, said here.
    seatCount: {
      description: "MicSeats' `seatCount`: seats on the stage (a change opens a new room)",
      control: { type: 'range', min: 2, max: 16, step: 1 },
    },
    columns: {
      description: "MicSeats' `columns`: seats per row",
      control: { type: 'range', min: 1, max: 8, step: 1 },
    },
    hostId: {
      description:
        "MicSeats' `hostId`: who may lock, unlock and remove from a seat (`viewer` is you)",
      control: 'text',
    },
  },
  args: {
    seatCount: 8,
    columns: 4,
    hostId: 'viewer',
    users: 14,
    seatMovesPerMinute: 24,
    speakingPerMinute: 60,
    joinLeavePerMinute: 6,
    awayPerMinute: 6,
  },
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'A voice room built from `MicSeats`, `PresenceList`, `OnlineAvatars` and ' +
          '`ConnectionStatus`. Scripted users take and swap seats, mute, speak and come and go; ' +
          "you are the host: take a seat, or lock and kick from a seat's menu.",
      },
    },
  },
};

export default meta;
type Story = StoryObj<VoiceRoomArgs>;

const OURS = /^Seat \d+, Robin Viewer \(you\)/;

/**
 * A busy stage; we take the first empty seat (retrying if a scripted user beats us to it). Beside
 * the taller list, seats and our Mute / Leave buttons keep their own height.
 */
export const Live: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await waitFor(
      () => expect(canvasElement.querySelector('[data-state="taken"]')).not.toBeNull(),
      ROOM_WAIT,
    );
    // Slow polling: a click starts a claim that settles in under a second; clicking again
    // sooner would replace our own claim.
    await waitFor(
      async () => {
        if (canvas.queryByRole('button', { name: OURS }) === null) {
          const empty = canvas.queryAllByRole('button', { name: /^Seat \d+, empty$/ });
          if (empty[0] !== undefined) await userEvent.click(empty[0]);
        }
        expect(canvas.getByRole('button', { name: OURS })).toBeInTheDocument();
      },
      { ...ROOM_WAIT, interval: 2000 },
    );
    const mute = canvas.getByRole('button', { name: 'Mute' });
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
    // The list beside the stage is taller than it: the stage's rows and buttons keep their own
    // height rather than share out the difference.
    await expectOwnHeight(mute);
    await expectOwnHeight(canvas.getByRole('button', { name: 'Leave seat' }));
    await expectRowsHug(
      canvasElement.querySelectorAll('.pk-mic-seats__seat'),
      '.pk-mic-seats__button',
    );
    await expect(canvasElement.querySelector('.pk-presence-list__count')).not.toHaveTextContent(
      /^0$/,
    );
  },
};

/** A 1,000-person room: twenty scripted users on and off the stage, a crowd listening. */
export const ThousandListeners: Story = {
  args: { users: 20, crowd: 980, seatMovesPerMinute: 40, joinLeavePerMinute: 0 },
  play: async ({ canvasElement }) => {
    await waitFor(
      () =>
        expect(canvasElement.querySelector('.pk-presence-list__count')).toHaveTextContent('1,001'),
      ROOM_WAIT,
    );
    await within(canvasElement).findByRole('button', { name: '+995 more' }, ROOM_WAIT);
  },
};
