// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { ConnectionStatus } from '../../src/components/index.js';
import { roomPerTest, tick } from './roomHarness.js';

const room = roomPerTest();

describe('<ConnectionStatus>', () => {
  it('says where the connection stands in words and data-status, through a reconnect', async () => {
    const ref = createRef<HTMLSpanElement>();
    await room.render(<ConnectionStatus ref={ref} className="mine" title="link" />);
    const badge = screen.getByRole('status');
    expect(ref.current).toBe(badge);
    expect(badge.className).toBe('pk-connection mine');
    expect(badge.title).toBe('link');
    expect(badge.textContent).toBe('Connected');
    expect(badge.dataset.status).toBe('subscribed');
    const mine = room
      .hub()
      .testing.inspect()
      .sockets.find((s) => s.channels.some((c) => c.presenceKey === 'me'));
    room.hub().testing.dropSocket(mine!.id);
    await tick(20);
    expect(badge.textContent).toBe('Reconnecting…');
    expect(badge.dataset.status).toBe('reconnecting');
    await tick(15_000);
    expect(badge.textContent).toBe('Connected');
  });

  it('takes its words from labels', async () => {
    await room.render(<ConnectionStatus labels={{ subscribed: 'En ligne' }} />);
    expect(screen.getByRole('status').textContent).toBe('En ligne');
  });
});
