import type { LonLat } from '../../core/model/types';
import { walksNearPoint, type NearbyNetwork } from './nearbyWalks';

export { nearbyNetwork as nearbyGainNetwork, type NearbyNetwork as NearbyGainNetwork } from './nearbyWalks';

/**
 * A candidate's gain for one category in time that does not grow with the city: only buildings within
 * the rule's distance of the candidate can become covered, so the walks near it within that distance
 * (nearbyWalks.ts) are compared with the base walks (from the city's sweep,
 * service-circles/sweepCoverage.ts, or any coverage). evaluateReuseOption gives the same counts with
 * bands, homes and capacity (tests/unit/analysis/reuse/nearbyGain.test.ts).
 */
export interface NearbyGainInput {
  /** Per building: metres to the category's nearest facility today (Infinity when none). */
  baseWalkMeters: Float64Array;
  thresholdMeters: number;
  /** Residents of the category's target group per building, when known. */
  targetPopulation?: Float64Array;
  /** 1 = the building counts in building shares (homes); default all. */
  countedBuildings?: Uint8Array;
}

export interface NearbyGain {
  attached: boolean;
  buildingsNewlyWithinThreshold: number;
  targetPopulationNewlyWithinThreshold: number | null;
  relaxations: number;
}

export function nearbyGain(network: NearbyNetwork, position: LonLat, input: NearbyGainInput): NearbyGain {
  const threshold = input.thresholdMeters;
  const near = walksNearPoint(network, position, threshold);
  let newBuildings = 0;
  let newPeople = 0;
  for (let i = 0; i < near.buildings.length; i++) {
    const b = near.buildings[i];
    if (input.baseWalkMeters[b] <= threshold) continue;
    if (!input.countedBuildings || input.countedBuildings[b]) newBuildings++;
    if (input.targetPopulation) newPeople += input.targetPopulation[b];
  }
  return {
    attached: near.attached.edge[0] >= 0,
    buildingsNewlyWithinThreshold: newBuildings,
    targetPopulationNewlyWithinThreshold: input.targetPopulation ? newPeople : null,
    relaxations: near.relaxations,
  };
}
