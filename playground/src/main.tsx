import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { readConfig, type PlaygroundConfig } from './config.js';
import './styles.css';

async function connect(config: PlaygroundConfig): Promise<SupabaseClient> {
  if (config.mode !== 'offline') {
    return createClient(config.url, config.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
    });
  }
  // Offline: a real supabase-js client on an in-page server, with scripted users beside us.
  // Loaded on demand, so the online playground does not ship the server.
  const [{ createLoopbackClient }, { startBots }] = await Promise.all([
    import('presence-kit/local'),
    import('./bots.js'),
  ]);
  const loopback = createLoopbackClient();
  startBots(loopback, config.room);
  return loopback.client;
}

const config = readConfig(window.location, import.meta.env);
const root = document.getElementById('root');
if (root === null) throw new Error('playground: #root is missing from index.html');

void connect(config).then((client) =>
  createRoot(root).render(
    <StrictMode>
      <App client={client} config={config} />
    </StrictMode>,
  ),
);
