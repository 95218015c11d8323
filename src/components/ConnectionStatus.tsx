import { forwardRef, type HTMLAttributes } from 'react';
import type { ConnectionStatus as Status } from '../core/index.js';
import { useConnectionStatus } from '../react/index.js';
import { useLabels } from './labels.js';
import { cx } from './occupantStatus.js';

/** The words for each connection status; override any through `labels`. */
export type ConnectionStatusLabels = Record<Status, string>;

/** English defaults. */
export const CONNECTION_STATUS_LABELS: ConnectionStatusLabels = {
  idle: 'Offline',
  connecting: 'Connecting…',
  subscribed: 'Connected',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected',
  error: 'Connection error',
};

/** Props of {@link ConnectionStatus}. Other `<span>` attributes pass through to the root. */
export interface ConnectionStatusProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  /** Overrides of the status words. */
  labels?: Partial<ConnectionStatusLabels>;
}

/**
 * A badge for our connection to the room (connecting / connected / reconnecting / disconnected /
 * error), in words as well as colour; a polite status region, so changes are announced.
 * State: `data-status`.
 *
 * @example
 * <ConnectionStatus labels={{ subscribed: 'Live' }} />
 */
export const ConnectionStatus = forwardRef<HTMLSpanElement, ConnectionStatusProps>(
  function ConnectionStatus({ labels, className, ...rest }, ref) {
    const text = useLabels(CONNECTION_STATUS_LABELS, labels);
    const status = useConnectionStatus();
    return (
      <span
        ref={ref}
        role="status"
        className={cx('pk-connection', className)}
        data-status={status}
        {...rest}
      >
        <span className="pk-connection__dot" aria-hidden="true" />
        {text[status]}
      </span>
    );
  },
);
