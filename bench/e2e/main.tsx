// One end-to-end benchmark user: ?url=&key=&user=&peer= (the local server and who we are).
import { createClient } from '@supabase/supabase-js';
import { createRoot } from 'react-dom/client';
import { PresenceProvider } from 'presence-kit/react';
import { api, E2ePage, type E2eApi } from './E2ePage.js';

declare global {
  interface Window {
    /** What bench/e2e/e2e.bench.ts drives through Playwright. */
    e2eBench?: E2eApi;
  }
}

const query = new URLSearchParams(location.search);
const param = (name: string): string => query.get(name) ?? '';
const client = createClient(param('url'), param('key'));
window.e2eBench = api;
createRoot(document.getElementById('root') as HTMLElement).render(
  <PresenceProvider client={client} userId={param('user')} channel="e2e" initialState={{ seq: '' }}>
    <E2ePage peerId={param('peer')} />
  </PresenceProvider>,
);
