// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { memo, useEffect, useState } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createCursors, CURSOR_EVENT, type CursorPosition } from '../../src/core/index.js';
import { PresenceProvider, useCursor, useCursors } from '../../src/react/index.js';
import { createLoopbackClient } from '../../src/server/loopback/index.js';
import { roomPerTest, tick } from '../components/roomHarness.js';

const room = roomPerTest('board');
const renders = new Map<string, number>();
const count = (key: string) => renders.set(key, (renders.get(key) ?? 0) + 1);
const held: { move?: (position: CursorPosition) => void; hide?: () => void } = {};

const Pointer = memo(function Pointer({ userId }: { userId: string }) {
  count(userId);
  const cursor = useCursor(userId);
  return <li>{cursor === undefined ? `${userId} hidden` : `${userId} ${cursor.x},${cursor.y}`}</li>;
});

function Board({ watch = [] }: { watch?: string[] }) {
  count('board');
  const { userIds, move, sendIntervalMs } = useCursors();
  useEffect(() => {
    held.move = move;
  }, [move]);
  return (
    <div>
      <p>{`showing ${userIds.join(' ') || 'nobody'} every ${sendIntervalMs} ms`}</p>
      <ul>
        {[...watch, ...userIds.filter((id) => !watch.includes(id))].map((id) => (
          <Pointer key={id} userId={id} />
        ))}
      </ul>
    </div>
  );
}

function TwoBoards() {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    held.hide = () => setShown(false);
  }, []);
  return shown ? (
    <>
      <Board />
      <Board />
    </>
  ) : null;
}

/** Users who move through the vanilla model, as a simulated bot would. */
async function movers(...ids: string[]) {
  return Promise.all(
    ids.map(async (id) => createCursors((await room.user(id, { name: id })).room)),
  );
}

describe('useCursors and useCursor', () => {
  it('re-render the list on membership only, and one pointer on its own moves', async () => {
    const [ann, bob] = await movers('ann', 'bob');
    await room.render(<Board watch={['ann', 'bob']} />);
    ann!.move({ x: 0.5, y: 0.5 });
    bob!.move({ x: 0.1, y: 0.2 });
    await tick(100);
    expect(screen.getByText('showing ann bob every 180 ms')).toBeTruthy(); // 1000 × 3 movers × 3 members ÷ 50
    renders.clear();
    // Within a second of bob's move, so the movers (and the send interval) stay as they are.
    for (let i = 1; i <= 5; i++) {
      ann!.move({ x: i / 10, y: 0.5 });
      await tick(150);
    }
    expect(screen.getByText('ann 0.5,0.5')).toBeTruthy();
    expect([...renders]).toEqual([['ann', 5]]);
    renders.clear();
    bob!.move(null);
    await tick(200);
    expect(screen.getByText('bob hidden')).toBeTruthy();
    expect(screen.getByText(/^showing ann every/)).toBeTruthy();
    expect(renders.get('ann')).toBeUndefined();
  });

  it('sends our moves through one shared model, and hides our cursor when the last user unmounts', async () => {
    const [ann] = await movers('ann');
    await room.render(<TwoBoards />);
    let sends = 0;
    room.hub().testing.onFrame((dir, _socket, frame) => {
      const payload = frame.payload as { event?: unknown } | undefined;
      if (dir === 'in' && frame.event === 'broadcast' && payload?.event === CURSOR_EVENT) sends++;
    });
    held.move!({ x: 0.25, y: 0.75 });
    await tick(100);
    expect(ann!.getCursor('me')).toMatchObject({ x: 0.25, y: 0.75 });
    // Both boards' hooks hold one model: moves from either coalesce into one sender.
    for (let i = 0; i < 10; i++) held.move!({ x: i / 10, y: 0.5 });
    await tick(10);
    expect(sends).toBe(2);
    await tick(100);
    expect(ann!.getCursor('me')).toMatchObject({ x: 0.9, y: 0.5 });
    // The boards go, the provider (and our membership) stays: the model's last send hides us.
    act(() => held.hide!());
    await tick(100);
    expect(ann!.getCursor('me')).toBeUndefined();
    expect(sends).toBe(4);
  });

  it('shows the cursors already at rest when the provider joins', async () => {
    const [ann] = await movers('ann');
    ann!.move({ x: 0.3, y: 0.6 });
    await tick(200);
    // Ann stays still: her cursor reaches us only because our model asks once it is subscribed.
    await room.render(<Board watch={['ann']} />);
    await tick(200);
    expect(screen.getByText('ann 0.3,0.6')).toBeTruthy();
  });

  it('renders on the server with no cursors', () => {
    const world = createLoopbackClient();
    const html = renderToString(
      <PresenceProvider client={world.createClient()} userId="me" channel="board">
        <Board watch={['ann']} />
      </PresenceProvider>,
    );
    expect(html).toContain('showing nobody every 40 ms');
    expect(html).toContain('ann hidden');
    void world.close();
  });
});
