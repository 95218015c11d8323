import type { Meta, StoryObj } from '@storybook/react-vite';
import { sanitizeDisplayText } from 'presence-kit';
import { ConnectionStatus, OnlineAvatars, TypingIndicator } from 'presence-kit/components';
import {
  useBroadcast,
  useOccupant,
  useSelf,
  useSendBroadcast,
  useTyping,
} from 'presence-kit/react';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { CHAT_EVENT, readChatLine, sendChatLine, type ChatLine } from './support/chat.js';
import { scriptArgTypes, withSimulatedRoom, type ScriptArgs } from './support/simulationArgs.js';
import { ROOM_WAIT } from './support/storyWait.js';

// The log keeps the latest lines only: a story left open for an hour stays small.
const MAX_LINES = 50;

function Line({ line, mine }: { line: ChatLine; mine: boolean }): ReactNode {
  const name = useOccupant(line.userId, (o) => o.state['name']);
  return (
    <li data-mine={mine || undefined}>
      <strong>{sanitizeDisplayText(name ?? line.userId) || line.userId}</strong>{' '}
      {sanitizeDisplayText(line.text, 280)}
    </li>
  );
}

/** A chat room on the kit: who is here, who is typing, and Broadcast messages. */
function ChatRoom(): ReactNode {
  const [lines, setLines] = useState<{ id: number; line: ChatLine }[]>([]);
  const nextId = useRef(0);
  const [draft, setDraft] = useState('');
  const selfId = useSelf((self) => self.userId);
  const { keystroke, stop } = useTyping();
  const send = useSendBroadcast();
  const inputId = useId();
  const add = (line: ChatLine) => {
    const id = (nextId.current += 1);
    setLines((all) => [...all, { id, line }].slice(-MAX_LINES));
  };
  useBroadcast(CHAT_EVENT, (payload) => {
    const line = readChatLine(payload);
    if (line !== null) add(line);
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (text === '' || selfId === null) return;
    stop();
    const line: ChatLine = { userId: selfId, text, at: Date.now() };
    add(line); // Broadcast does not echo our own lines back.
    void send(CHAT_EVENT, { ...line });
    setDraft('');
  };
  return (
    <section aria-label="Chat" style={{ maxWidth: '36rem' }}>
      <div className="story-row">
        <OnlineAvatars max={6} size={28} />
        <ConnectionStatus />
      </div>
      <div role="log" aria-label="Messages" style={{ minHeight: '10rem' }}>
        <ol style={{ paddingInlineStart: 0, listStyle: 'none' }}>
          {lines.map(({ id, line }) => (
            <Line key={id} line={line} mine={line.userId === selfId} />
          ))}
        </ol>
      </div>
      <TypingIndicator style={{ minHeight: '1.5rem' }} />
      <form className="story-row" onSubmit={onSubmit}>
        <label htmlFor={inputId}>Message</label>
        <input
          id={inputId}
          className="story-input"
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            keystroke();
          }}
          onBlur={stop}
        />
        <button type="submit" className="story-button">
          Send
        </button>
      </form>
    </section>
  );
}

const meta: Meta<ScriptArgs> = {
  title: 'Compositions/Chat',
  render: () => <ChatRoom />,
  decorators: [withSimulatedRoom],
  argTypes: scriptArgTypes,
  args: { users: 6, typingPerMinute: 24, joinLeavePerMinute: 4, awayPerMinute: 4 },
  parameters: {
    // Scripted users post a line when a typing burst ends in a send.
    simulation: { typing: { onSent: sendChatLine } },
    docs: {
      description: {
        component:
          'A chat room built from `OnlineAvatars`, `ConnectionStatus`, `TypingIndicator` and ' +
          "`useTyping` / `useBroadcast`. Scripted users type (the kit's typing model) and post " +
          'lines over Broadcast; type below to join in.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<ScriptArgs>;

/** Others type and post; we post a line of our own. */
export const Conversation: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const log = canvas.getByRole('log', { name: 'Messages' });
    await waitFor(
      () => expect(canvas.getByRole('list', { name: '7 online' })).toBeVisible(),
      ROOM_WAIT,
    );
    // Someone types, then (usually) sends: both show up.
    await waitFor(
      () => expect(canvasElement.querySelector('.pk-typing[data-typing="true"]')).not.toBeNull(),
      ROOM_WAIT,
    );
    await waitFor(
      () => expect(within(log).getAllByRole('listitem').length).toBeGreaterThan(0),
      ROOM_WAIT,
    );
    await userEvent.type(canvas.getByLabelText('Message'), 'Hello, room');
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await waitFor(
      () => expect(log.querySelector('[data-mine]')).toHaveTextContent('Robin Viewer Hello, room'),
      ROOM_WAIT,
    );
    await expect(canvas.getByLabelText('Message')).toHaveValue('');
  },
};

/** A busy room: twelve people, lots of typing, people coming and going. */
export const Busy: Story = {
  args: { users: 12, typingPerMinute: 60, joinLeavePerMinute: 12, statusPerMinute: 10 },
  play: async ({ canvasElement }) => {
    await waitFor(
      () => expect(canvasElement.querySelector('.pk-typing[data-typing="true"]')).not.toBeNull(),
      ROOM_WAIT,
    );
  },
};
