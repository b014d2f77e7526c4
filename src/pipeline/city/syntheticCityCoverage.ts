import { coverageByCommunity, sortByOneOldOneYoungGap, type CommunityCoverageRow } from '../../analysis/city/communityCoverage';
import {
  serviceCoverageRequestFromCommunity,
  computeServiceCoverageFromRequest,
} from '../../analysis/service-circles/serviceCoverageRequest';
import { createRandom } from '../../core/random';
import type { Community } from '../../core/model/types';
import type { CityCommunity, CityStatus } from '../../data/city/cityDataset';
import { generateSampleCommunity, SAMPLE_ID, SAMPLE_SEED } from '../sample/generateSampleCommunity';

/**
 * Service-circle coverage for every community of a synthetic city list. The city has no real
 * buildings, residents or facilities per community, so each listed community stands in as a seeded
 * variant of the generated sample community (its own layout, households and residents) whose public
 * facilities are thinned by the community's status: a community still at "created" has fewer of the
 * facilities the policy asks for than one already accepted. The coverage itself is the real engine's
 * (exact walks on the variant's own network, GB 50180-2018 rules), so the city view's district
 * ranking by 一老一小 gaps is computed the way a real city's would be — only the inputs are invented,
 * and the output says so.
 */

/** Share of the sample's facilities a community of each status keeps (invented, for a plausible spread). */
export const FACILITY_KEEP_SHARE: Record<CityStatus, number> = { created: 0.7, building: 0.82, accepted: 0.93 };

/** A stable 32-bit seed from a community id (FNV-1a). */
export function seedOfCommunity(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The stand-in community of one city record: the sample itself for the community that has the sample's package. */
export function standInCommunity(community: Pick<CityCommunity, 'id' | 'status' | 'package'>): Community {
  if (community.package?.replace(/\/$/, '') === SAMPLE_ID) return generateSampleCommunity(SAMPLE_SEED);
  const seed = seedOfCommunity(community.id);
  const variant = generateSampleCommunity(seed);
  const rng = createRandom((seed ^ 0x3c6ef372) >>> 0);
  const keep = FACILITY_KEEP_SHARE[community.status];
  return { ...variant, facilities: variant.facilities.filter(() => rng.chance(keep)) };
}

/** One community's coverage row: the engine run on its stand-in, every building counted for that community. */
export function coverageOfStandIn(community: Pick<CityCommunity, 'id' | 'district'>, standIn: Community): CommunityCoverageRow {
  const request = serviceCoverageRequestFromCommunity(standIn);
  const coverage = computeServiceCoverageFromRequest(request);
  const [row] = coverageByCommunity({
    communities: [community],
    buildingCommunity: new Int32Array(standIn.buildings.length),
    categories: coverage.categories,
    population: request.population ?? {},
    ...(request.countedBuildings ? { countedBuildings: request.countedBuildings } : {}),
  });
  return row!;
}

/** Every community's row, largest 一老一小 gap first. `onProgress` is told after each community. */
export function syntheticCityCoverage(
  communities: readonly CityCommunity[],
  onProgress?: (done: number, total: number) => void,
): CommunityCoverageRow[] {
  const rows = communities.map((community, i) => {
    const row = coverageOfStandIn(community, standInCommunity(community));
    onProgress?.(i + 1, communities.length);
    return row;
  });
  return sortByOneOldOneYoungGap(rows);
}
