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
  ELDERLY_AGE_BANDS,
  RIGHT_TYPES,
  SEXES,
  STRUCTURES,
  type AgeBand,
  type BaseSurface,
  type Building,
  type BuildingResidentStats,
  type ContextBuilding,
  type Facility,
  type FacilityCategory,
  type GridCell,
  type House,
  type NetworkLine,
  type Person,
  type PersonTag,
  type ReuseSpace,
  type Right,
  type RightType,
} from '../../core/model/types';
import { WeeklyHoursError, parseWeeklyHours } from '../../core/time/weeklyHours';
import { parseFeatureCollection } from './featureCollection';
import { FieldReader } from './fieldReader';
import { isLonLat, lineStringProblem, polygonProblem, toLonLats, toPolygonCoords } from './geometry';

type GeometryType = 'Polygon' | 'Point' | 'LineString';

interface FeatureInput {
  reader: FieldReader;
  /** The feature's properties as written (for fields FieldReader has no reader for, such as lists). */
  properties: Record<string, unknown>;
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
    const value = read({ reader, properties, geometry: geometry as FeatureInput['geometry'], index });
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
  idColumn = 'id',
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
    const id = row[idColumn] || undefined;
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

/**
 * 城乡房屋编码: starts with the 6-digit administrative division code (行政区划代码, GB/T 2260) and is
 * 8–40 digits or capital letters. The province's exact code layout is not in our sources [M]: this
 * checks what any such code has; what would verify the rest is the Zhejiang 城乡房屋编码 rule (or
 * JGJ/T 496-2022 房屋建筑统一编码与基本属性数据标准).
 */
export const HOUSE_CODE = /^\d{6}[0-9A-Z]{2,34}$/;
/** 标准地址: free text, kept short enough to be an address rather than a note. */
export const STANDARD_ADDRESS_MAX_LENGTH = 200;

export function parseHouses(text: string, file: string, issues: DataIssue[]): House[] {
  const columns = ['id', 'buildingId', 'entrance', 'floor', 'room', 'areaM2', 'use', 'occupancy'] as const;
  return readRows(text, file, columns, issues, (f) => {
    const houseCode = f.optionalString('houseCode');
    if (houseCode !== undefined && !HOUSE_CODE.test(houseCode))
      f.fail(
        'houseCode',
        because(
          `must start with the 6-digit administrative division code and have 8–40 digits or capital letters, got ${JSON.stringify(houseCode)}`,
          'issue.package.badHouseCode',
          { got: JSON.stringify(houseCode) },
        ),
      );
    const standardAddress = f.optionalString('standardAddress');
    if (standardAddress !== undefined && standardAddress.length > STANDARD_ADDRESS_MAX_LENGTH)
      f.fail(
        'standardAddress',
        because(`must be at most ${STANDARD_ADDRESS_MAX_LENGTH} characters, got ${standardAddress.length}`, 'issue.package.longAddress', {
          max: STANDARD_ADDRESS_MAX_LENGTH,
          length: standardAddress.length,
        }),
      );
    return {
      id: f.string('id'),
      buildingId: f.string('buildingId'),
      entrance: f.integer('entrance', { min: 1 }),
      floor: f.integer('floor', { min: -5, max: 200 }),
      room: f.string('room'),
      areaM2: f.number('areaM2', { above: 0 }),
      use: f.oneOf('use', HOUSE_USES),
      occupancy: f.oneOf('occupancy', OCCUPANCIES),
      ...optional('houseCode', houseCode),
      ...optional('standardAddress', standardAddress),
    };
  });
}

/**
 * 错时共享: `sharedAs` (the categories a facility serves while shared with residents, a list or "a|b")
 * and `sharedHours` (when, core/time/weeklyHours.ts) come together; a facility cannot share its own category.
 */
function readSharing(f: FieldReader, raw: Record<string, unknown>, own: string): Facility['sharing'] | undefined {
  const listed = raw.sharedAs;
  const hours = f.optionalString('sharedHours');
  if (listed === undefined || listed === null || listed === '') {
    if (hours !== undefined)
      f.fail('sharedHours', because('needs sharedAs: the categories the facility serves in these hours', 'issue.package.sharedHoursAlone'));
    return undefined;
  }
  const categories = Array.isArray(listed) ? listed : typeof listed === 'string' ? listed.split('|') : [listed];
  const bad = categories.filter((c) => !(FACILITY_CATEGORIES as readonly unknown[]).includes(c));
  if (bad.length) {
    f.fail(
      'sharedAs',
      because(
        `must list facility categories (${FACILITY_CATEGORIES.join(', ')}), got ${bad.map(String).join(', ')}`,
        'issue.package.badSharedAs',
        {
          got: bad.map(String),
          allowed: FACILITY_CATEGORIES,
        },
      ),
    );
    return undefined;
  }
  if (categories.includes(own)) {
    f.fail('sharedAs', because(`must not repeat the facility's own category ${own}`, 'issue.package.sharedOwnCategory', { category: own }));
    return undefined;
  }
  if (hours === undefined) {
    f.fail('sharedHours', because('is required with sharedAs: when residents may use the facility', 'issue.package.sharedNeedsHours'));
    return undefined;
  }
  try {
    parseWeeklyHours(hours);
  } catch (error) {
    if (!(error instanceof WeeklyHoursError)) throw error;
    const detail = `: ${error.message}`;
    f.fail(
      'sharedHours',
      because(`must be weekly hours such as "Mo-Fr 17:00-21:00; Sa,Su 08:00-21:00"${detail}`, 'issue.package.badSharedHours', {
        detail: englishDetail(detail),
      }),
    );
    return undefined;
  }
  return { categories: categories as FacilityCategory[], hours };
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

/** resident-stats.csv columns, in file order: the counts of `BuildingResidentStats` with age bands and rights spelled out. */
export const RESIDENT_STATS_COLUMNS = [
  'buildingId',
  'residents',
  ...AGE_BANDS.map((band) => `age_${band}`),
  'elderly',
  'elderlyAboveThirdFloor',
  'elderly80PlusAboveThirdFloor',
  'residentsAboveThirdFloor',
  'livingAloneElderly',
  'withDisability',
  'withDisabilityAboveThirdFloor',
  'infants',
  'occupiedHomes',
  'occupiedHomesAboveThirdFloor',
  ...RIGHT_TYPES.map((type) => `rights_${type}`),
] as const;

/**
 * resident-stats.csv: one row of counts per building. Besides each count being an integer ≥ 0, the
 * totals must add up (residents = the age bands, elderly = the 60+ bands) and no part may exceed
 * its whole, so a hand-edited file cannot say more elderly above the third floor than elderly.
 */
export function parseResidentStats(text: string, file: string, issues: DataIssue[]): BuildingResidentStats[] {
  return readRows(
    text,
    file,
    RESIDENT_STATS_COLUMNS,
    issues,
    (f) => {
      const count = (field: string) => f.integer(field, { min: 0 });
      const stats: BuildingResidentStats = {
        buildingId: f.string('buildingId'),
        residents: count('residents'),
        residentsByAgeBand: Object.fromEntries(AGE_BANDS.map((band) => [band, count(`age_${band}`)])) as Record<AgeBand, number>,
        elderly: count('elderly'),
        elderlyAboveThirdFloor: count('elderlyAboveThirdFloor'),
        elderly80PlusAboveThirdFloor: count('elderly80PlusAboveThirdFloor'),
        residentsAboveThirdFloor: count('residentsAboveThirdFloor'),
        livingAloneElderly: count('livingAloneElderly'),
        withDisability: count('withDisability'),
        withDisabilityAboveThirdFloor: count('withDisabilityAboveThirdFloor'),
        infants: count('infants'),
        occupiedHomes: count('occupiedHomes'),
        occupiedHomesAboveThirdFloor: count('occupiedHomesAboveThirdFloor'),
        rightsByType: Object.fromEntries(RIGHT_TYPES.map((type) => [type, count(`rights_${type}`)])) as Record<RightType, number>,
      };
      if (!f.ok) return stats;
      const sumOf = (bands: readonly AgeBand[]) => bands.reduce((sum, band) => sum + stats.residentsByAgeBand[band], 0);
      const mustEqual = (field: string, value: number, expected: number, of: { zh: string; en: string }) => {
        if (value !== expected)
          f.fail(field, because(`must equal ${of.en} (${expected}), got ${value}`, 'issue.package.statsSum', { of, expected, got: value }));
      };
      mustEqual('residents', stats.residents, sumOf(AGE_BANDS), { zh: '各年龄段之和', en: 'the sum of the age bands' });
      mustEqual('elderly', stats.elderly, sumOf(ELDERLY_AGE_BANDS), { zh: '60岁以上各年龄段之和', en: 'the sum of the 60+ age bands' });
      const notAbove = (field: keyof BuildingResidentStats, whole: keyof BuildingResidentStats) => {
        const value = stats[field] as number;
        const max = stats[whole] as number;
        if (value > max)
          f.fail(field, because(`must be at most ${whole} (${max}), got ${value}`, 'issue.package.statsPart', { whole, max, got: value }));
      };
      notAbove('elderlyAboveThirdFloor', 'elderly');
      notAbove('elderly80PlusAboveThirdFloor', 'elderlyAboveThirdFloor');
      notAbove('elderlyAboveThirdFloor', 'residentsAboveThirdFloor');
      notAbove('residentsAboveThirdFloor', 'residents');
      notAbove('livingAloneElderly', 'elderly');
      notAbove('withDisability', 'residents');
      notAbove('withDisabilityAboveThirdFloor', 'withDisability');
      notAbove('withDisabilityAboveThirdFloor', 'residentsAboveThirdFloor');
      notAbove('infants', 'residents');
      notAbove('occupiedHomes', 'residents');
      notAbove('occupiedHomesAboveThirdFloor', 'occupiedHomes');
      notAbove('occupiedHomesAboveThirdFloor', 'residentsAboveThirdFloor');
      return stats;
    },
    'buildingId',
  );
}

export function parseFacilities(text: string, file: string, issues: DataIssue[]): Facility[] {
  return readFeatures(text, file, 'Point', issues, ({ reader: f, geometry, properties }) => {
    const coordinates = geometry.coordinates as number[];
    const category = f.oneOf('category', FACILITY_CATEGORIES);
    const sharing = readSharing(f, properties, category);
    return {
      id: f.string('id'),
      category,
      name: f.string('name'),
      position: [coordinates[0], coordinates[1]],
      ...optional('floorAreaM2', f.optionalNumber('floorAreaM2', { min: 0 })),
      ...optional('capacity', f.optionalNumber('capacity', { min: 0 })),
      ...optional('capacityUnit', f.optionalOneOf('capacityUnit', CAPACITY_UNITS)),
      ...optional('chargers', f.optionalInteger('chargers', { min: 0 })),
      ...optional('buildingId', f.optionalString('buildingId')),
      ...optional('sharing', sharing),
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

/**
 * Base-map surfaces; the kind says what counts (scenarios/surfaceRules.json): `plaza` vs `parking` vs
 * `school-yard`, `public-green` vs `block-green` vs `private-garden` (`green`: unknown, format 1.0).
 */
export function parseBase(text: string, file: string, issues: DataIssue[]): BaseSurface[] {
  return readFeatures(text, file, 'Polygon', issues, ({ reader: f, geometry }) => ({
    kind: f.oneOf('kind', BASE_KINDS),
    ...optional('name', f.optionalString('name')),
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
