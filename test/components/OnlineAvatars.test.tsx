// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type * as AvatarModule from '../../src/components/Avatar.js';
import { OnlineAvatars } from '../../src/components/index.js';
import { roomPerTest, settled, tick } from './roomHarness.js';

// Every render of an avatar row renders its <Avatar> once: count them per user.
const avatarRenders = vi.hoisted(() => new Map<string, number>());
vi.mock('../../src/components/Avatar.js', async (importOriginal) => {
  const real = await importOriginal<typeof AvatarModule>();
  return {
    ...real,
    Avatar: (props: Parameters<typeof real.Avatar>[0]) => {
      const id = props.profile.userId;
      avatarRenders.set(id, (avatarRenders.get(id) ?? 0) + 1);
      return real.Avatar(props);
    },
  };
});

const room = roomPerTest();
const items = () => within(screen.getByRole('list')).getAllByRole('listitem');
// The accessible name: the visually hidden text (the visible part is aria-hidden).
const names = () => items().map((li) => li.querySelector('.pk-visually-hidden')?.textContent);

describe('<OnlineAvatars>', () => {
  it('shows one avatar per user however many tabs they have, self first', async () => {
    await room.user('ann', { name: 'Ann' });
    await room.user('ann', { name: 'Ann' });
    await room.user('bob', { name: 'Bob' });
    const ref = createRef<HTMLDivElement>();
    await room.render(<OnlineAvatars ref={ref} className="mine" data-testid="avatars" />, {
      name: 'Me',
    });
    expect(names()).toEqual(['Me (you)', 'Ann', 'Bob']);
    expect(ref.current).toBe(screen.getByTestId('avatars'));
    expect(ref.current?.className).toBe('pk-avatars mine');
    expect(ref.current?.dataset.count).toBe('3');
    expect(screen.getByRole('list', { name: '3 online' })).toBeTruthy();
  });

  it('leaves us out with showSelf={false}, and labels override every string', async () => {
    await room.user('ann', { name: 'Ann', status: 'away' });
    await room.user('bob', { name: 'Bob' });
    await room.user('cat', { name: 'Cat' });
    await room.render(
      <OnlineAvatars
        showSelf={false}
        max={2}
        labels={{
          list: (n) => `${n} en ligne`,
          avatar: (name, status) => `${name} · ${status}`,
          more: (n) => `${n} de plus`,
          moreLabel: (n) => `${n} de plus, afficher`,
        }}
      />,
    );
    expect(screen.getByRole('list', { name: '3 en ligne' })).toBeTruthy();
    expect(names()).toEqual(['Ann · away', 'Bob · online']);
    expect(screen.getByRole('button', { name: '1 de plus, afficher' }).textContent).toBe(
      '1 de plus',
    );
  });

  it('puts the rest behind +N, whose popover names them and closes on Escape', async () => {
    for (const id of ['ann', 'bob', 'cat', 'dan', 'eve'])
      await room.user(id, { name: id.toUpperCase() });
    const view = await room.render(<OnlineAvatars max={3} />, { name: 'Me' });
    expect(names()).toEqual(['Me (you)', 'ANN', 'BOB']);
    expect(view.container.firstElementChild?.getAttribute('data-overflow')).toBe('3');
    const more = screen.getByRole('button', { name: '+3 more' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    const popover = screen.getByRole('dialog', { name: 'Also online' });
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(
      within(popover)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['CAT', 'DAN', 'EVE']);
    expect(document.activeElement).toBe(popover);
    fireEvent.keyDown(popover, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(more);
    // Keyboard again: the button opens it, focus leaving the menu closes it.
    fireEvent.click(more);
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.blur(screen.getByRole('dialog'), { relatedTarget: document.body });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('renders hostile names as inert text and refuses unsafe avatar URLs', async () => {
    await room.user('mal', {
      name: '<img src=x onerror="window.pwned=1">',
      avatar: 'javascript:alert(1)',
    });
    await room.user('bidi', {
      name: 'evil\u202Egnp.exe\u0000',
      avatar: 'http://plain.example/a.png',
    });
    await room.user('ok', {
      name: 'Ok',
      avatar: 'https://cdn.example.com/ok.png',
      color: 'url(https://t.example/x)',
    });
    const view = await room.render(<OnlineAvatars showSelf={false} />);
    expect(names()).toEqual(['evilgnp.exe', '<img src=x onerror="window.pwned=1">', 'Ok']);
    const images = view.container.querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]!.getAttribute('src')).toBe('https://cdn.example.com/ok.png');
    expect(images[0]!.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(view.container.querySelector('[onerror]')).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
    const [bidi, mal, ok] = items();
    expect(mal!.querySelector('.pk-avatar')?.getAttribute('data-initials')).toBe('IP'); // initials instead of the URL
    expect(bidi!.textContent).not.toContain('\u202E');
    expect(bidi!.textContent).not.toContain('\u0000');
    // A safe-looking colour that is not a plain hex never reaches the style.
    expect(ok!.querySelector<HTMLElement>('.pk-avatar')!.style.background).not.toContain('url');
  });

  it('falls back to initials when the image fails to load, and applies the origin allowlist', async () => {
    await room.user('ann', { name: 'Ann Lee', avatar: 'https://cdn.example.com/ann.png' });
    await room.user('bob', { name: 'Bob', avatar: 'https://elsewhere.example/bob.png' });
    const view = await room.render(
      <OnlineAvatars showSelf={false} avatarOrigins={['https://cdn.example.com']} />,
    );
    const images = view.container.querySelectorAll('img');
    expect(images).toHaveLength(1);
    fireEvent.error(images[0]!);
    expect(view.container.querySelectorAll('img')).toHaveLength(0);
    expect(
      items().map((li) => li.querySelector('.pk-avatar')?.getAttribute('data-initials')),
    ).toEqual(['AL', 'B']);
  });

  it('shows away and stale dots and fades users in their leave grace period', async () => {
    const ann = await room.user('ann', { name: 'Ann' });
    await room.user('bob', { name: 'Bob' });
    await room.render(<OnlineAvatars showSelf={false} />);
    const [annItem, bobItem] = items();
    expect(annItem!.dataset.status).toBe('online');
    await settled(ann.presence.setState('room', { status: 'away' }));
    await tick(200);
    expect(items()[0]!.dataset.status).toBe('away');
    expect(names()[0]).toBe('Ann, away');
    await settled(ann.presence.leave('room'));
    await tick(100);
    expect(items()[0]!.dataset.leaving).toBe('true');
    expect(bobItem!.dataset.leaving).toBeUndefined();
    await tick(2500);
    expect(names()).toEqual(['Bob']);
  });

  it('marks others stale while our own connection is down', async () => {
    await room.user('ann', { name: 'Ann' });
    await room.render(<OnlineAvatars showSelf={false} />, {}, 'me', { staleAfterMs: 0 });
    expect(items()[0]!.dataset.status).toBe('online');
    const mine = room
      .hub()
      .testing.inspect()
      .sockets.find((s) => s.channels.some((c) => c.presenceKey === 'me'));
    expect(room.hub().testing.dropSocket(mine!.id)).toBe(1);
    await tick(20);
    expect(items()[0]!.dataset.status).toBe('stale');
    expect(names()).toEqual(['Ann, reconnecting']);
    await tick(15_000);
    expect(items()[0]!.dataset.status).toBe('online');
  });

  it("re-renders only the changed user's avatar when one user's state changes", async () => {
    const users = [];
    for (const id of ['ann', 'bob', 'cat', 'dan']) users.push(await room.user(id, { name: id }));
    await room.render(<OnlineAvatars max={10} />, { name: 'me' });
    expect(names()).toHaveLength(5);
    avatarRenders.clear();
    await settled(users[2]!.presence.setState('room', { name: 'Catherine' }));
    await tick(200);
    expect(names()).toContain('Catherine');
    expect(Object.fromEntries(avatarRenders)).toEqual({ cat: 1 });
  });
});
