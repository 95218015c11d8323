import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  MIC_SEATS_LABELS,
  ONLINE_AVATARS_LABELS,
  PRESENCE_LIST_LABELS,
} from 'presence-kit/components';
import { useMicSeatsActions } from 'presence-kit/react';
import type { ReactNode } from 'react';
import { expect, fn, waitFor, within } from 'storybook/test';
// The parts are internal (not exported by the package): the stories read them from source to
// show each one alone, in the markup its component puts around it.
import { MicSeatsControls } from '../src/components/MicSeatsControls.js';
import { MicSeatsMenu } from '../src/components/MicSeatsMenu.js';
import { MicSeatsSeat } from '../src/components/MicSeatsSeat.js';
import { OnlineAvatarItem } from '../src/components/OnlineAvatarItem.js';
import { OverflowMenu } from '../src/components/OverflowMenu.js';
import { PresenceListRow } from '../src/components/PresenceListRow.js';
import { withSimulatedRoom, type ScriptArgs } from './support/simulationArgs.js';
import { ROOM_WAIT } from './support/storyWait.js';

/** Seat options the parts and the scripted users share (the story room seats nobody by itself). */
const SEATS = { seatCount: 4, hostId: 'viewer' } as const;

const meta: Meta<ScriptArgs & { seatCount?: number; hostId?: string }> = {
  title: 'Internal parts',
  decorators: [withSimulatedRoom],
  args: { users: 2, ...SEATS },
  parameters: {
    docs: {
      description: {
        component:
          'The pieces the components are built from, each alone in a loopback room: a seat, the ' +
          'host menu and the mute controls of `MicSeats`, an avatar and the `+N` menu of ' +
          '`OnlineAvatars`, a row of `PresenceList`. They are not exported; each one subscribes ' +
          'to its own user or seat only, which is why one change re-renders one part.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<typeof meta>;

const onSeat = fn();
const onHost = fn();
const onAction = fn();
const onMute = fn();
const onLeave = fn();

/** One mic seat (`MicSeatsSeat`): a button named for its state, with the host's menu beside it. */
export const Seat: Story = {
  render: () => (
    <div className="pk-mic-seats">
      <ul className="pk-mic-seats__grid" aria-label={MIC_SEATS_LABELS.region}>
        <MicSeatsSeat
          index={0}
          {...SEATS}
          isHost
          labels={MIC_SEATS_LABELS}
          onSeat={onSeat}
          onHost={onHost}
        />
      </ul>
    </div>
  ),
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const seat = await canvas.findByRole('button', { name: 'Seat 1, empty' }, ROOM_WAIT);
    await userEvent.click(seat);
    await expect(onSeat).toHaveBeenCalledWith(0, false);
    await expect(canvas.getByRole('button', { name: 'Seat 1 options' })).toBeVisible();
  },
};

/** The host's menu of one seat (`MicSeatsMenu`): lock, unlock or remove, from the keyboard too. */
export const HostMenu: Story = {
  render: () => (
    <div className="pk-mic-seats">
      <ul className="pk-mic-seats__grid" aria-label={MIC_SEATS_LABELS.region}>
        <li className="pk-mic-seats__seat" data-state="taken">
          <MicSeatsMenu
            index={2}
            locked={false}
            taken
            labels={MIC_SEATS_LABELS}
            onAction={onAction}
          />
        </li>
      </ul>
    </div>
  ),
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Seat 3 options' }));
    await expect(canvas.getByRole('menuitem', { name: 'Remove from seat' })).toBeVisible();
    await userEvent.click(canvas.getByRole('menuitem', { name: 'Lock seat' }));
    await expect(onAction).toHaveBeenCalledWith('lock', 2);
  },
};

/** Takes the first seat for the viewer, so `MicSeatsControls` has a seat to control. */
function SitDown(): ReactNode {
  const { takeSeat } = useMicSeatsActions(SEATS);
  return (
    <button
      type="button"
      onClick={() => {
        // The claim settles after the story may have ended; a destroyed model rejects it then.
        takeSeat(0).catch(() => undefined);
      }}
    >
      Sit in seat 1
    </button>
  );
}

/** The seated user's controls (`MicSeatsControls`): a pressed-state Mute toggle and Leave. */
export const SeatedControls: Story = {
  render: () => (
    <div className="pk-mic-seats">
      <SitDown />
      <MicSeatsControls {...SEATS} labels={MIC_SEATS_LABELS} onMute={onMute} onLeave={onLeave} />
    </div>
  ),
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    // Nothing to control until we sit down.
    await expect(canvas.queryByRole('button', { name: 'Mute' })).not.toBeInTheDocument();
    await userEvent.click(await canvas.findByRole('button', { name: 'Sit in seat 1' }));
    const mute = await canvas.findByRole('button', { name: 'Mute' }, ROOM_WAIT);
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(mute);
    await expect(onMute).toHaveBeenCalledWith(true);
    await userEvent.click(canvas.getByRole('button', { name: 'Leave seat' }));
    await expect(onLeave).toHaveBeenCalled();
  },
};

/** One avatar of `OnlineAvatars` (`OnlineAvatarItem`): the name, status dot and initials. */
export const AvatarItem: Story = {
  render: () => (
    <div className="pk-avatars">
      <ul className="pk-avatars__list" aria-label="Online">
        <OnlineAvatarItem userId="viewer" labels={ONLINE_AVATARS_LABELS} />
      </ul>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const item = await canvas.findByRole('listitem', {}, ROOM_WAIT);
    await waitFor(() => expect(item).toHaveTextContent(/^Robin Viewer \(you\)/), ROOM_WAIT);
    await expect(item).toHaveAttribute('data-status', 'online');
    await expect(item.querySelector('.pk-avatar')).toHaveAttribute('data-initials', 'RV');
  },
};

/** The `+N` button of `OnlineAvatars` (`OverflowMenu`): its popover names who is behind it. */
export const Overflow: Story = {
  render: () => (
    <div className="pk-avatars">
      <OverflowMenu
        rest={() => ['sim-0001', 'sim-0002']}
        count={2}
        labels={ONLINE_AVATARS_LABELS}
      />
    </div>
  ),
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

/** One row of `PresenceList` (`PresenceListRow`): name, status in words, and chosen fields. */
export const ListRow: Story = {
  render: () => (
    <section className="pk-presence-list" aria-label="People">
      <ul className="pk-presence-list__rows" style={{ height: 48 }}>
        <PresenceListRow
          userId="sim-0001"
          top={0}
          height={48}
          position={1}
          size={1}
          fieldKeys={'status\nteam'}
          labels={PRESENCE_LIST_LABELS}
        />
      </ul>
    </section>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const row = await canvas.findByRole('listitem', {}, ROOM_WAIT);
    await waitFor(() => expect(row).toHaveTextContent(/Ada.*Online/), ROOM_WAIT);
    await expect(row).toHaveAttribute('aria-posinset', '1');
    await expect(row.querySelector('[data-field="team"]')).toHaveTextContent('Design');
  },
};
