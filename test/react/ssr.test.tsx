// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createPresence } from '../../src/core/facade/createPresence.js';
import { createLoopbackClient } from '../../src/server/loopback/index.js';
import {
  PresenceProvider,
  useConnectionStatus,
  useOthers,
  usePresence,
  useSelf,
  useUserState,
  useWhoNow,
} from '../../src/react/index.js';

function Page() {
  const status = useConnectionStatus();
  const occupancy = usePresence((room) => room.occupancy);
  const others = useOthers();
  const self = useSelf();
  const [mine] = useUserState();
  const { totalOccupancy, occupants } = useWhoNow();
  const text = [
    status,
    occupancy,
    others.length,
    String(self),
    JSON.stringify(mine),
    totalOccupancy,
    occupants.length,
  ];
  return <p>{text.join('|')}</p>;
}

describe('server rendering', () => {
  it('renders an empty idle room and connects nothing', () => {
    const world = createLoopbackClient();
    const html = renderToString(
      <PresenceProvider
        client={world.client}
        userId="me"
        channel="lobby"
        initialState={{ mood: 'calm' }}
      >
        <Page />
      </PresenceProvider>,
    );
    expect(html).toBe('<p>idle|0|0|null|{}|0|0</p>');
    expect(world.client.getChannels()).toHaveLength(0);
    expect(world.hub.stats()).toMatchObject({ sockets: 0, channels: 0 });
  });

  it('does not join on a presence it was given', () => {
    const world = createLoopbackClient();
    const presence = createPresence({ client: world.client, userId: 'me' });
    renderToString(
      <PresenceProvider presence={presence} channel="lobby">
        <Page />
      </PresenceProvider>,
    );
    expect(presence.getRoom('lobby')).toBeUndefined();
    expect(world.client.getChannels()).toHaveLength(0);
  });
});
