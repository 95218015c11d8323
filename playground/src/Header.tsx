import type { PlaygroundConfig } from './config.js';
import { newUserId } from './config.js';
import { useConnectionStatus } from './presence.js';

const MODE_LABELS: Record<PlaygroundConfig['mode'], string> = {
  local: 'local server',
  hosted: 'hosted Realtime',
  offline: 'offline, in-page server',
};

/** Room name, where we are connected, our status, and a way to bring in another user. */
export function Header({ config }: { config: PlaygroundConfig }) {
  const status = useConnectionStatus();
  const openAnotherTab = () => {
    const url = new URL(window.location.href);
    url.searchParams.set('user', newUserId());
    url.searchParams.delete('name');
    window.open(url, '_blank', 'noopener');
  };
  return (
    <header className="header">
      <div>
        <h1>
          presence-kit <span className="muted">playground</span>
        </h1>
        <p className="subtitle">
          Room <strong>{config.room}</strong> · {MODE_LABELS[config.mode]}
          {config.mode !== 'offline' && (
            <span className="muted"> · {new URL(config.url).host}</span>
          )}
        </p>
      </div>
      <div className="header-actions">
        <span className="status-pill" data-status={status} role="status">
          <span className="status-dot" aria-hidden="true" />
          {status}
        </span>
        {config.mode === 'offline' ? (
          <span className="muted small">Scripted users live in this page.</span>
        ) : (
          <button type="button" className="primary" onClick={openAnotherTab}>
            Open another tab as a new user
          </button>
        )}
      </div>
    </header>
  );
}
