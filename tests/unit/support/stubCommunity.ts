import type { Building, Community } from '../../../src/core/model/types';

/**
 * A community with every layer empty and only the parts a test names, for tests of stores,
 * bindings and analyses that never read the layers they do not set.
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

/**
 * A complete building record: a 6-floor, 18 m brick-concrete walk-up of 1988 without an elevator,
 * 3000 m², in use, on a one-degree triangle at (0, 0); a test overrides what it is about.
 */
export const stubBuilding = (id: string, over: Partial<Building> = {}): Building => ({
  id,
  footprint: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
  floors: 6,
  heightMeters: 18,
  use: 'residential',
  yearBuilt: 1988,
  structure: 'brick-concrete',
  hasElevator: false,
  propertyManagement: 'government-backstop',
  idleStatus: 'in-use',
  grossFloorAreaM2: 3000,
  ...over,
});
