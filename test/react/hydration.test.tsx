// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { PresenceProvider, useConnectionStatus, usePresence } from '../../src/react/index.js';
import { addUser, createWorld } from './helpers.js';

function Page() {
  const status = useConnectionStatus();
  const occupancy = usePresence((room) => room.occupancy);
  return (
    <p>
      status:{status} occupancy:{occupancy}
    </p>
  );
}

describe('hydration', () => {
  it('hydrates the server HTML without a mismatch, then joins', async () => {
    const world = createWorld();
    await addUser(world, 'bob', 'lobby');
    const app = (
      <PresenceProvider client={world.client} userId="me" channel="lobby">
        <Page />
      </PresenceProvider>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(app);
    document.body.append(container);
    expect(world.client.getChannels()).toHaveLength(0);
    const errors = vi.spyOn(console, 'error');
    const recoverable: unknown[] = [];
    const root = await act(async () =>
      hydrateRoot(container, app, { onRecoverableError: (e) => recoverable.push(e) }),
    );
    await waitFor(() => expect(screen.getByText('status:subscribed occupancy:2')).toBeTruthy());
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(world.client.getChannels()).toHaveLength(1);
    act(() => root.unmount());
    container.remove();
  });
});
