import { because, issueMessage, toReason, type IssueCode, type IssueMessage, type IssueParams, type Reason } from '../../core/errors';
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

/**
 * Thrown inside a reader to skip the current feature; readers catch it per feature. It is control
 * flow, not a bug, so it carries no stack trace: capturing one cost ~10 µs a record, which made a
 * file of 300,000 null shapes take over 5 s.
 */
export class SkipFeature extends Error {
  /** The reason as a message for the UI (the English is `message`, as on any Error). */
  readonly issueMessage?: IssueMessage;
  readonly code: SkipCode;
  /** The attribute at fault, when it is one (a CSV coordinate column). */
  readonly field?: string;

  constructor(code: SkipCode, reason: string | Reason, field?: string) {
    const { reason: text, message } = toReason(reason);
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(text);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'SkipFeature';
    this.code = code;
    if (field !== undefined) this.field = field;
    if (message) this.issueMessage = message;
  }
}

/** Collects the repair notes of one feature (e.g. "ring 0 was not closed; closed it"). */
export type RepairLog = Reason[];

/**
 * A place inside a feature's geometry ("polygon 2, ring 0, position 3"): the English text used in
 * reasons, and the same as a message ("多边形 2 的环 0 的位置 3").
 */
export interface Where {
  text: string;
  message: IssueMessage;
}

const place = (text: string, code: IssueCode, params?: IssueParams): Where => ({ text, message: issueMessage(code, params) });

/** The places readers name. */
export const at = {
  point: (): Where => place('point', 'issue.where.point'),
  multipoint: (): Where => place('multipoint', 'issue.where.multipoint'),
  line: (n?: number): Where => (n === undefined ? place('line', 'issue.where.line') : place(`line ${n}`, 'issue.where.lineN', { n })),
  polygon: (n: number): Where => place(`polygon ${n}`, 'issue.where.polygonN', { n }),
  ring: (n: number): Where => place(`ring ${n}`, 'issue.where.ringN', { n }),
  position: (n: number): Where => place(`position ${n}`, 'issue.where.positionN', { n }),
  /** A shapefile part and its points. */
  part: (n: number): Where => place(`part ${n}`, 'issue.where.partN', { n }),
  pointN: (n: number): Where => place(`point ${n}`, 'issue.where.pointN', { n }),
  column: (column: string): Where => place(`column "${column}"`, 'issue.where.column', { column }),
  columns: (x: string, y: string): Where => place(`columns "${x}", "${y}"`, 'issue.where.columns', { x, y }),
};

/** `inner` inside `outer`: "polygon 2, ring 0" / "多边形 2 的环 0". */
export function within(outer: Where, inner: Where): Where {
  return {
    text: `${outer.text}, ${inner.text}`,
    message: issueMessage('issue.where.within', { outer: outer.message, inner: inner.message }),
  };
}

const isLonLatInRange = ([lon, lat]: LonLat) => Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
const fmt = (v: number) => (Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : String(v));

/** Projects a numeric (x, y), skipping the feature on NaN/Infinity input or an impossible result. */
export function projectXY(x: number, y: number, project: Project, where: Where): LonLat {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    throw new SkipFeature(
      'bad-coordinate',
      because(`${where.text}: coordinate is not a finite number (${fmt(x)}, ${fmt(y)})`, 'issue.geometry.notFinite', {
        where: where.message,
        x: fmt(x),
        y: fmt(y),
      }),
    );
  }
  const lonLat = project(x, y);
  if (!isLonLatInRange(lonLat)) {
    throw new SkipFeature(
      'out-of-range',
      because(
        `${where.text}: (${fmt(x)}, ${fmt(y)}) is outside longitude ±180 / latitude ±90 after conversion (got ${fmt(lonLat[0])}, ${fmt(lonLat[1])})`,
        'issue.geometry.outOfRange',
        { where: where.message, x: fmt(x), y: fmt(y), lon: fmt(lonLat[0]), lat: fmt(lonLat[1]) },
      ),
    );
  }
  return lonLat;
}

/** A JSON position: an array of at least two numbers (any further ordinates are ignored). */
export function readPosition(value: unknown, project: Project, where: Where): LonLat {
  if (!Array.isArray(value) || value.length < 2) {
    throw new SkipFeature(
      'bad-coordinate',
      because(`${where.text}: a position must be [x, y]`, 'issue.geometry.notPosition', { where: where.message }),
    );
  }
  const [x, y] = value as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number') {
    // JSON has no NaN: writers turn NaN into null, and some write numbers as strings.
    const [xText, yText] = [JSON.stringify(x), JSON.stringify(y)];
    throw new SkipFeature(
      'bad-coordinate',
      because(`${where.text}: coordinate is not a number (${xText}, ${yText})`, 'issue.geometry.notNumber', {
        where: where.message,
        x: String(xText),
        y: String(yText),
      }),
    );
  }
  return projectXY(x, y, project, where);
}

