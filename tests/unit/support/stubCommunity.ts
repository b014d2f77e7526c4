import type { Community } from '../../../src/core/model/types';

/**
 * A community with every layer empty and only the parts a test names, for tests of stores and
 * bindings that never read the layers they do not set.
 */
export function stubCommunity(id: string, parts: Partial<Omit<Community, 'manifest'>> = {}): Community {
  return {
    manifest: { id } as Community['manifest'],
    buildings: [],
    houses: [],
    rights: [],
    people: [],
    facilities: [],
    network: [],
    reuse: [],
    grids: [],
    base: [],
    context: [],
    ...parts,
  } as Community;
}

/** Buildings that carry only their ids. */
export const buildingsWithIds = (ids: readonly string[]): Community['buildings'] => ids.map((id) => ({ id })) as Community['buildings'];
