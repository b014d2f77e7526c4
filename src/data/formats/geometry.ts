import type { LonLat, PolygonCoords, Ring } from '../../core/model/types';
import type { ImportedGeometry, SkipCode } from './importResult';
import { checkRingSimple } from './selfIntersection';

/**
 * Geometry validation and conversion shared by the format readers: raw coordinates in the source
 * CRS in, WGS84 GeoJSON-like geometry out, or a `SkipFeature` saying why the feature is unusable.
 * Repairs that cannot change meaning are made and noted: rings are closed, consecutive duplicate
 * positions dropped, and rings rewound to RFC 7946 order (exterior counter-clockwise).
 */

/** Converts one (x, y) of the source CRS to WGS84 [lon, lat]; see `createToWgs84`. */
export type Project = (x: number, y: number) => LonLat;

/** Thrown inside a reader to skip the current feature; readers catch it per feature. */
export class SkipFeature extends Error {
  constructor(
    readonly code: SkipCode,
    reason: string,
    /** The attribute at fault, when it is one (a CSV coordinate column). */
    readonly field?: string,
  ) {
    super(reason);
    this.name = 'SkipFeature';
  }
}

/** Collects the repair notes of one feature (e.g. "ring 0 closed"). */
export type RepairLog = string[];

const isLonLatInRange = ([lon, lat]: LonLat) => Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
const fmt = (v: number) => (Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : String(v));

/** Projects a numeric (x, y), skipping the feature on NaN/Infinity input or an impossible result. */
export function projectXY(x: number, y: number, project: Project, where: string): LonLat {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    throw new SkipFeature('bad-coordinate', `${where}: coordinate is not a finite number (${fmt(x)}, ${fmt(y)})`);
  }
  const lonLat = project(x, y);
  if (!isLonLatInRange(lonLat)) {
    throw new SkipFeature(
      'out-of-range',
      `${where}: (${fmt(x)}, ${fmt(y)}) is outside longitude ±180 / latitude ±90 after conversion (got ${fmt(lonLat[0])}, ${fmt(lonLat[1])})`,
    );
  }
  return lonLat;
}

/** A JSON position: an array of at least two numbers (any further ordinates are ignored). */
export function readPosition(value: unknown, project: Project, where: string): LonLat {
  if (!Array.isArray(value) || value.length < 2) throw new SkipFeature('bad-coordinate', `${where}: a position must be [x, y]`);
  const [x, y] = value as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number') {
    // JSON has no NaN: writers turn NaN into null, and some write numbers as strings.
    throw new SkipFeature('bad-coordinate', `${where}: coordinate is not a number (${JSON.stringify(x)}, ${JSON.stringify(y)})`);
  }
  return projectXY(x, y, project, where);
}

function readPositions(value: unknown, project: Project, where: string): LonLat[] {
  if (!Array.isArray(value)) throw new SkipFeature('bad-coordinate', `${where}: expected a list of positions`);
  return value.map((p, i) => readPosition(p, project, `${where}, position ${i}`));
}

function dropRepeats(positions: LonLat[]): LonLat[] {
  return positions.filter((p, i) => i === 0 || p[0] !== positions[i - 1][0] || p[1] !== positions[i - 1][1]);
}

/** Twice the signed area in degrees² (only the sign is used): positive = counter-clockwise. */
function signedArea2(ring: readonly LonLat[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return sum;
}

export function isCounterClockwise(ring: readonly LonLat[]): boolean {
  return signedArea2(ring) > 0;
}

/** Closes, de-duplicates and checks one ring (positions already in WGS84). */
export function finishRing(positions: LonLat[], where: string, repairs: RepairLog): Ring {
  const ring = dropRepeats(positions);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
    ring.push([first[0], first[1]]);
    repairs.push(`${where} was not closed; closed it`);
  }
  if (ring.length < 4) {
    throw new SkipFeature('too-few-positions', `${where}: a ring needs at least 3 distinct positions, got ${Math.max(ring.length - 1, 0)}`);
  }
  const check = checkRingSimple(ring);
  if (check.kind === 'crossing') {
    throw new SkipFeature(
      'self-intersection',
      `${where} intersects itself near (${fmt(check.at[0])}, ${fmt(check.at[1])}) (segments ${check.segments[0]} and ${check.segments[1]})`,
    );
  }
  if (check.kind === 'unchecked') repairs.push(`${where}: self-intersection not checked (${check.reason})`);
  return ring;
}

/**
 * Finishes the rings of one polygon and orients them: exterior counter-clockwise, holes clockwise.
 * `where` prefixes locations, e.g. "polygon 2, " (or "" for a lone polygon).
 */
export function finishPolygon(rings: LonLat[][], where: string, repairs: RepairLog): PolygonCoords {
  if (rings.length === 0) throw new SkipFeature('no-geometry', `${where}a polygon needs at least one ring`);
  return rings.map((positions, r) => {
    const ring = finishRing(positions, `${where}ring ${r}`, repairs);
    const wantCounterClockwise = r === 0;
    return isCounterClockwise(ring) === wantCounterClockwise ? ring : ring.slice().reverse();
  });
}

export function finishLine(positions: LonLat[], where: string): LonLat[] {
  const line = dropRepeats(positions);
  if (line.length < 2) throw new SkipFeature('too-few-positions', `${where}: a line needs at least 2 distinct positions`);
  return line;
}

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'];

/** Validates a GeoJSON geometry object (any CRS) and converts it to WGS84. */
export function readGeoJsonGeometry(geometry: unknown, project: Project, repairs: RepairLog): ImportedGeometry {
  if (geometry === null || geometry === undefined) throw new SkipFeature('no-geometry', 'no geometry');
  if (typeof geometry !== 'object' || Array.isArray(geometry)) throw new SkipFeature('unsupported-geometry', 'geometry is not an object');
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'GeometryCollection') throw new SkipFeature('unsupported-geometry', 'GeometryCollection is not supported; split it into features');
  if (typeof type !== 'string' || !GEOMETRY_TYPES.includes(type)) {
    throw new SkipFeature('unsupported-geometry', `unknown geometry type ${JSON.stringify(type)}`);
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) throw new SkipFeature('no-geometry', `${type} with empty coordinates`);
  const list = (value: unknown, where: string): unknown[] => {
    if (!Array.isArray(value)) throw new SkipFeature('bad-coordinate', `${where}: expected a list`);
    return value;
  };
  switch (type) {
    case 'Point':
      return { type, coordinates: readPosition(coordinates, project, 'point') };
    case 'MultiPoint':
      return { type, coordinates: readPositions(coordinates, project, 'multipoint') };
    case 'LineString':
      return { type, coordinates: finishLine(readPositions(coordinates, project, 'line'), 'line') };
    case 'MultiLineString':
      return {
        type,
        coordinates: coordinates.map((line, i) => finishLine(readPositions(line, project, `line ${i}`), `line ${i}`)),
      };
    case 'Polygon':
      return { type, coordinates: readPolygon(coordinates, project, '', repairs) };
    default:
      return {
        type: 'MultiPolygon',
        coordinates: coordinates.map((polygon, p) => readPolygon(list(polygon, `polygon ${p}`), project, `polygon ${p}, `, repairs)),
      };
  }
}

function readPolygon(rings: unknown[], project: Project, prefix: string, repairs: RepairLog): PolygonCoords {
  const positions = rings.map((ring, r) => readPositions(ring, project, `${prefix}ring ${r}`));
  return finishPolygon(positions, prefix, repairs);
}
