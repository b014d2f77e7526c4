import { coverageOf, type ServiceCoverage } from '../analysis/service-circles/computeServiceCoverage';
import { lonLatBounds } from '../core/geo/bounds';
import { createLocalFrame } from '../core/geo/localFrame';
import type { Community, FacilityCategory, LonLat } from '../core/model/types';
import { FIVE_MINUTE_CIRCLE_METERS } from './coverageSection';
import type { CoverageMap, MapBuildingClass } from './reportModel';

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The report's map as data: building footprints in local metres (east, north from the south-west
 * corner of the drawn extent, core/geo/localFrame), each classed by its walk to the nearest facility
 * of `category` — within `limitMeters`, beyond it, unreachable, or not a home (not counted in the
 * shares). Default: elderly care within the 5-minute circle (GB 50180-2018 表B.0.2: 老年人日间照料中心
 * ≤300 m, the first of the 一老一小 gaps). Rounded to 0.1 m: enough for a printed page.
 */
export function coverageMap(
  community: Pick<Community, 'manifest' | 'buildings' | 'network' | 'facilities'>,
  coverage: ServiceCoverage,
  category: FacilityCategory = 'elderly-care',
  limitMeters = FIVE_MINUTE_CIRCLE_METERS,
): CoverageMap {
  const c = coverageOf(coverage, category);
  const indexOf = new Map((coverage.buildingIds ?? community.buildings.map((b) => b.id)).map((id, i) => [id, i]));
  const positions: LonLat[] = [...community.manifest.boundary.flat(), ...community.buildings.flatMap((b) => b.footprint[0])];
  const { west, south, east, north } = lonLatBounds(positions);
  const frame = createLocalFrame([west, south]);
  const local = (p: LonLat): [number, number] => {
    const [x, y] = frame.toLocal(p);
    return [round1(x), round1(y)];
  };
  const [widthMeters, heightMeters] = local([east, north]);
  const classOf = (id: string): MapBuildingClass => {
    const b = indexOf.get(id);
    if (b === undefined || !coverage.countedBuildings[b]) return 'not-home';
    if (!c) return 'unreachable';
    const d = c.walkDistanceMeters[b];
    return d <= limitMeters ? 'within' : d === Infinity ? 'unreachable' : 'beyond';
  };
  return {
    category,
    limitMeters,
    widthMeters,
    heightMeters,
    boundary: community.manifest.boundary.map((ring) => ring.map(local)),
    buildings: community.buildings.map((b) => ({ id: b.id, rings: b.footprint.map((ring) => ring.map(local)), cls: classOf(b.id) })),
    streets: community.network.map((line) => line.coordinates.map(local)),
    facilities: community.facilities.filter((f) => f.category === category).map((f) => local(f.position)),
  };
}
