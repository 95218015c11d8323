import { OnlineAvatars } from 'presence-kit/components';
import { usePresence } from './presence.js';

/** Who is here at a glance: the kit's avatar stack, with the room's head count. */
export function AvatarsPanel() {
  const occupancy = usePresence((room) => room.occupancy);
  return (
    <section className="card avatars-card" aria-labelledby="avatars-title">
      <h2 id="avatars-title">
        In the room <span className="count">{occupancy}</span>
      </h2>
      <OnlineAvatars max={12} size={36} />
    </section>
  );
}
