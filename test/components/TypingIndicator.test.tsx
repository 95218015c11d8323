// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { TypingIndicator } from '../../src/components/index.js';
import { createTyping, TYPING_EVENT } from '../../src/core/index.js';
import { useTyping } from '../../src/react/index.js';
import { roomPerTest, settled, tick, type SimUser } from './roomHarness.js';

const room = roomPerTest();
const status = () => screen.getByRole('status');

/** Users who type through the vanilla model, as a simulated bot would. */
async function typists(...names: string[]) {
  const out: (SimUser & { typing: ReturnType<typeof createTyping> })[] = [];
  for (const name of names) {
    const user = await room.user(name.toLowerCase(), { name });
    out.push({ ...user, typing: createTyping(user.room) });
  }
  return out;
}

/** Counts changes to the live region's content: each one is an announcement. */
function announcements(node: Node) {
  let count = 0;
  new MutationObserver((records) => (count += records.length)).observe(node, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  return () => count;
}

function Composer() {
  const { keystroke, stop, isTyping } = useTyping();
  return (
    <label>
      Message
      <input onChange={keystroke} onBlur={stop} data-typing={isTyping} />
    </label>
  );
}

describe('<TypingIndicator>', () => {
  it('names one, two, and many typers in the order they started', async () => {
    const [ann, bob, cat, dan, eve] = await typists('Ann', 'Bob', 'Cat', 'Dan', 'Eve');
    const ref = createRef<HTMLDivElement>();
    await room.render(<TypingIndicator ref={ref} className="mine" />);
    expect(status().textContent).toBe('');
    expect(ref.current?.className).toBe('pk-typing mine');
    expect(ref.current?.getAttribute('aria-live')).toBe('polite');
    bob!.typing.keystroke();
    await tick(50);
    expect(status().textContent).toBe('Bob is typing…');
    expect(ref.current?.dataset.typing).toBe('true');
    ann!.typing.keystroke();
    await tick(50);
    expect(status().textContent).toBe('Bob and Ann are typing…');
    cat!.typing.keystroke();
    await tick(50);
    expect(status().textContent).toBe('Bob, Ann, and Cat are typing…');
    dan!.typing.keystroke();
    eve!.typing.keystroke();
    await tick(50);
    expect(status().textContent).toBe('Bob, Ann, and 3 others are typing…');
    expect(ref.current?.dataset.count).toBe('5');
    for (const t of [ann, bob, cat, dan, eve]) t!.typing.stop();
    await tick(50);
    expect(status().textContent).toBe('');
    expect(ref.current?.dataset.typing).toBe('false');
  });

  it('keeps still through keep-alives and clears after timeoutMs without one', async () => {
    const [ann] = await typists('Ann');
    await room.render(<TypingIndicator timeoutMs={3000} />);
    const changes = announcements(status());
    ann!.typing.keystroke();
    await tick(50);
    expect(status().textContent).toBe('Ann is typing…');
    const afterStart = changes();
    expect(afterStart).toBeGreaterThan(0);
    for (let i = 0; i < 40; i++) {
      ann!.typing.keystroke();
      await tick(250);
    }
    // Ten seconds of keep-alives: the region never changed, so nothing was announced again.
    expect(changes()).toBe(afterStart);
    expect(status().textContent).toBe('Ann is typing…');
    // The last keep-alive went out at most 2 s ago, so the typer lasts at least 1 s more...
    await tick(900);
    expect(status().textContent).toBe('Ann is typing…');
    // ...and at most 3 s more.
    await tick(2200);
    expect(status().textContent).toBe('');
  });

  it('clears a typer at once when they leave', async () => {
    const [ann] = await typists('Ann');
    await room.render(<TypingIndicator />);
    ann!.typing.keystroke();
    await tick(50);
    expect(status().textContent).toBe('Ann is typing…');
    await settled(ann!.presence.leave('room'));
    await tick(20);
    expect(status().textContent).toBe('');
  });

  it('speaks other languages through labels and locale', async () => {
    const [ann, bob] = await typists('Ann', 'Bob');
    await room.render(
      <TypingIndicator
        locale="de"
        labels={{
          typing: (who, n) => `${who} ${n === 1 ? 'tippt' : 'tippen'} …`,
          others: (n) => `${n} weitere`,
        }}
      />,
    );
    ann!.typing.keystroke();
    bob!.typing.keystroke();
    await tick(50);
    expect(status().textContent).toBe('Ann und Bob tippen …');
  });

  it('renders hostile typer names as plain, stripped text', async () => {
    const mal = await room.user('mal', { name: '<b onmouseover=alert(1)>\u202Eevil</b>' });
    await room.render(<TypingIndicator />);
    createTyping(mal.room).keystroke();
    await tick(50);
    expect(status().textContent).toBe('<b onmouseover=alert(1)>evil</b> is typing…');
    expect(status().querySelector('b')).toBeNull();
  });

  it('costs 0 presence calls for a burst typed through useTyping, one signal per 2 s', async () => {
    const watcher = await room.user('watcher', { name: 'W' });
    const watching = createTyping(watcher.room);
    watching.subscribe(() => {});
    await room.render(<Composer />, { name: 'Me' });
    let signals = 0;
    room.hub().testing.onFrame((dir, _socket, frame) => {
      const inner = frame.payload as { event?: unknown } | undefined;
      if (dir === 'in' && frame.event === 'broadcast' && inner?.event === TYPING_EVENT) signals++;
    });
    const calls = room.presenceCalls();
    const input = screen.getByRole('textbox', { name: 'Message' });
    for (let i = 0; i < 60; i++) {
      fireEvent.change(input, { target: { value: 'x'.repeat(i + 1) } });
      await tick(100);
    }
    expect(watching.getSnapshot().typers.map((t) => t.userId)).toEqual(['me']);
    expect(input.dataset.typing).toBe('true');
    fireEvent.blur(input);
    await tick(50);
    expect(watching.getSnapshot().typers).toEqual([]);
    expect(input.dataset.typing).toBe('false');
    // 6 s of typing: a start, a keep-alive at 2 s and at 4 s; then the stop.
    expect(signals).toBe(4);
    expect(room.presenceCalls()).toBe(calls);
  });
});
