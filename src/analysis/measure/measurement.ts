import {
  ellipsoidAreaM2,
  geodesicDistanceM,
  groundDistanceM,
  pathLength3dM,
  polylineLengthM,
  slantDistanceM,
  surfaceAreaM2,
  type LonLatHeight,
} from '../../core/geo/measure';
import type { SnapKind } from '../../core/geo/snap';

/** The planner's measuring tools. */
export const MEASURE_TOOLS = ['distance', 'path', 'area', 'height'] as const;
export type MeasureTool = (typeof MEASURE_TOOLS)[number];

/** How many points each tool takes: a distance ends at its second point, a height at its first; paths and areas end when finished. */
export const MEASURE_POINTS: Record<MeasureTool, { min: number; max: number }> = {
  distance: { min: 2, max: 2 },
  path: { min: 2, max: Infinity },
  area: { min: 3, max: Infinity },
  height: { min: 1, max: 1 },
};

/** A picked (and possibly snapped) point of a measurement. */
export interface MeasurePoint {
  position: LonLatHeight;
  /** Ground height under the point, metres (ellipsoidal). */
  groundHeightMeters: number;
  /** The community building picked or snapped to (null: the ground). */
  buildingId: string | null;
  snap: SnapKind;
}

export type MeasureFigures =
  | {
      tool: 'distance';
      /** Geodesic on the ellipsoid: the map distance. */
      horizontalMeters: number;
      /** The straight line in space between the two points. */
      slantMeters: number;
      /** Along the ground between the points' footprints (terrain followed). */
      groundMeters: number;
      /** Second point's height minus the first's. */
      heightDifferenceMeters: number;
    }
  | { tool: 'path'; horizontalMeters: number; slantMeters: number; groundMeters: number }
  | {
      tool: 'area';
      /** Horizontal area on the ellipsoid (geodesic edges). */
      horizontalSquareMeters: number;
      /** The ground surface inside the outline (terrain followed). */
      terrainSquareMeters: number;
      perimeterMeters: number;
    }
  | {
      tool: 'height';
      /** The picked point above the ground under it. */
      aboveGroundMeters: number;
      /** The picked building's roof above the ground, from its data (null: not on a building). */
      roofHeightMeters: number | null;
      buildingId: string | null;
    };

export interface Measurement {
  id: number;
  tool: MeasureTool;
  points: readonly MeasurePoint[];
  figures: MeasureFigures;
}

/** Samples of the ground are taken this far apart along a line and as the largest triangle edge inside an area. */
const GROUND_STEP_METERS = 5;
const AREA_EDGE_METERS = 10;

/**
 * The figures of a measurement from its points. `groundHeight` gives the terrain height (m) at a
 * longitude/latitude (0 everywhere on the ellipsoid); `roofHeightOf` a building's height from its data.
 * Throws when the tool has too few points.
 */
export function measureFigures(
  tool: MeasureTool,
  points: readonly MeasurePoint[],
  groundHeight: (lon: number, lat: number) => number,
  roofHeightOf: (buildingId: string) => number | undefined = () => undefined,
): MeasureFigures {
  if (points.length < MEASURE_POINTS[tool].min)
    throw new RangeError(`${tool} needs ${MEASURE_POINTS[tool].min} points, got ${points.length}`);
  const positions = points.map((p) => p.position);
  const alongGround = () => {
    let total = 0;
    for (let i = 1; i < positions.length; i++)
      total += groundDistanceM(lonLat(positions[i - 1]), lonLat(positions[i]), groundHeight, GROUND_STEP_METERS);
    return total;
  };
  switch (tool) {
    case 'distance':
      return {
        tool,
        horizontalMeters: geodesicDistanceM(positions[0], positions[1]),
        slantMeters: slantDistanceM(positions[0], positions[1]),
        groundMeters: alongGround(),
        heightDifferenceMeters: positions[1][2] - positions[0][2],
      };
    case 'path':
      return { tool, horizontalMeters: polylineLengthM(positions), slantMeters: pathLength3dM(positions), groundMeters: alongGround() };
    case 'area':
      return {
        tool,
        horizontalSquareMeters: ellipsoidAreaM2(positions),
        terrainSquareMeters: surfaceAreaM2(positions, groundHeight, AREA_EDGE_METERS),
        perimeterMeters: polylineLengthM([...positions, positions[0]]),
      };
    case 'height': {
      const [point] = points;
      const roof = point.buildingId ? roofHeightOf(point.buildingId) : undefined;
      return {
        tool,
        aboveGroundMeters: point.position[2] - point.groundHeightMeters,
        // Buildings stand on the ellipsoid in the community package (their height is the roof's above the ground).
        roofHeightMeters: roof ?? null,
        buildingId: point.buildingId,
      };
    }
  }
}

/** Horizontal figures of an unfinished measurement (no terrain sampling): what the panel shows while points are added. */
export function draftFigures(
  tool: MeasureTool,
  points: readonly MeasurePoint[],
): { lengthMeters: number; areaSquareMeters: number | null } {
  const positions = points.map((p) => p.position);
  return {
    lengthMeters: polylineLengthM(tool === 'area' && positions.length > 2 ? [...positions, positions[0]] : positions),
    areaSquareMeters: tool === 'area' && positions.length > 2 ? ellipsoidAreaM2(positions) : null,
  };
}

const lonLat = (p: LonLatHeight): [number, number] => [p[0], p[1]];
