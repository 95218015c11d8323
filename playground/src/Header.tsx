import { ConnectionStatus } from 'presence-kit/components';
import type { PlaygroundConfig } from './config.js';
import { newUserId } from './config.js';

const MODE_LABELS: Record<PlaygroundConfig['mode'], string> = {
  local: 'local server',
  hosted: 'hosted Realtime',
  offline: 'offline, in-page server',
};

/** The button's name: scripts/localServer.mjs prints the same words in the start banner. */
export const OTHER_USER_BUTTON = 'Open as another user';

/** A new tab in the same room as a new user (`?user=` fresh, `?name=` dropped). */
function openAsAnotherUser(): void {
  const url = new URL(window.location.href);
  url.searchParams.set('user', newUserId());
  url.searchParams.delete('name');
  window.open(url, '_blank', 'noopener');
}

/** Room name, where we are connected, the connection status, and a way to bring in another user. */
export function Header({ config }: { config: PlaygroundConfig }) {
  return (
    <header className="header">
      <div>
        <h1>
          presence-kit <span className="muted">playground</span>
        </h1>
        <p className="subtitle">
          Room <strong>{config.room}</strong> · you are <strong>{config.name}</strong>{' '}
          <span className="muted">({config.userId})</span> · {MODE_LABELS[config.mode]}
          {config.mode !== 'offline' && (
            <span className="muted"> · {new URL(config.url).host}</span>
          )}
        </p>
      </div>
      <div className="header-actions">
        <ConnectionStatus />
        <button type="button" className="primary" onClick={openAsAnotherUser}>
          {OTHER_USER_BUTTON}
        </button>
        {config.mode === 'offline' && (
          <span className="muted small">Offline: each tab has its own in-page server.</span>
        )}
      </div>
    </header>
  );
}
