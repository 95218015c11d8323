import { PresenceList } from 'presence-kit/components';

/** State keys each row shows after the name and status. */
const FIELDS = ['mood', 'title'] as const;

/** Everyone in the room with their state fields: the kit's virtualized PresenceList. */
export function PeoplePanel() {
  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      <PresenceList fields={FIELDS} className="people-list" />
    </section>
  );
}
