import type { Meta, StoryObj } from '@storybook/react-vite';
import { PresenceList, type PresenceListProps } from 'presence-kit/components';
import { expect, waitFor, within } from 'storybook/test';
import {
  scriptArgTypes,
  splitArgs,
  withSimulatedRoom,
  type ScriptArgs,
} from './support/simulationArgs.js';
import { ROOM_WAIT } from './support/storyWait.js';

type Args = PresenceListProps & ScriptArgs;

const meta: Meta<Args> = {
  title: 'Components/PresenceList',
  component: PresenceList,
  render: (args) => <PresenceList {...splitArgs(args).props} />,
  decorators: [withSimulatedRoom],
  argTypes: {
    ...scriptArgTypes,
    rowHeight: { control: { type: 'range', min: 32, max: 80, step: 4 } },
    labels: { control: false },
    getProfile: { control: false },
  },
  args: { fields: ['team'], users: 8 },
  parameters: {
    docs: {
      description: {
        component:
          'Everyone in the room, us first and then by name, with status and chosen state fields; ' +
          'rows have one fixed height, so only those in view (and a few each way) are rendered: ' +
          'a thousand people render a few dozen rows.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<Args>;

const rowsOf = (canvas: ReturnType<typeof within>) =>
  within(canvas.getByRole('region', { name: 'People in this room' })).queryAllByRole('listitem');

/** Nine people: us first, then by name, each with status and team. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rowsOf(canvas)).toHaveLength(9), ROOM_WAIT);
    const [first, second, third] = rowsOf(canvas);
    await expect(first).toHaveTextContent(/^Robin Viewer \(you\)Online/);
    await expect(first?.querySelector('.pk-avatar')).toHaveAttribute('data-initials', 'RV');
    await expect(second).toHaveTextContent(/Ada.*Online.*Design/);
    await expect(third).toHaveTextContent(/Bo.*Online.*Engineering/);
    await expect(canvasElement.querySelector('.pk-presence-list__count')).toHaveTextContent('9');
  },
};

/** People come and go and step away; rows show Away and Leaving as it happens. */
export const Lively: Story = {
  args: { users: 12, joinLeavePerMinute: 20, statusPerMinute: 20, awayPerMinute: 15 },
  play: async ({ canvasElement }) => {
    await waitFor(
      () => expect(canvasElement.querySelector('[data-status="away"]')).not.toBeNull(),
      ROOM_WAIT,
    );
  },
};

/** 1,001 people (ten scripted users and a crowd of 990): the header counts them all, the DOM holds a few dozen rows, and scrolling swaps them. */
export const ThousandPeople: Story = {
  args: { users: 10, crowd: 990, statusPerMinute: 30 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(
      () =>
        expect(canvasElement.querySelector('.pk-presence-list__count')).toHaveTextContent('1,001'),
      ROOM_WAIT,
    );
    const rows = rowsOf(canvas);
    await expect(rows.length).toBeGreaterThan(3);
    await expect(rows.length).toBeLessThan(60);
    await expect(rows[0]).toHaveAttribute('aria-setsize', '1001');
    await expect(rows[0]).toHaveAttribute('aria-posinset', '1');
    // Scroll to the middle: the rows around person 500 come in, the first ones go.
    const scroller = canvas.getByRole('region', { name: 'People in this room' });
    const rowHeight = rows[0]?.getBoundingClientRect().height ?? 0;
    await expect(rowHeight).toBeGreaterThan(0);
    scroller.scrollTop = 500 * rowHeight;
    await waitFor(() => {
      const positions = rowsOf(canvas).map((row) => Number(row.getAttribute('aria-posinset')));
      expect(positions).toContain(501);
      expect(positions).not.toContain(1);
      expect(positions.length).toBeLessThan(60);
    }, ROOM_WAIT);
    await expect(canvas.queryByText(/\(you\)/)).toBeNull();
  },
};

/** Dark theme, taller rows, status and team shown. */
export const Dark: Story = {
  args: { rowHeight: 64, fields: ['status', 'team'], users: 5 },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rowsOf(canvas)).toHaveLength(6), ROOM_WAIT);
  },
};
