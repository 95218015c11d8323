import type { Presence } from 'presence-kit';
import { PresenceProvider } from 'presence-kit/react';
import { useEffect, useMemo } from 'react';
import { AvatarsPanel } from './AvatarsPanel.js';
import { BotsPanel } from './BotsPanel.js';
import { ChatPanel } from './ChatPanel.js';
import type { PlaygroundConfig } from './config.js';
import type { Connection } from './connect.js';
import { DevPanel } from './DevPanel.js';
import { EventLog } from './EventLog.js';
import { Header } from './Header.js';
import { PeoplePanel } from './PeoplePanel.js';
import type { DemoState } from './presence.js';
import { loadState, saveState } from './savedState.js';
import { StateEditor } from './StateEditor.js';
import { useSelf } from './presence.js';
import { VoicePanel } from './VoicePanel.js';
import { WhereNowPanel } from './WhereNowPanel.js';
import { WhiteboardPanel } from './WhiteboardPanel.js';
import { WhoNowPager } from './WhoNowPager.js';

/** Props of {@link App}. */
export interface AppProps {
  presence: Presence<DemoState>;
  connection: Connection;
  config: PlaygroundConfig;
}

/** The second room the page joins, so whereNow has two rooms to tell apart. */
export const secondRoom = (room: string): string => `${room}-lobby`;

/** Writes our state to sessionStorage whenever it changes, so a reload keeps it. */
function RememberState({ config }: { config: PlaygroundConfig }) {
  const state = useSelf((self) => self.state);
  useEffect(() => {
    if (state !== null) saveState(config.userId, config.room, state);
  }, [state, config.userId, config.room]);
  return null;
}

/** The whole page: one room with every component, plus the panels that drive it. */
export function App({ presence, connection, config }: AppProps) {
  const initialState = useMemo<DemoState>(
    () => ({
      name: config.name,
      status: 'available',
      mood: 'happy',
      ...loadState(config.userId, config.room),
      // `?name=` wins over a remembered name: it is what the link asked for.
      ...(new URLSearchParams(window.location.search).has('name') ? { name: config.name } : {}),
    }),
    [config],
  );
  useEffect(() => {
    const hallway = secondRoom(config.room);
    presence.join(hallway, { initialState: { name: config.name } }).catch(() => undefined);
    return () => void presence.leave(hallway).catch(() => undefined);
  }, [presence, config.room, config.name]);
  return (
    <PresenceProvider presence={presence} channel={config.room} initialState={initialState}>
      <RememberState config={config} />
      <Header config={config} />
      <AvatarsPanel />
      <main className="grid">
        <div className="column">
          <ChatPanel name={config.name} />
          <VoicePanel />
          <BotsPanel connection={connection} room={config.room} />
        </div>
        <div className="column">
          <PeoplePanel />
          <WhiteboardPanel />
          <WhoNowPager />
          <WhereNowPanel secondRoom={secondRoom(config.room)} />
        </div>
        <div className="column">
          <StateEditor />
          <EventLog />
        </div>
      </main>
      <DevPanel />
    </PresenceProvider>
  );
}
