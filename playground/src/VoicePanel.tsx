import { MicSeats } from 'presence-kit/components';
import { useMicSeatsActions, useMicSeatsSelector } from 'presence-kit/react';
import { useEffect, useState } from 'react';
import { Emoji } from './Emoji.js';
import { useOccupant } from './presence.js';
import { useHostId } from './useHostId.js';

/** Seats in the voice room (the simulated users use the same count). */
export const SEAT_COUNT = 8;
/** How often a simulated voice reports its level (the seat model's own rate). */
const LEVEL_EVERY_MS = 250;

/**
 * Our simulated microphone: while on and seated, a wandering voice level four times a second
 * (where an RTC SDK's volume callback would go), silence when switched off.
 */
function useSimulatedMic(on: boolean, hostId: string | undefined): void {
  const key = { seatCount: SEAT_COUNT, hostId };
  const { setSpeakingLevel } = useMicSeatsActions(key);
  const seated = useMicSeatsSelector(key, (s) => s.mySeat !== null);
  useEffect(() => {
    if (!on || !seated) return undefined;
    const timer = setInterval(() => {
      setSpeakingLevel(0.2 + Math.random() * 0.7).catch(() => undefined);
    }, LEVEL_EVERY_MS);
    return () => {
      clearInterval(timer);
      setSpeakingLevel(0).catch(() => undefined);
    };
  }, [on, seated, setSpeakingLevel]);
}

/** The kit's MicSeats with host controls for the first user in, and a simulated voice. */
export function VoicePanel() {
  const hostId = useHostId();
  const hostName = useOccupant(hostId ?? '', (o) => o.state['name'] ?? o.userId);
  const [talking, setTalking] = useState(false);
  useSimulatedMic(talking, hostId);
  return (
    <section className="card" aria-labelledby="voice-title">
      <h2 id="voice-title">Voice room</h2>
      <p className="muted small">
        Host: <strong>{hostName ?? 'nobody yet'}</strong> (the first user in; lock, unlock and kick
        from each seat&apos;s menu). Press an empty seat to sit down.
      </p>
      {hostId === undefined ? null : (
        <MicSeats seatCount={SEAT_COUNT} columns={4} hostId={hostId} />
      )}
      <label className="toggle">
        <input type="checkbox" checked={talking} onChange={(e) => setTalking(e.target.checked)} />
        <Emoji symbol="🎙️" label="Simulate my voice" />{' '}
        <span className="muted small">(while seated and unmuted)</span>
      </label>
    </section>
  );
}
