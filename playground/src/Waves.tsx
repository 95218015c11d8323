import { useState } from 'react';
import { useBroadcast, useSendBroadcast } from './presence.js';

interface Wave {
  id: number;
  from: string;
}

let nextId = 0;

/** Broadcast (not presence): a wave reaches everyone at once and is never stored. */
export function Waves({ name }: { name: string }) {
  const send = useSendBroadcast();
  const [waves, setWaves] = useState<Wave[]>([]);
  useBroadcast('wave', (payload) => {
    const from = (payload as { from?: unknown }).from;
    if (typeof from !== 'string') return; // payloads come from other clients: check them
    const wave = { id: (nextId += 1), from: from.slice(0, 64) };
    setWaves((list) => [wave, ...list].slice(0, 3));
  });
  return (
    <section className="card" aria-labelledby="waves-title">
      <h2 id="waves-title">Broadcast</h2>
      <button
        type="button"
        onClick={() => void send('wave', { from: name }).catch(() => undefined)}
      >
        👋 Wave at everyone
      </button>
      <ul className="waves" aria-live="polite">
        {waves.map((w) => (
          <li key={w.id}>👋 {w.from} waved</li>
        ))}
      </ul>
    </section>
  );
}
