/**
 * Writes a Community as the files of a community package (`models/README.md`): manifest.json and
 * one file per layer, plus the package list `index.json`. Pure: returns file contents as strings and
 * touches no file system, so the same code serves the Node generator, importers and the browser.
 *
 * The output is stable byte for byte: keys in the documented order, optional fields omitted when
 * undefined (never `null`), coordinates rounded to 7 decimal places (≈ 1 cm), one GeoJSON feature per
 * line (readable diffs), CSV per RFC 4180 with "\n" line ends and a trailing newline.
 */
import type {
  Attribution,
  BaseSurface,
  Building,
  BuildingResidentStats,
  CameraBookmark,
  Community,
  CommunityManifest,
  ContextLayerRef,
  Facility,
  GridCell,
  House,
  LocalizedText,
  LonLat,
  NetworkLine,
  Person,
  PolygonCoords,
  ReuseSpace,
  Right,
} from '../../core/model/types';
import { AGE_BANDS, OPTIONAL_PACKAGE_LAYERS, PACKAGE_LAYERS, RIGHT_TYPES } from '../../core/model/types';
import { RESIDENT_STATS_COLUMNS } from './layers';
import type { PackageIndexEntry } from './readPackage';

export const MANIFEST_FILE = 'manifest.json';
export const INDEX_FILE = 'index.json';

type Json = string | number | boolean | Json[] | { [key: string]: Json };
/** A JSON object under construction; undefined values are dropped by `compact`. */
type Draft = Record<string, Json | undefined>;

