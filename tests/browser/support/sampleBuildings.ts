import { readFileSync } from 'node:fs';

/** The attributes of a building of the sample community that the browser tests pick buildings by. */
export interface SampleBuilding {
  id: string;
  name?: string;
  heightMeters: number;
  floors: number;
  hasElevator: boolean;
  use: string;
  yearBuilt: number;
}

/** The sample community's buildings, as `models/sample-jinghe/buildings.geojson` lists them. */
export const sampleBuildings: readonly SampleBuilding[] = (
  JSON.parse(readFileSync('models/sample-jinghe/buildings.geojson', 'utf8')) as { features: { properties: SampleBuilding }[] }
).features.map((f) => f.properties);

/** The tallest building's roof is the one least likely to be hidden behind another from any camera. */
export const tallestBuilding: SampleBuilding = [...sampleBuildings].sort((a, b) => b.heightMeters - a.heightMeters)[0];

/** An old walk-up as in the planner story: residential, 6 floors, no elevator. */
export const walkUpBuilding: SampleBuilding = sampleBuildings.find(
  (b) => b.use === 'residential' && b.floors === 6 && !b.hasElevator && b.yearBuilt < 2000,
)!;

type LonLat = [number, number];

/** A sample building's outer ring, closed, as the package stores it. */
export function sampleFootprint(id: string): LonLat[] {
  const features = (
    JSON.parse(readFileSync('models/sample-jinghe/buildings.geojson', 'utf8')) as {
      features: { properties: { id: string }; geometry: { coordinates: LonLat[][] } }[];
    }
  ).features;
  return features.find((f) => f.properties.id === id)!.geometry.coordinates[0];
}

/**
 * Degrees ↔ metres around `origin` with WGS84's radii of curvature at its latitude (M meridional, N prime
 * vertical): the tests' own hand-computable frame, independent of the app's; at 50 m the error is far below 1 mm.
 */
export function handFrame(origin: LonLat): { local(p: LonLat): [number, number]; toLonLat(p: [number, number]): LonLat } {
  const A = 6378137;
  const E2 = 0.00669437999014;
  const lat0 = (origin[1] * Math.PI) / 180;
  const W = Math.sqrt(1 - E2 * Math.sin(lat0) ** 2);
  const metresPerDegreeLat = ((A * (1 - E2)) / W ** 3) * (Math.PI / 180);
  const metresPerDegreeLon = (A / W) * Math.cos(lat0) * (Math.PI / 180);
  return {
    local: ([lon, lat]) => [(lon - origin[0]) * metresPerDegreeLon, (lat - origin[1]) * metresPerDegreeLat],
    toLonLat: ([x, y]) => [origin[0] + x / metresPerDegreeLon, origin[1] + y / metresPerDegreeLat],
  };
}
