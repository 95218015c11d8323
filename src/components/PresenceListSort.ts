import { useEffect, useMemo, useReducer } from 'react';
import { displayNameOf } from '../core/index.js';
import { useOtherUserIds, useRoom } from '../react/index.js';
import { PresenceListOrder } from './PresenceListOrder.js';
import type { ProfileProps } from './profileProps.js';

/**
 * Internal: everyone else's ids in name order (see `PresenceListOrder`). Membership comes from
 * `useOtherUserIds` (a new array only on join or leave); renames come from one keyed watch per
 * user and re-render the list only when the order really changes.
 */
export function usePresenceListOrder(
  props: ProfileProps & { locale?: string | readonly string[] | undefined },
): readonly string[] {
  const room = useRoom();
  const ids = useOtherUserIds();
  const { getProfile } = props;
  const locale = typeof props.locale === 'string' ? props.locale : props.locale?.join(',');
  // One order per room and locale. The name reader may be new every render: an inline
  // `getProfile` keeps the order, and names are re-read on each user's next change.
  const order = useMemo(() => {
    const collator = new Intl.Collator(locale?.split(','), { sensitivity: 'base', numeric: true });
    return room === null ? null : new PresenceListOrder(collator.compare);
  }, [locale, room]);
  const nameOf = (userId: string) => {
    const occupant = room?.store.getState().occupants.get(userId);
    // The name alone: an order needs none of the colour, initials or avatar URL work.
    return occupant === undefined ? userId : displayNameOf(occupant, getProfile);
  };
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const sorted = order === null ? ids : order.order(ids, nameOf);
  useEffect(() => {
    if (room !== null)
      order?.syncWatches((id, listener) => room.subscribeUser(id, listener), rerender);
  }, [order, room, ids]);
  useEffect(() => () => order?.unwatch(), [order]);
  return sorted;
}
