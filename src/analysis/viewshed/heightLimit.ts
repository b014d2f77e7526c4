import type { Building } from '../../core/model/types';

/**
 * Buildings above a height limit (限高, e.g. a control plan's limit or an airport or heritage corridor's),
 * tallest excess first. Heights are the buildings' own (ground to roof), as the scene extrudes them.
 */
export interface OverLimit {
  id: string;
  heightMeters: number;
  /** How far the roof rises above the limit, metres (> 0). */
  excessMeters: number;
}

export function buildingsOverLimit(buildings: readonly Pick<Building, 'id' | 'heightMeters'>[], limitMeters: number): OverLimit[] {
  return buildings
    .filter((b) => b.heightMeters > limitMeters)
    .map((b) => ({ id: b.id, heightMeters: b.heightMeters, excessMeters: b.heightMeters - limitMeters }))
    .sort((a, b) => b.excessMeters - a.excessMeters || a.id.localeCompare(b.id));
}