function readPositions(value: unknown, project: Project, where: Where): LonLat[] {
  if (!Array.isArray(value)) {
    throw new SkipFeature(
      'bad-coordinate',
      because(`${where.text}: expected a list of positions`, 'issue.geometry.notPositionList', { where: where.message }),
    );
  }
  return value.map((p, i) => readPosition(p, project, within(where, at.position(i))));
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
export function finishRing(positions: LonLat[], where: Where, repairs: RepairLog): Ring {
  const ring = dropRepeats(positions);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
    ring.push([first[0], first[1]]);
    repairs.push(because(`${where.text} was not closed; closed it`, 'issue.repair.ringClosed', { where: where.message }));
  }
  if (ring.length < 4) {
    const count = Math.max(ring.length - 1, 0);
    throw new SkipFeature(
      'too-few-positions',
      because(`${where.text}: a ring needs at least 3 distinct positions, got ${count}`, 'issue.geometry.ringTooFew', {
        where: where.message,
        count,
      }),
    );
  }
  const check = checkRingSimple(ring);
  if (check.kind === 'crossing') {
    const [x, y] = [fmt(check.at[0]), fmt(check.at[1])];
    const [a, b] = check.segments;
    throw new SkipFeature(
      'self-intersection',
      because(`${where.text} intersects itself near (${x}, ${y}) (segments ${a} and ${b})`, 'issue.geometry.selfIntersection', {
        where: where.message,
        x,
        y,
        a,
        b,
      }),
    );
  }
  if (check.kind === 'unchecked') {
    repairs.push(
      because(`${where.text}: self-intersection not checked (${check.reason})`, 'issue.repair.selfIntersectionUnchecked', {
        where: where.message,
        why: check.message ?? check.reason,
      }),
    );
  }
  return ring;
}

/**
 * Finishes the rings of one polygon and orients them: exterior counter-clockwise, holes clockwise.
 * `where` is the polygon's place in a multipolygon ("polygon 2"), or null for a lone polygon.
 */
export function finishPolygon(rings: LonLat[][], where: Where | null, repairs: RepairLog): PolygonCoords {
  if (rings.length === 0) {
    throw new SkipFeature(
      'no-geometry',
      where
        ? because(`${where.text}, a polygon needs at least one ring`, 'issue.geometry.polygonNoRingAt', { where: where.message })
        : because('a polygon needs at least one ring', 'issue.geometry.polygonNoRing'),
    );
  }
  return rings.map((positions, r) => {
    const ring = finishRing(positions, where ? within(where, at.ring(r)) : at.ring(r), repairs);
    const wantCounterClockwise = r === 0;
    return isCounterClockwise(ring) === wantCounterClockwise ? ring : ring.slice().reverse();
  });
}

export function finishLine(positions: LonLat[], where: Where): LonLat[] {
  const line = dropRepeats(positions);
  if (line.length < 2) {
    throw new SkipFeature(
      'too-few-positions',
      because(`${where.text}: a line needs at least 2 distinct positions`, 'issue.geometry.lineTooFew', { where: where.message }),
    );
  }
  return line;
}

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'];

/** Validates a GeoJSON geometry object (any CRS) and converts it to WGS84. */
export function readGeoJsonGeometry(geometry: unknown, project: Project, repairs: RepairLog): ImportedGeometry {
  if (geometry === null || geometry === undefined) throw new SkipFeature('no-geometry', because('no geometry', 'issue.geometry.none'));
  if (typeof geometry !== 'object' || Array.isArray(geometry)) {
    throw new SkipFeature('unsupported-geometry', because('geometry is not an object', 'issue.geometry.notObject'));
  }
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'GeometryCollection') {
    throw new SkipFeature(
      'unsupported-geometry',
      because('GeometryCollection is not supported; split it into features', 'issue.geometry.collection'),
    );
  }
  if (typeof type !== 'string' || !GEOMETRY_TYPES.includes(type)) {
    const typeText = String(JSON.stringify(type));
    throw new SkipFeature(
      'unsupported-geometry',
      because(`unknown geometry type ${typeText}`, 'issue.geometry.unknownType', { type: typeText }),
    );
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    throw new SkipFeature('no-geometry', because(`${type} with empty coordinates`, 'issue.geometry.emptyCoordinates', { type }));
  }
  const list = (value: unknown, where: Where): unknown[] => {
    if (!Array.isArray(value))
      throw new SkipFeature(
        'bad-coordinate',
        because(`${where.text}: expected a list`, 'issue.geometry.notList', { where: where.message }),
      );
    return value;
  };
  switch (type) {
    case 'Point':
      return { type, coordinates: readPosition(coordinates, project, at.point()) };
    case 'MultiPoint':
      return { type, coordinates: readPositions(coordinates, project, at.multipoint()) };
    case 'LineString':
      return { type, coordinates: finishLine(readPositions(coordinates, project, at.line()), at.line()) };
    case 'MultiLineString':
      return {
        type,
        coordinates: coordinates.map((line, i) => finishLine(readPositions(line, project, at.line(i)), at.line(i))),
      };
    case 'Polygon':
      return { type, coordinates: readPolygon(coordinates, project, null, repairs) };
    default:
      return {
        type: 'MultiPolygon',
        coordinates: coordinates.map((polygon, p) => readPolygon(list(polygon, at.polygon(p)), project, at.polygon(p), repairs)),
      };
  }
}

function readPolygon(rings: unknown[], project: Project, where: Where | null, repairs: RepairLog): PolygonCoords {
  const positions = rings.map((ring, r) => readPositions(ring, project, where ? within(where, at.ring(r)) : at.ring(r)));
  return finishPolygon(positions, where, repairs);
}
