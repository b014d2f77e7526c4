import { useEffect, useState } from 'react';
import { canSeePersonRows } from '../../data/privacy/mask';
import { isAbortError, isServiceError } from '../../data/service/residentClient';
import type { PersonRowsState } from '../../ui/components/PeopleRows';
import { useApp, useAppStore } from '../../ui/StoreContext';
import { residentClientOf } from './client';

/** One building's or one home's residents; exactly one of the two. */
export type PersonScope = { buildingId: string; houseId?: undefined } | { houseId: string; buildingId?: undefined };

const HIDDEN: PersonRowsState = { status: 'hidden' };
const LOADING: PersonRowsState = { status: 'loading' };

/**
 * The person rows of a scope from the resident-data service, when the signed-in role may see person
 * rows at all (never for the public or a static copy: nothing is requested then). A new scope, user
 * or sign-out aborts the request under way, so a slow answer for the previous selection never shows.
 */
export function usePersonRows(scope: PersonScope | null): PersonRowsState {
  const store = useAppStore();
  const role = useApp((s) => s.role);
  const online = useApp((s) => s.serviceStatus === 'online');
  const username = useApp((s) => s.session?.user.username ?? null);
  const communityId = useApp((s) => s.community?.manifest.id ?? null);
  const buildingId = scope?.buildingId;
  const houseId = scope?.houseId;
  // What is asked for, as one value: the answer is shown only while it still matches.
  const key =
    online && username && communityId && scope && canSeePersonRows(role)
      ? JSON.stringify([communityId, username, buildingId, houseId])
      : null;
  const [answer, setAnswer] = useState<{ key: string; state: PersonRowsState } | null>(null);

  useEffect(() => {
    if (!key || !communityId) return;
    const controller = new AbortController();
    residentClientOf(store)
      .people(communityId, { buildingId, houseId }, controller.signal)
      .then(
        (people) => setAnswer({ key, state: { status: 'loaded', rows: people.rows, total: people.total, masked: people.masked } }),
        (error: unknown) => {
          if (isAbortError(error) || controller.signal.aborted) return;
          const state: PersonRowsState =
            isServiceError(error) && error.code === 'forbidden'
              ? { status: 'forbidden' }
              : { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
          setAnswer({ key, state });
        },
      );
    return () => controller.abort();
  }, [store, key, communityId, buildingId, houseId]);

  if (!key) return HIDDEN;
  return answer?.key === key ? answer.state : LOADING;
}
