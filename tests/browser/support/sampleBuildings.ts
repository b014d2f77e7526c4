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
