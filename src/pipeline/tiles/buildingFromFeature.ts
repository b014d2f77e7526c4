import { createToWgs84, type CrsId } from '../../core/geo/crs';
import type { LonLat, PolygonCoords } from '../../core/model/types';
import type { BuildingAttributes, TiledBuilding } from '../../data/tiles/buildingGlb';
import type { SourceFeature } from './readBuildingFeatures';

/** How a feature's fields become a building: which field is the id, the height or the number of floors. */
export interface FieldOptions {
  idField: string;
  heightField: string;
  floorsField: string;
  /** Metres per storey when only floors are known (3 m: GB 50096-2011 住宅层高 ≥ 2.8 m, rounded up). */
  storeyMeters: number;
  /** Coordinates are projected (CGCS2000 Gauss-Krüger, Web Mercator…): converted to lon/lat. */
  crs?: CrsId;
}

export const DEFAULT_FIELDS: FieldOptions = { idField: 'id', heightField: 'height', floorsField: 'floors', storeyMeters: 3 };
/** Taller than any building (the Shanghai Tower is 632 m): a larger value is a unit error. */
const MAX_HEIGHT_METERS = 1000;

const numberOf = (value: unknown): number | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined;

function ringOf(raw: unknown, project: ((x: number, y: number) => LonLat) | null): LonLat[] | string {
  if (!Array.isArray(raw) || raw.length < 4) return 'has a ring of fewer than 4 positions';
  const ring: LonLat[] = [];
  for (const p of raw) {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))
      return 'has a position that is not [x, y] numbers';
    const [lon, lat] = project ? project(p[0], p[1]) : [p[0], p[1]];
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
      return `has a position [${p[0]}, ${p[1]}] outside longitude/latitude (projected? pass --crs)`;
    // 1e-7° is ≈ 1 cm: enough for a footprint, and it keeps the work files small.
    ring.push([Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7]);
  }
  return ring;
}

/**
 * A building from a source feature, or why it is skipped: a Polygon or MultiPolygon footprint, an id
 * (the id field, else the feature's own `id`), a height (the height field, else floors × storey
 * height). Pure, so the tests check every reason.
 */
export function buildingFromFeature(
  feature: SourceFeature,
  fields: FieldOptions,
  project = fields.crs ? createToWgs84(fields.crs) : null,
): TiledBuilding | { skip: string; id?: string } {
  const props = feature.properties ?? {};
  const id = textOf(props[fields.idField]) ?? textOf(feature.id);
  const skip = (reason: string) => ({ skip: reason, ...(id ? { id } : {}) });
  if (!id) return skip(`has no id (field "${fields.idField}" or the feature's id)`);
  const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon'))
    return skip(`is not a Polygon or MultiPolygon (geometry ${geometry ? String(geometry.type) : 'null'})`);
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as unknown;
  if (!Array.isArray(polygons) || polygons.length === 0) return skip('has no coordinates');
  const parts: PolygonCoords[] = [];
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return skip('has a polygon without rings');
    const rings: LonLat[][] = [];
    for (const raw of polygon) {
      const ring = ringOf(raw, project);
      if (typeof ring === 'string') return skip(ring);
      rings.push(ring);
    }
    parts.push(rings);
  }
  const floors = numberOf(props[fields.floorsField]);
  const height = numberOf(props[fields.heightField]) ?? (floors !== undefined ? floors * fields.storeyMeters : undefined);
  if (height === undefined)
    return skip(`has no height (field "${fields.heightField}", or "${fields.floorsField}" × ${fields.storeyMeters} m)`);
  if (!(height > 0) || height > MAX_HEIGHT_METERS) return skip(`has a height of ${height} m (must be > 0 and ≤ ${MAX_HEIGHT_METERS})`);
  const attributes: BuildingAttributes = {};
  const name = textOf(props.name) ?? textOf(props['名称']);
  if (name) attributes.name = name;
  if (floors !== undefined && floors > 0 && floors < 65536) attributes.floors = Math.round(floors);
  const year = numberOf(props.yearBuilt ?? props.year ?? props['建成年份']);
  if (year !== undefined && year > 0 && year < 65536) attributes.yearBuilt = Math.round(year);
  const use = textOf(props.use) ?? textOf(props.building);
  if (use) attributes.use = use;
  const district = textOf(props.district);
  if (district) attributes.district = district;
  const community = textOf(props.community);
  if (community) attributes.community = community;
  return { id, parts, heightMeters: Math.round(height * 100) / 100, attributes };
}
