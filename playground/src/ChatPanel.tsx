import { TypingIndicator } from 'presence-kit/components';
import { useTyping } from 'presence-kit/react';
import { useCallback, useState, type FormEvent } from 'react';
import { lineId, MAX_LINES, MAX_TEXT, parseLine, type ChatLine } from './chatMessages.js';
import { Emoji } from './Emoji.js';
import { useBroadcast, useSendBroadcast } from './presence.js';

/**
 * A chat box on Broadcast (nothing goes through presence): messages and waves, with the kit's
 * typing indicator. Our own lines are echoed locally (the room does not echo our broadcasts back),
 * so the waver sees their own wave.
 */
export function ChatPanel({ name }: { name: string }) {
  const [lines, setLines] = useState<ChatLine[]>([]);
  const [draft, setDraft] = useState('');
  const send = useSendBroadcast();
  const { keystroke, stop } = useTyping();
  const add = useCallback(
    (line: ChatLine) => setLines((list) => [...list, line].slice(-MAX_LINES)),
    [],
  );
  useBroadcast('chat', (payload) => {
    const line = parseLine('message', payload);
    if (line !== null) add(line);
  });
  useBroadcast('wave', (payload) => {
    const line = parseLine('wave', payload);
    if (line !== null) add(line);
  });

  const post = (kind: ChatLine['kind'], text: string) => {
    const line: ChatLine = { id: lineId(), kind, from: name, text, mine: true };
    add(line);
    send(kind === 'wave' ? 'wave' : 'chat', { id: line.id, from: name, text }).catch(() =>
      add({ ...line, id: lineId(), kind: 'message', text: '(not sent: not connected)' }),
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim().slice(0, MAX_TEXT);
    if (text === '') return;
    stop();
    setDraft('');
    post('message', text);
  };

  return (
    <section className="card" aria-labelledby="chat-title">
      <h2 id="chat-title">Chat</h2>
      <ol className="chat" aria-label="Messages" aria-live="polite">
        {lines.map((line) => (
          <li key={line.id} data-mine={line.mine} data-kind={line.kind}>
            {line.kind === 'wave' ? (
              <>
                <Emoji symbol="👋" label="wave" /> <strong>{line.mine ? 'You' : line.from}</strong>{' '}
                waved
              </>
            ) : (
              <>
                <strong>{line.mine ? 'You' : line.from}</strong> {line.text}
              </>
            )}
          </li>
        ))}
        {lines.length === 0 && <li className="muted">No messages yet.</li>}
      </ol>
      <TypingIndicator />
      <form className="chat-form" onSubmit={onSubmit}>
        <input
          aria-label="Message"
          placeholder="Say something…"
          value={draft}
          maxLength={MAX_TEXT}
          onChange={(event) => {
            setDraft(event.target.value);
            if (event.target.value === '') stop();
            else keystroke();
          }}
          onBlur={stop}
        />
        <button type="submit" className="primary">
          Send
        </button>
        <button type="button" onClick={() => post('wave', '')}>
          <Emoji symbol="👋" label="Wave" />
        </button>
      </form>
    </section>
  );
}
