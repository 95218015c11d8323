// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { Profiler, createRef } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveCursors } from '../../src/components/index.js';
import type * as LiveCursorModule from '../../src/components/LiveCursor.js';
import { createCursors, stableColor } from '../../src/core/index.js';
import type * as UseCursorsModule from '../../src/react/useCursors.js';
import { roomPerTest, settled, tick } from './roomHarness.js';

// Renders counted where they happen: the container (its useCursors call) and each cursor.
const counts = vi.hoisted(() => ({ container: 0, cursors: new Map<string, number>() }));
vi.mock('../../src/react/useCursors.js', async (importOriginal) => {
  const real = await importOriginal<typeof UseCursorsModule>();
  return {
    ...real,
    useCursors: (...args: Parameters<typeof real.useCursors>) => {
      counts.container += 1;
      return real.useCursors(...args);
    },
  };
});
vi.mock('../../src/components/LiveCursor.js', async (importOriginal) => {
  const real = await importOriginal<typeof LiveCursorModule>();
  const inner = (real.LiveCursor as unknown as { type: typeof real.LiveCursor }).type;
  const { memo } = await import('react');
  return {
    LiveCursor: memo((props: Parameters<typeof real.LiveCursor>[0]) => {
      counts.cursors.set(props.userId, (counts.cursors.get(props.userId) ?? 0) + 1);
      return inner(props);
    }),
  };
});

const room = roomPerTest('board');
const BOX = { left: 100, top: 50, width: 400, height: 200 };

beforeEach(() => {
  counts.container = 0;
  counts.cursors.clear();
});

/** Users who move through the vanilla model, as a simulated bot would. */
async function movers(...names: string[]) {
  return Promise.all(
    names.map(async (name) => {
      const user = await room.user(name.toLowerCase(), { name });
      return { ...user, cursors: createCursors(user.room) };
    }),
  );
}

/** Renders the board for "me" with a layout box jsdom does not compute. */
async function board(props: Parameters<typeof LiveCursors>[0] = {}) {
  const ref = createRef<HTMLDivElement>();
  let commits = 0;
  await room.render(
    <Profiler id="board" onRender={() => (commits += 1)}>
      <LiveCursors ref={ref} className="mine" {...props}>
        <button type="button">Draw</button>
      </LiveCursors>
    </Profiler>,
  );
  const root = ref.current!;
  root.getBoundingClientRect = () =>
    ({ ...BOX, right: 500, bottom: 250, x: 100, y: 50 }) as DOMRect;
  return { root, commits: () => commits };
}

const drawn = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('.pk-cursor')].map((el) => ({
    userId: el.dataset['userId'],
    x: el.style.getPropertyValue('--pk-cursor-x'),
    y: el.style.getPropertyValue('--pk-cursor-y'),
    name: el.textContent,
  }));

describe('<LiveCursors>', () => {
  it('sends our pointer normalised to the surface, and hides it on leave and blur', async () => {
    const [ann] = await movers('Ann');
    const { root } = await board();
    expect(root.className).toBe('pk-live-cursors mine');
    fireEvent.pointerMove(root, { clientX: 200, clientY: 100 });
    await tick(100);
    expect(ann!.cursors.getCursor('me')).toMatchObject({ x: 0.25, y: 0.25 });
    fireEvent.pointerMove(screen.getByRole('button'), { clientX: 500, clientY: 250 });
    await tick(100);
    expect(ann!.cursors.getCursor('me')).toMatchObject({ x: 1, y: 1 });
    fireEvent.pointerLeave(root);
    await tick(100);
    expect(ann!.cursors.getCursor('me')).toBeUndefined();
    fireEvent.pointerMove(root, { clientX: 300, clientY: 150 });
    await tick(100);
    expect(ann!.cursors.getCursor('me')).toMatchObject({ x: 0.5, y: 0.5 });
    fireEvent.blur(window);
    await tick(100);
    expect(ann!.cursors.getCursor('me')).toBeUndefined();
  });

  it("draws the others' cursors in their colour with their name, decorative and out of the way", async () => {
    const [ann, bob] = await movers('Ann', 'Bob');
    const { root } = await board();
    ann!.cursors.move({ x: 0.5, y: 0.25 });
    bob!.cursors.move({ x: 0.1, y: 0.9 });
    await tick(100);
    expect(drawn(root)).toEqual([
      { userId: 'ann', x: '0.5', y: '0.25', name: 'Ann' },
      { userId: 'bob', x: '0.1', y: '0.9', name: 'Bob' },
    ]);
    expect(root.dataset['count']).toBe('2');
    const cursor = root.querySelector<HTMLElement>('.pk-cursor')!;
    expect(cursor.style.getPropertyValue('--pk-cursor-color')).toBe(stableColor('ann'));
    const layer = root.querySelector('.pk-live-cursors__layer')!;
    expect(layer.getAttribute('aria-hidden')).toBe('true');
    expect(layer.querySelectorAll('[tabindex], button, a, input')).toHaveLength(0);
    // The children work as before.
    const onClick = vi.fn();
    screen.getByRole('button').addEventListener('click', onClick);
    fireEvent.click(screen.getByRole('button'));
    expect(onClick).toHaveBeenCalledTimes(1);
    // A hide and a leave each take a cursor away.
    bob!.cursors.move(null);
    await tick(100);
    expect(drawn(root).map((c) => c.userId)).toEqual(['ann']);
    await settled(ann!.presence.leave('board'));
    await tick(100);
    expect(drawn(root)).toEqual([]);
  });

  it("re-renders only the moving cursor on another's move, not the container", async () => {
    const [ann, bob] = await movers('Ann', 'Bob');
    const { root, commits } = await board();
    ann!.cursors.move({ x: 0.1, y: 0.1 });
    bob!.cursors.move({ x: 0.9, y: 0.9 });
    await tick(100);
    const container = counts.container;
    counts.cursors.clear();
    const before = commits();
    // Within a second of bob's move: the movers, and so the send interval, stay as they are.
    for (let i = 2; i <= 6; i++) {
      ann!.cursors.move({ x: i / 10, y: 0.1 });
      await tick(150);
    }
    expect(drawn(root)[0]).toMatchObject({ userId: 'ann', x: '0.6' });
    expect([...counts.cursors]).toEqual([['ann', 5]]);
    expect(counts.container).toBe(container);
    expect(commits() - before).toBe(5);
  });
});
