// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { version as domVersion } from 'react-dom';
import { version, useSyncExternalStore } from 'react';
import withSelector from 'use-sync-external-store/with-selector';
import { describe, expect, it } from 'vitest';
import { PresenceProvider, useConnectionStatus } from '../../src/react/index.js';
import { createWorld } from '../react/helpers.js';

describe('the react18 project', () => {
  it('runs React 18 and react-dom 18', () => {
    expect(version.startsWith('18.')).toBe(true);
    expect(domVersion.startsWith('18.')).toBe(true);
    expect(typeof useSyncExternalStore).toBe('function');
  });

  it('renders the kit with the one React: hooks through use-sync-external-store work', async () => {
    // Two copies of React would throw "Invalid hook call" from the selector hooks.
    expect(typeof withSelector.useSyncExternalStoreWithSelector).toBe('function');
    const world = createWorld();
    function Status() {
      return <p>status:{useConnectionStatus()}</p>;
    }
    render(
      <PresenceProvider client={world.client} userId="me" channel="lobby">
        <Status />
      </PresenceProvider>,
    );
    await screen.findByText('status:subscribed');
  });
});