/** Drops undefined (and null) values, keeping the order of the remaining keys. */
function compact(draft: Draft): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(draft)) {
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

const COORDINATE_SCALE = 1e7; // 7 decimal places ≈ 1 cm

function roundCoordinate(value: number): number {
  const rounded = Math.round(value * COORDINATE_SCALE) / COORDINATE_SCALE;
  return rounded === 0 ? 0 : rounded; // no "-0"
}

function position(p: LonLat): number[] {
  return [roundCoordinate(p[0]), roundCoordinate(p[1])];
}

function polygon(coords: PolygonCoords): number[][][] {
  return coords.map((ring) => ring.map(position));
}

function text(t: LocalizedText): Record<string, Json> {
  return { zh: t.zh, en: t.en };
}

function attribution(a: Attribution): Record<string, Json> {
  return compact({ text: a.text, url: a.url, license: a.license });
}

// ---- GeoJSON --------------------------------------------------------------------------------

interface FeatureDraft {
  properties: Draft;
  geometry: { type: 'Point' | 'LineString' | 'Polygon'; coordinates: Json };
}

/** A FeatureCollection with one feature per line: `{"type":"FeatureCollection","features":[\n…\n]}\n`. */
export function featureCollectionText(features: readonly FeatureDraft[]): string {
  if (features.length === 0) return '{"type":"FeatureCollection","features":[]}\n';
  const lines = features.map((f) =>
    JSON.stringify({
      type: 'Feature',
      properties: compact(f.properties),
      geometry: { type: f.geometry.type, coordinates: f.geometry.coordinates },
    }),
  );
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

function buildingFeature(b: Building): FeatureDraft {
  return {
    properties: {
      id: b.id,
      name: b.name,
      floors: b.floors,
      heightMeters: b.heightMeters,
      use: b.use,
      yearBuilt: b.yearBuilt,
      structure: b.structure,
      hasElevator: b.hasElevator,
      propertyManagement: b.propertyManagement,
      idleStatus: b.idleStatus,
      grossFloorAreaM2: b.grossFloorAreaM2,
      entrances: b.entrances,
      cimLevel: b.cimLevel,
    },
    geometry: { type: 'Polygon', coordinates: polygon(b.footprint) },
  };
}

function facilityFeature(f: Facility): FeatureDraft {
  return {
    properties: {
      id: f.id,
      category: f.category,
      name: f.name,
      floorAreaM2: f.floorAreaM2,
      capacity: f.capacity,
      capacityUnit: f.capacityUnit,
      chargers: f.chargers,
      buildingId: f.buildingId,
      sharedAs: f.sharing?.categories.slice(),
      sharedHours: f.sharing?.hours,
    },
    geometry: { type: 'Point', coordinates: position(f.position) },
  };
}

function networkFeature(n: NetworkLine): FeatureDraft {
  return {
    properties: { id: n.id, kind: n.kind, name: n.name },
    geometry: { type: 'LineString', coordinates: n.coordinates.map(position) },
  };
}

function reuseFeature(r: ReuseSpace): FeatureDraft {
  return {
    properties: {
      id: r.id,
      kind: r.kind,
      name: r.name,
      areaM2: r.areaM2,
      ownerType: r.ownerType,
      buildingId: r.buildingId,
      floors: r.floors,
      groundFloorAccess: r.groundFloorAccess,
      currentUse: r.currentUse,
    },
    geometry: { type: 'Polygon', coordinates: polygon(r.footprint) },
  };
}

function gridFeature(g: GridCell): FeatureDraft {
  return {
    properties: { id: g.id, name: g.name, staffCount: g.staffCount, volunteerCount: g.volunteerCount },
    geometry: { type: 'Polygon', coordinates: polygon(g.polygon) },
  };
}

function baseFeature(s: BaseSurface): FeatureDraft {
  return { properties: { kind: s.kind, name: s.name }, geometry: { type: 'Polygon', coordinates: polygon(s.polygon) } };
}

// ---- CSV ------------------------------------------------------------------------------------

type Cell = string | number | boolean | undefined;

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, and quotes inside are doubled. */
export function csvField(value: Cell): string {
  if (value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV file: header row, one row per record, "\n" line ends, trailing newline. */
export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

/** 城乡房屋编码 and 标准地址 are written only when some house has them (older packages keep their columns). */
function housesCsv(houses: readonly House[]): string {
  const optional = (['houseCode', 'standardAddress'] as const).filter((field) => houses.some((h) => h[field] !== undefined));
  return csvText(
    ['id', 'buildingId', 'entrance', 'floor', 'room', 'areaM2', 'use', 'occupancy', ...optional],
    houses.map((h) => [
      h.id,
      h.buildingId,
      h.entrance,
      h.floor,
      h.room,
      h.areaM2,
      h.use,
      h.occupancy,
      ...optional.map((field) => h[field]),
    ]),
  );
}

export function rightsCsv(rights: readonly Right[]): string {
  return csvText(
    ['id', 'houseId', 'rightType', 'holderRef', 'share'],
    rights.map((r) => [r.id, r.houseId, r.rightType, r.holderRef, r.share]),
  );
}

/** The optional identifying columns are written only when some person has them (never for samples). */
export function peopleCsv(people: readonly Person[]): string {
  const optional = (['name', 'phone', 'idNumber'] as const).filter((field) => people.some((p) => p[field] !== undefined));
  return csvText(
    ['id', 'houseId', 'ageBand', 'sex', 'tags', ...optional],
    people.map((p) => [p.id, p.houseId, p.ageBand, p.sex, p.tags.join('|'), ...optional.map((field) => p[field])]),
  );
}

/** resident-stats.csv: the columns of `RESIDENT_STATS_COLUMNS`, one row per building. */
function residentStatsCsv(stats: readonly BuildingResidentStats[]): string {
  return csvText(
    [...RESIDENT_STATS_COLUMNS],
    stats.map((s) => [
      s.buildingId,
      s.residents,
      ...AGE_BANDS.map((band) => s.residentsByAgeBand[band]),
      s.elderly,
      s.elderlyAboveThirdFloor,
      s.elderly80PlusAboveThirdFloor,
      s.residentsAboveThirdFloor,
      s.livingAloneElderly,
      s.withDisability,
      s.withDisabilityAboveThirdFloor,
      s.infants,
      s.occupiedHomes,
      s.occupiedHomesAboveThirdFloor,
      ...RIGHT_TYPES.map((type) => s.rightsByType[type]),
    ]),
  );
}

// ---- manifest and index ---------------------------------------------------------------------

/** Pretty JSON (2 spaces, trailing newline) with [lon, lat] pairs kept on one line. */
export function prettyJson(value: Json): string {
  const pretty = JSON.stringify(value, null, 2).replace(
    /\[\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?),\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*\]/g,
    '[$1, $2]',
  );
  return `${pretty}\n`;
}

function camera(c: CameraBookmark): Record<string, Json> {
  return {
    lon: roundCoordinate(c.lon),
    lat: roundCoordinate(c.lat),
    heightMeters: c.heightMeters,
    headingDeg: c.headingDeg,
    pitchDeg: c.pitchDeg,
  };
}

function contextRef(c: ContextLayerRef): Record<string, Json> {
  return { id: c.id, kind: c.kind, path: c.path, attribution: attribution(c.attribution) };
}

/** manifest.json, keys in the order of the table in models/README.md. */
export function manifestText(m: CommunityManifest): string {
  const layers: Record<string, Json> = {};
  for (const layer of PACKAGE_LAYERS) layers[layer] = m.layers[layer];
  for (const layer of OPTIONAL_PACKAGE_LAYERS) if (m.layers[layer] !== undefined) layers[layer] = m.layers[layer];
  return prettyJson(
    compact({
      format: m.format,
      formatVersion: m.formatVersion,
      id: m.id,
      name: text(m.name),
      district: text(m.district),
      street: m.street && text(m.street),
      communityType: m.communityType,
      renewalType: m.renewalType,
      crs: m.crs,
      centre: position(m.centre),
      boundary: polygon(m.boundary),
      attribution: m.attribution.map(attribution),
      dataDate: m.dataDate,
      synthetic: m.synthetic && { layers: [...m.synthetic.layers], notice: text(m.synthetic.notice) },
      camera: m.camera && camera(m.camera),
      survey:
        m.survey &&
        compact({
          date: m.survey.date,
          respondents: m.survey.respondents,
          satisfiedShare: m.survey.satisfiedShare,
          byScenario: m.survey.byScenario && { ...m.survey.byScenario },
        }),
      layers,
      context: m.context?.map(contextRef),
    }),
  );
}

/**
 * All files of a package, keyed by file name: manifest.json first, then each layer under the file
 * name the manifest gives it. `community.context` is not written (context layers are shared files
 * referenced by path).
 */
export function writePackage(community: Community): Map<string, string> {
  const { manifest } = community;
  const files = new Map<string, string>();
  files.set(MANIFEST_FILE, manifestText(manifest));
  const layerText: Record<(typeof PACKAGE_LAYERS)[number], () => string> = {
    buildings: () => featureCollectionText(community.buildings.map(buildingFeature)),
    houses: () => housesCsv(community.houses),
    facilities: () => featureCollectionText(community.facilities.map(facilityFeature)),
    network: () => featureCollectionText(community.network.map(networkFeature)),
    reuse: () => featureCollectionText(community.reuse.map(reuseFeature)),
    base: () => featureCollectionText(community.base.map(baseFeature)),
  };
  for (const layer of PACKAGE_LAYERS) {
    const fileName = manifest.layers[layer];
    if (files.has(fileName)) throw new Error(`layer "${layer}" would overwrite ${fileName}`);
    files.set(fileName, layerText[layer]());
  }
  // Optional layers: written when the manifest names a file, or when there is data to keep (under its usual name).
  const optionalLayers: Record<(typeof OPTIONAL_PACKAGE_LAYERS)[number], { rows: number; defaultFile: string; text: () => string }> = {
    rights: { rows: community.rights.length, defaultFile: 'rights.csv', text: () => rightsCsv(community.rights) },
    people: { rows: community.people.length, defaultFile: 'people.csv', text: () => peopleCsv(community.people) },
    residentStats: {
      rows: community.residentStats.length,
      defaultFile: 'resident-stats.csv',
      text: () => residentStatsCsv(community.residentStats),
    },
    grids: {
      rows: community.grids.length,
      defaultFile: 'grids.geojson',
      text: () => featureCollectionText(community.grids.map(gridFeature)),
    },
  };
  const layers = { ...manifest.layers };
  for (const layer of OPTIONAL_PACKAGE_LAYERS) {
    const { rows, defaultFile, text } = optionalLayers[layer];
    if (manifest.layers[layer] === undefined && !rows) continue;
    const fileName = manifest.layers[layer] ?? defaultFile;
    if (files.has(fileName)) throw new Error(`layer "${layer}" would overwrite ${fileName}`);
    files.set(fileName, text());
    layers[layer] = fileName;
  }
  if (OPTIONAL_PACKAGE_LAYERS.some((layer) => layers[layer] !== manifest.layers[layer]))
    files.set(MANIFEST_FILE, manifestText({ ...manifest, layers }));
  return files;
}

/** The index.json entry of a package stored in a folder named after its id. */
export function packageIndexEntry(manifest: CommunityManifest): PackageIndexEntry {
  return { id: manifest.id, path: `${manifest.id}/`, name: manifest.name };
}

/** models/index.json: the list of packages; the first is opened by default. */
export function writeIndex(entries: readonly PackageIndexEntry[]): string {
  return prettyJson({ packages: entries.map((e) => ({ id: e.id, path: e.path, name: text(e.name) })) });
}
