import { useState } from 'react';
import type { Connection } from './connect.js';
import { useHostId } from './useHostId.js';
import { MAX_BOTS, useSimulation } from './useSimulation.js';

/** Adds and removes simulated users, so one browser shows a busy room. */
export function BotsPanel({ connection, room }: { connection: Connection; room: string }) {
  const hostId = useHostId();
  const { count, setCount } = useSimulation(connection, room, hostId);
  const [step, setStep] = useState(3);
  return (
    <section className="card" aria-labelledby="bots-title">
      <h2 id="bots-title">
        Simulated users <span className="count">{count}</span>
      </h2>
      <p className="muted small">
        Real clients on the same server, run by this tab: they join, type, move their cursors, take
        seats, speak, change status and leave. Up to {MAX_BOTS}.
      </p>
      <div className="row">
        <label>
          How many{' '}
          <input
            type="number"
            min={1}
            max={MAX_BOTS}
            value={step}
            onChange={(e) => setStep(Math.max(1, Number(e.target.value) || 1))}
            className="narrow"
          />
        </label>
        <button type="button" className="primary" onClick={() => setCount(count + step)}>
          Add {step}
        </button>
        <button type="button" disabled={count === 0} onClick={() => setCount(count - step)}>
          Remove {Math.min(step, count)}
        </button>
        <button type="button" disabled={count === 0} onClick={() => setCount(0)}>
          Remove all
        </button>
      </div>
    </section>
  );
}
