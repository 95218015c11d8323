import { useState } from 'react';
import { formatState } from './formatState.js';
import { useWhoNow } from './presence.js';

const PAGE_SIZE = 3;

/** Agora `whoNow`, live from the store, three at a time with bookmarks. */
export function WhoNowPager() {
  // A stack of bookmarks: '' is the first page.
  const [pages, setPages] = useState<string[]>(['']);
  const page = pages[pages.length - 1] ?? '';
  const { totalOccupancy, occupants, nextPage } = useWhoNow({
    page,
    pageSize: PAGE_SIZE,
    includedState: true,
  });
  return (
    <section className="card" aria-labelledby="whonow-title">
      <h2 id="whonow-title">
        whoNow{' '}
        <span className="muted">
          page {pages.length}, {totalOccupancy} in the room
        </span>
      </h2>
      <table className="whonow">
        <thead>
          <tr>
            <th scope="col">userId</th>
            <th scope="col">states</th>
            <th scope="col">count</th>
          </tr>
        </thead>
        <tbody>
          {occupants.map(({ userId, states, statesCount }) => (
            <tr key={userId}>
              <td>{userId}</td>
              <td>{formatState(states)}</td>
              <td>{statesCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pager">
        <button
          type="button"
          disabled={pages.length === 1}
          onClick={() => setPages((p) => p.slice(0, -1))}
        >
          ← Previous
        </button>
        <button
          type="button"
          disabled={nextPage === ''}
          onClick={() => setPages((p) => [...p, nextPage])}
        >
          Next →
        </button>
      </div>
    </section>
  );
}
