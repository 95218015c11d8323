import { isPresenceError } from 'presence-kit';
import { useState, type FormEvent } from 'react';
import { Emoji, MOODS } from './Emoji.js';
import { MAX_STATE_KEYS, useUserState } from './presence.js';

// Kit-internal keys (mic seat, typing) are ours too and count toward the limit, but are not edited here.
const isInternal = (key: string) => key.startsWith('pk.');

/** Our own state: status, mood, and any key/value pair, with the 32-key limit in view. */
export function StateEditor() {
  const [mine, { setState, removeState }] = useUserState();
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState('');
  const keys = Object.keys(mine);
  const kitKeys = keys.filter(isInternal).length;
  const run = (action: Promise<void>) => {
    setProblem('');
    action.catch((error: unknown) =>
      setProblem(isPresenceError(error) ? `${error.code}: ${error.message}` : String(error)),
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim() === '') return;
    run(setState({ [key.trim()]: value }));
    setKey('');
    setValue('');
  };
  return (
    <section className="card" aria-labelledby="state-title">
      <h2 id="state-title">
        My state{' '}
        <span className="count" aria-label={`${keys.length} of ${MAX_STATE_KEYS} keys`}>
          {keys.length} / {MAX_STATE_KEYS} keys
        </span>
      </h2>
      {kitKeys > 0 && (
        <p className="muted">
          {kitKeys} of them {kitKeys === 1 ? 'is' : 'are'} the kit&apos;s own (your mic seat), not
          listed below.
        </p>
      )}
      <fieldset>
        <legend>Status</legend>
        <div className="segmented">
          {(['available', 'busy'] as const).map((status) => (
            <button
              key={status}
              type="button"
              aria-pressed={mine['status'] === status}
              onClick={() => run(setState({ status }))}
            >
              {status === 'available' ? 'Available' : 'Busy'}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Mood</legend>
        <div className="moods">
          {MOODS.map((mood) => (
            <button
              key={mood.value}
              type="button"
              aria-pressed={mine['mood'] === mood.value}
              onClick={() => run(setState({ mood: mood.value }))}
            >
              <Emoji symbol={mood.symbol} label={mood.value} />
            </button>
          ))}
        </div>
      </fieldset>
      <table className="state-table">
        <tbody>
          {keys
            .filter((k) => !isInternal(k))
            .map((k) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{mine[k]}</td>
                <td>
                  <button type="button" onClick={() => run(removeState({ states: [k] }))}>
                    Remove <span className="pk-visually-hidden">{k}</span>
                  </button>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      <form className="row" onSubmit={onSubmit}>
        <input
          aria-label="Key"
          placeholder="key"
          value={key}
          onChange={(e) => setKey(e.target.value)}
        />
        <input
          aria-label="Value"
          placeholder="value"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="primary">
          Set
        </button>
      </form>
      {problem !== '' && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
