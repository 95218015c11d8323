// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OnlineAvatars } from '../../src/components/index.js';
import { useIdle } from '../../src/react/index.js';
import { roomPerTest, tick } from './roomHarness.js';

const room = roomPerTest();

function Shell({ awayAfterMs }: { awayAfterMs?: number }) {
  const idle = useIdle(awayAfterMs === undefined ? {} : { awayAfterMs });
  return <p data-testid="idle">{idle}</p>;
}

const idle = () => screen.getByTestId('idle').textContent;

describe('useIdle', () => {
  it('goes away after a minute without activity and comes back on a pointer move', async () => {
    const watcher = await room.user('watcher');
    const statusOfMe = () => watcher.room.store.getState().occupants.get('me')?.state.status;
    await room.render(<Shell />, { status: 'busy' });
    expect(idle()).toBe('active');
    await tick(59_000);
    fireEvent.keyDown(window, { key: 'a' });
    await tick(59_000);
    expect(idle()).toBe('active');
    expect(statusOfMe()).toBe('busy');
    await tick(1_500);
    expect(idle()).toBe('away');
    await tick(200);
    expect(statusOfMe()).toBe('away');
    fireEvent.pointerMove(window);
    await tick(200);
    expect(idle()).toBe('active');
    expect(statusOfMe()).toBe('busy');
  });

  it('counts the tab becoming visible as activity, and shows the away dot to others', async () => {
    await room.render(
      <>
        <Shell awayAfterMs={5_000} />
        <OnlineAvatars />
      </>,
      { name: 'Me' },
    );
    await tick(5_500);
    expect(idle()).toBe('away');
    expect(screen.getByRole('listitem').dataset.status).toBe('away');
    fireEvent(document, new Event('visibilitychange'));
    await tick(200);
    expect(idle()).toBe('active');
    expect(screen.getByRole('listitem').dataset.status).toBe('online');
  });
});
