import type { SupabaseClient } from '@supabase/supabase-js';
import type { PlaygroundConfig } from './config.js';
import { EventLog } from './EventLog.js';
import { Header } from './Header.js';
import { MyState } from './MyState.js';
import { PresenceProvider } from './presence.js';
import { Waves } from './Waves.js';
import { WhoIsOnline } from './WhoIsOnline.js';
import { WhoNowPager } from './WhoNowPager.js';

/** The demo room. */
export function App({ client, config }: { client: SupabaseClient; config: PlaygroundConfig }) {
  return (
    <PresenceProvider
      client={client}
      userId={config.userId}
      channel={config.room}
      initialState={{ name: config.name, status: 'available', mood: '🙂' }}
    >
      <Header config={config} />
      <main className="grid">
        <div className="column">
          <MyState userId={config.userId} />
          <Waves name={config.name} />
        </div>
        <div className="column">
          <WhoIsOnline />
          <WhoNowPager />
        </div>
        <div className="column">
          <EventLog />
        </div>
      </main>
    </PresenceProvider>
  );
}
