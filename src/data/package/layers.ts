import Papa from 'papaparse';
import { because, englishDetail, issueMessage, type DataIssue } from '../../core/errors';
import {
  AGE_BANDS,
  BASE_KINDS,
  BUILDING_USES,
  CAPACITY_UNITS,
  FACILITY_CATEGORIES,
  HOUSE_USES,
  IDLE_STATUSES,
  NETWORK_KINDS,
  OCCUPANCIES,
  OWNER_TYPES,
  PERSON_TAGS,
  PROPERTY_MANAGEMENT,
  REUSE_KINDS,
  RIGHT_TYPES,
  SEXES,
  STRUCTURES,
  type BaseSurface,
  type Building,
  type ContextBuilding,
  type Facility,
  type GridCell,
  type House,
  type NetworkLine,
  type Person,
  type PersonTag,
  type ReuseSpace,
  type Right,
} from '../../core/model/types';
import { parseFeatureCollection } from './featureCollection';
import { FieldReader } from './fieldReader';
import { isLonLat, lineStringProblem, polygonProblem, toLonLats, toPolygonCoords } from './geometry';

type GeometryType = 'Polygon' | 'Point' | 'LineString';

interface FeatureInput {
  reader: FieldReader;
  geometry: { type: string; coordinates: unknown };
  index: number;
}

/**
 * Parses a GeoJSON FeatureCollection and hands each feature of the expected geometry type to `read`.
 * Structural problems (not JSON, not a FeatureCollection, wrong geometry) are recorded as issues with
 * the feature index and id, like field problems.
 */
function readFeatures<T>(
  text: string,
  file: string,
  geometryType: GeometryType,
  issues: DataIssue[],
  read: (input: FeatureInput) => T,
  /** Accept numbers and booleans written as text (OSM tags are all strings). */
  fromText = false,
): T[] {
  const features = parseFeatureCollection(text, file, issues);
  if (!features) return [];
  const out: T[] = [];
  features.forEach((feature: unknown, index: number) => {
    const f = feature as { properties?: unknown; geometry?: { type?: unknown; coordinates?: unknown } };
    const properties = (typeof f?.properties === 'object' && f.properties !== null ? f.properties : {}) as Record<string, unknown>;
    const id = typeof properties.id === 'string' ? properties.id : undefined;
    const location = { file, feature: index, ...(id ? { id } : {}) };
    const reader = new FieldReader(properties, location, issues, fromText);
    const geometry = f?.geometry;
    if (!geometry || geometry.type !== geometryType) {
      const got = geometry?.type;
      reader.fail(
        'geometry',
        because(`must be a ${geometryType}, got ${got ?? 'none'}`, 'issue.package.wrongGeometry', {
          expected: geometryType,
          got: typeof got === 'string' ? got : got === undefined ? issueMessage('issue.value.none') : String(got),
        }),
      );
      return;
    }
    const problem =
      geometryType === 'Polygon'
        ? polygonProblem(geometry.coordinates)
        : geometryType === 'LineString'
          ? lineStringProblem(geometry.coordinates)
          : isLonLat(geometry.coordinates)
            ? null
            : because('must be [longitude, latitude] in degrees', 'issue.field.mustBeLonLat');
    if (problem) {
      reader.fail('geometry', problem);
      return;
    }
    const value = read({ reader, geometry: geometry as FeatureInput['geometry'], index });
    if (reader.ok) out.push(value);
  });
  return out;
}

