import { createPresence } from 'presence-kit';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { readConfig } from './config.js';
import { connect } from './connect.js';
import { drawsColourEmoji } from './emojiSupport.js';
import type { DemoState } from './presence.js';
// Ours first: it declares the cascade layers' order (see styles.css).
import './styles.css';
import 'presence-kit/styles.css';

const config = readConfig(window.location, import.meta.env);
// Without a colour emoji font, emoji are hidden and their words stay (see styles.css).
if (!drawsColourEmoji()) document.documentElement.dataset['emoji'] = 'text';
const root = document.getElementById('root');
if (root === null) throw new Error('playground: #root is missing from index.html');

// One presence for the page, made outside React so StrictMode's double effects never make two:
// the provider joins the main room on it, the whereNow panel a second room.
void connect(config).then((connection) => {
  const presence = createPresence<DemoState>({
    client: connection.client,
    userId: config.userId,
  });
  createRoot(root).render(
    <StrictMode>
      <App presence={presence} connection={connection} config={config} />
    </StrictMode>,
  );
});
