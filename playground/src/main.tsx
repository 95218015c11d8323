import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLoopbackClient } from '../../src/server/loopback/index.js';
import { App } from './App.js';
import { startBots } from './bots.js';
import { readConfig, type PlaygroundConfig } from './config.js';
import './styles.css';

function connect(config: PlaygroundConfig): SupabaseClient {
  if (config.mode !== 'offline') {
    return createClient(config.url, config.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
    });
  }
  // Offline: a real supabase-js client on an in-page server, with scripted users beside us.
  const loopback = createLoopbackClient();
  startBots(loopback, config.room);
  return loopback.client;
}

const config = readConfig(window.location, import.meta.env);
const client = connect(config);
const root = document.getElementById('root');
if (root === null) throw new Error('playground: #root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App client={client} config={config} />
  </StrictMode>,
);
