import { Avatar } from './Avatar.js';
import { MOODS, useUserState } from './presence.js';

/** Our own status and mood, set through `useUserState()`. */
export function MyState({ userId }: { userId: string }) {
  const [mine, { setState }] = useUserState();
  const status = mine.status ?? 'available';
  return (
    <section className="card" aria-labelledby="me-title">
      <h2 id="me-title">You</h2>
      <div className="me">
        <Avatar userId={userId} name={mine.name ?? userId} status={status} size="lg" />
        <div>
          <div className="me-name">{mine.name ?? userId}</div>
          <div className="muted">{userId}</div>
        </div>
      </div>
      <fieldset>
        <legend>Status</legend>
        <div className="segmented">
          {(['available', 'busy'] as const).map((value) => (
            <label key={value} data-checked={status === value}>
              <input
                type="radio"
                name="status"
                value={value}
                checked={status === value}
                onChange={() => void setState({ status: value })}
              />
              {value === 'available' ? 'Available' : 'Busy'}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Mood</legend>
        <div className="moods">
          {MOODS.map((mood) => (
            <button
              key={mood}
              type="button"
              aria-pressed={mine.mood === mood}
              aria-label={`Set mood ${mood}`}
              onClick={() => void setState({ mood })}
            >
              {mood}
            </button>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