/** Parses a CSV file with a header row; rows are numbered as a spreadsheet shows them (header = 1). */
function readRows<T>(
  text: string,
  file: string,
  requiredColumns: readonly string[],
  issues: DataIssue[],
  read: (reader: FieldReader, row: Record<string, string>) => T,
): T[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const columns = parsed.meta.fields ?? [];
  const missing = requiredColumns.filter((c) => !columns.includes(c));
  if (missing.length) {
    issues.push({ file, row: 1, ...because(`missing column(s): ${missing.join(', ')}`, 'issue.csv.missingColumns', { columns: missing }) });
    return [];
  }
  for (const error of parsed.errors.slice(0, 20)) {
    const detail = ` (${error.message})`;
    issues.push({
      file,
      row: (error.row ?? 0) + 2,
      ...because(`unreadable CSV row${detail}`, 'issue.csv.unreadableRow', { detail: englishDetail(detail) }),
    });
  }
  const out: T[] = [];
  parsed.data.forEach((row, index) => {
    const id = row.id || undefined;
    const reader = new FieldReader(row, { file, row: index + 2, ...(id ? { id } : {}) }, issues, true);
    const value = read(reader, row);
    if (reader.ok) out.push(value);
  });
  return out;
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

export function parseBuildings(text: string, file: string, issues: DataIssue[]): Building[] {
  return readFeatures(text, file, 'Polygon', issues, ({ reader: f, geometry }) => ({
    id: f.string('id'),
    ...optional('name', f.optionalString('name')),
    footprint: toPolygonCoords(geometry.coordinates),
    floors: f.integer('floors', { min: 1, max: 200 }),
    heightMeters: f.number('heightMeters', { above: 0, max: 1000 }),
    use: f.oneOf('use', BUILDING_USES),
    yearBuilt: f.integer('yearBuilt', { min: 1800, max: 2100 }),
    structure: f.oneOf('structure', STRUCTURES),
    hasElevator: f.boolean('hasElevator'),
    propertyManagement: f.oneOf('propertyManagement', PROPERTY_MANAGEMENT),
    idleStatus: f.oneOf('idleStatus', IDLE_STATUSES),
    grossFloorAreaM2: f.number('grossFloorAreaM2', { min: 0 }),
    ...optional('entrances', f.optionalInteger('entrances', { min: 1 })),
    ...optional('cimLevel', f.optionalInteger('cimLevel', { min: 1, max: 7 })),
  }));
}

export function parseHouses(text: string, file: string, issues: DataIssue[]): House[] {
  const columns = ['id', 'buildingId', 'entrance', 'floor', 'room', 'areaM2', 'use', 'occupancy'] as const;
  return readRows(text, file, columns, issues, (f) => ({
    id: f.string('id'),
    buildingId: f.string('buildingId'),
    entrance: f.integer('entrance', { min: 1 }),
    floor: f.integer('floor', { min: -5, max: 200 }),
    room: f.string('room'),
    areaM2: f.number('areaM2', { above: 0 }),
    use: f.oneOf('use', HOUSE_USES),
    occupancy: f.oneOf('occupancy', OCCUPANCIES),
  }));
}

export function parseRights(text: string, file: string, issues: DataIssue[]): Right[] {
  return readRows(text, file, ['id', 'houseId', 'rightType', 'holderRef', 'share'], issues, (f) => ({
    id: f.string('id'),
    houseId: f.string('houseId'),
    rightType: f.oneOf('rightType', RIGHT_TYPES),
    holderRef: f.string('holderRef'),
    share: f.number('share', { above: 0, max: 1 }),
  }));
}

export function parsePeople(text: string, file: string, issues: DataIssue[]): Person[] {
  return readRows(text, file, ['id', 'houseId', 'ageBand', 'sex', 'tags'], issues, (f, row) => {
    const tags = (row.tags ?? '').split('|').filter(Boolean);
    const unknown = tags.filter((t) => !(PERSON_TAGS as readonly string[]).includes(t));
    if (unknown.length) {
      f.fail(
        'tags',
        because(`unknown tag(s) ${unknown.join(', ')} (allowed: ${PERSON_TAGS.join(', ')})`, 'issue.package.unknownTags', {
          tags: unknown,
          allowed: PERSON_TAGS,
        }),
      );
    }
    return {
      id: f.string('id'),
      houseId: f.string('houseId'),
      ageBand: f.oneOf('ageBand', AGE_BANDS),
      sex: f.oneOf('sex', SEXES),
      tags: tags as PersonTag[],
      ...optional('name', f.optionalString('name')),
      ...optional('phone', f.optionalString('phone')),
      ...optional('idNumber', f.optionalString('idNumber')),
    };
  });
}

export function parseFacilities(text: string, file: string, issues: DataIssue[]): Facility[] {
  return readFeatures(text, file, 'Point', issues, ({ reader: f, geometry }) => {
    const coordinates = geometry.coordinates as number[];
    return {
      id: f.string('id'),
      category: f.oneOf('category', FACILITY_CATEGORIES),
      name: f.string('name'),
      position: [coordinates[0], coordinates[1]],
      ...optional('floorAreaM2', f.optionalNumber('floorAreaM2', { min: 0 })),
      ...optional('capacity', f.optionalNumber('capacity', { min: 0 })),
      ...optional('capacityUnit', f.optionalOneOf('capacityUnit', CAPACITY_UNITS)),
      ...optional('chargers', f.optionalInteger('chargers', { min: 0 })),
      ...optional('buildingId', f.optionalString('buildingId')),
    };
  });
}

export function parseNetwork(text: string, file: string, issues: DataIssue[]): NetworkLine[] {
  return readFeatures(text, file, 'LineString', issues, ({ reader: f, geometry }) => ({
    id: f.string('id'),
    kind: f.oneOf('kind', NETWORK_KINDS),
    ...optional('name', f.optionalString('name')),
    coordinates: toLonLats(geometry.coordinates),
  }));
}

export function parseReuseSpaces(text: string, file: string, issues: DataIssue[]): ReuseSpace[] {
  return readFeatures(text, file, 'Polygon', issues, ({ reader: f, geometry }) => ({
    id: f.string('id'),
    kind: f.oneOf('kind', REUSE_KINDS),
    ...optional('name', f.optionalString('name')),
    footprint: toPolygonCoords(geometry.coordinates),
    areaM2: f.number('areaM2', { above: 0 }),
    ownerType: f.oneOf('ownerType', OWNER_TYPES),
    ...optional('buildingId', f.optionalString('buildingId')),
    ...optional('floors', f.optionalInteger('floors', { min: 1 })),
    ...optional('groundFloorAccess', f.optionalBoolean('groundFloorAccess')),
    ...optional('currentUse', f.optionalString('currentUse')),
  }));
}

/** Governance grid cells (网格): polygons with their grid workers and volunteers. */
export function parseGrids(text: string, file: string, issues: DataIssue[]): GridCell[] {
  return readFeatures(text, file, 'Polygon', issues, ({ reader: f, geometry }) => ({
    id: f.string('id'),
    name: f.string('name'),
    polygon: toPolygonCoords(geometry.coordinates),
    staffCount: f.integer('staffCount', { min: 0 }),
    ...optional('volunteerCount', f.optionalInteger('volunteerCount', { min: 0 })),
  }));
}

export function parseBase(text: string, file: string, issues: DataIssue[]): BaseSurface[] {
  return readFeatures(text, file, 'Polygon', issues, ({ reader: f, geometry }) => ({
    kind: f.oneOf('kind', BASE_KINDS),
    polygon: toPolygonCoords(geometry.coordinates),
  }));
}

/**
 * Context buildings (e.g. OpenStreetMap extracts) are lenient: a feature without a usable footprint is
 * skipped and counted rather than failing the whole community, and numbers may be text (OSM tags are
 * strings, e.g. `building:levels` = "6"). Heights come from `heightMeters`,
 * `height_m` or `height`, else levels × 3 m, else 10 m.
 */
export function parseContextBuildings(text: string, file: string): ContextBuilding[] {
  const issues: DataIssue[] = [];
  return readFeatures(
    text,
    file,
    'Polygon',
    issues,
    ({ reader: f, geometry, index }) => {
      const props = (name: string) => f.optionalNumber(name, { above: 0 });
      const levels = props('osm_building_levels') ?? props('levels');
      const height = props('heightMeters') ?? props('height_m') ?? props('height') ?? (levels ? levels * 3 : 10);
      const seq = f.has('seq') ? f.optionalString('seq') : undefined;
      return {
        id: f.optionalString('id') ?? `ctx-${seq ?? index}`,
        ...optional('name', f.optionalString('name')),
        footprint: toPolygonCoords(geometry.coordinates),
        heightMeters: height,
        kind: f.optionalString('building') ?? f.optionalString('kind') ?? 'yes',
      };
    },
    true,
  );
}
