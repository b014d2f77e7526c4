import { polygonAreaM2 } from '../../core/geo/localFrame';
import { ringCentroid } from '../../core/geo/polygon';
import { DataError, type DataIssue } from '../../core/errors';
import { FACILITY_CATEGORIES, type FacilityCategory, type LonLat, type PolygonCoords } from '../../core/model/types';
import { parseFeatureCollection } from '../../data/package/featureCollection';
import { checkLineString, checkPolygon, isLonLat, toLonLats, toPolygonCoords } from '../../data/package/geometry';
import {
  categoryFromOsmTags,
  isWalkableOsmWay,
  mainOsmTag,
  OSM_NON_RESIDENTIAL_BUILDINGS,
} from '../../analysis/service-circles/osmCategoryMapping';
import { TARGET_POPULATIONS, type TargetPopulation } from '../../analysis/service-circles/rules';
import type { BuildingInput, FacilityInput } from '../../analysis/service-circles/serviceCoverageRequest';

/**
 * Reads plain GeoJSON inputs for the analysis CLI — our own layers or OpenStreetMap extracts
 * (overpass-turbo / osmtogeojson style: tags as properties, or under `properties.tags`).
 * Every problem is recorded with its file, feature index, id and field; the caller throws them
 * together as one DataError.
 */

interface RawFeature {
  index: number;
  id: string | undefined;
  properties: Record<string, unknown>;
  /** Properties merged with a nested `tags` object (OSM exports). */
  tags: Record<string, unknown>;
  geometry: { type?: unknown; coordinates?: unknown } | undefined;
}

function readCollection(text: string, file: string, issues: DataIssue[]): RawFeature[] {
  const features = parseFeatureCollection(text, file, issues);
  if (!features) return [];
  return features.map((value: unknown, index: number) => {
    const feature = (typeof value === 'object' && value !== null ? value : {}) as {
      id?: unknown;
      properties?: unknown;
      geometry?: unknown;
    };
    const properties = (typeof feature.properties === 'object' && feature.properties !== null ? feature.properties : {}) as Record<
      string,
      unknown
    >;
    const nested = typeof properties.tags === 'object' && properties.tags !== null ? (properties.tags as Record<string, unknown>) : {};
    const idOf = (v: unknown) =>
      typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
    return {
      index,
      id: idOf(feature.id) ?? idOf(properties.id) ?? idOf(properties['@id']),
      properties,
      tags: { ...properties, ...nested },
      geometry: (typeof feature.geometry === 'object' && feature.geometry !== null
        ? feature.geometry
        : undefined) as RawFeature['geometry'],
    };
  });
}

const at = (file: string, f: RawFeature, field: string | undefined, reason: string): DataIssue => ({
  file,
  feature: f.index,
  ...(f.id !== undefined ? { id: f.id } : {}),
  ...(field !== undefined ? { field } : {}),
  reason,
});

/** A representative point of a Point / Polygon / MultiPolygon: the point, or the centroid of the largest polygon. */
function positionOf(file: string, f: RawFeature, issues: DataIssue[], kinds: readonly string[]): LonLat | undefined {
  const g = f.geometry;
  const type = typeof g?.type === 'string' ? g.type : undefined;
  if (!g || !type || !kinds.includes(type)) {
    issues.push(at(file, f, 'geometry', `must be a ${kinds.join(' or ')}, got ${type ?? 'none'}`));
    return undefined;
  }
  if (type === 'Point') {
    if (!isLonLat(g.coordinates)) {
      issues.push(at(file, f, 'geometry', 'must be [longitude, latitude] in degrees'));
      return undefined;
    }
    const [lon, lat] = g.coordinates as number[];
    return [lon, lat];
  }
  const polygons = type === 'Polygon' ? [g.coordinates] : Array.isArray(g.coordinates) ? g.coordinates : [undefined];
  let best: PolygonCoords | undefined;
  let bestArea = -1;
  for (const coordinates of polygons) {
    const problem = checkPolygon(coordinates);
    if (problem) {
      issues.push(at(file, f, 'geometry', problem));
      return undefined;
    }
    const polygon = toPolygonCoords(coordinates);
    const area = polygonAreaM2(polygon);
    if (area > bestArea) {
      bestArea = area;
      best = polygon;
    }
  }
  if (!best) {
    issues.push(at(file, f, 'geometry', 'a MultiPolygon needs at least one polygon'));
    return undefined;
  }
  return ringCentroid(best);
}

function requireId(file: string, f: RawFeature, issues: DataIssue[], seen: Set<string>): string | undefined {
  if (f.id === undefined) {
    issues.push(at(file, f, 'id', 'is missing: give the feature an "id", or an "id" / "@id" property'));
    return undefined;
  }
  if (seen.has(f.id)) {
    issues.push(at(file, f, 'id', 'is used by an earlier feature; ids must be unique'));
    return undefined;
  }
  seen.add(f.id);
  return f.id;
}

/** A non-negative number, also from text (OSM tags are strings); undefined when absent. */
function optionalCount(file: string, f: RawFeature, key: string, issues: DataIssue[]): number | undefined {
  const raw = f.tags[key];
  if (raw === undefined || raw === null || raw === '') return undefined;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : Number.NaN;
  if (!Number.isFinite(value) || value < 0) {
    issues.push(at(file, f, key, `must be a number ≥ 0, got ${JSON.stringify(raw)}`));
    return undefined;
  }
  return value;
}

/**
 * Buildings: Polygon / MultiPolygon footprints (or Point addresses), positioned at the footprint
 * centroid. Residents are read from `population` (= all) and `population:<target>` properties
 * (`population:60+`, `population:3-5` …) when present; OSM buildings have none, so their coverage
 * is by buildings only. A building counts in building shares unless its `use` is not residential /
 * mixed or its OSM `building` value is a non-residential one.
 */
export function readBuildings(text: string, file: string, issues: DataIssue[]): BuildingInput[] {
  const seen = new Set<string>();
  const out: BuildingInput[] = [];
  for (const f of readCollection(text, file, issues)) {
    const before = issues.length;
    const id = requireId(file, f, issues, seen);
    const position = positionOf(file, f, issues, ['Polygon', 'MultiPolygon', 'Point']);
    const population: Partial<Record<TargetPopulation, number>> = {};
    const all = optionalCount(file, f, 'population', issues);
    if (all !== undefined) population.all = all;
    for (const target of TARGET_POPULATIONS) {
      const value = optionalCount(file, f, `population:${target}`, issues);
      if (value !== undefined) population[target] = value;
    }
    const use = f.tags.use;
    const building = f.tags.building;
    const counted =
      typeof use === 'string'
        ? use === 'residential' || use === 'mixed'
        : !(typeof building === 'string' && OSM_NON_RESIDENTIAL_BUILDINGS.includes(building));
    if (issues.length !== before || !id || !position) continue;
    out.push({ id, position, counted, ...(Object.keys(population).length ? { population } : {}) });
  }
  return out;
}

/** A footprint with its height, for the sunlight analysis of plain GeoJSON. */
export interface FootprintInput {
  id: string;
  footprint: PolygonCoords;
  heightMeters: number;
}

/**
 * Footprints for `--sunlight`: Polygon / MultiPolygon features (each polygon of a MultiPolygon its own
 * prism, ids suffixed #1, #2 …), an id, and a `height` property in metres (> 0). Problems located.
 */
export function readFootprints(text: string, file: string, issues: DataIssue[]): FootprintInput[] {
  const seen = new Set<string>();
  const out: FootprintInput[] = [];
  for (const f of readCollection(text, file, issues)) {
    const before = issues.length;
    const id = requireId(file, f, issues, seen);
    const height = f.properties.height;
    const heightMeters = typeof height === 'number' ? height : typeof height === 'string' && height.trim() !== '' ? Number(height) : NaN;
    if (!(Number.isFinite(heightMeters) && heightMeters > 0 && heightMeters < 1000))
      issues.push(at(file, f, 'height', `must be the building's height in metres (0–1000), got ${JSON.stringify(height ?? null)}`));
    const g = f.geometry;
    const type = typeof g?.type === 'string' ? g.type : undefined;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      issues.push(at(file, f, 'geometry', `must be a Polygon or MultiPolygon, got ${type ?? 'none'}`));
      continue;
    }
    const polygons = type === 'Polygon' ? [g!.coordinates] : Array.isArray(g!.coordinates) ? (g!.coordinates as unknown[]) : [undefined];
    const problem = polygons.map(checkPolygon).find((p) => p !== null);
    if (problem) issues.push(at(file, f, 'geometry', problem));
    if (issues.length !== before || !id) continue;
    polygons.forEach((coordinates, i) =>
      out.push({ id: polygons.length > 1 ? `${id}#${i + 1}` : id, footprint: toPolygonCoords(coordinates), heightMeters }),
    );
  }
  return out;
}

/** Network: LineString / MultiLineString features; OSM ways that cannot be walked are skipped and counted. */
export function readNetwork(text: string, file: string, issues: DataIssue[]): { lines: { coordinates: LonLat[] }[]; skipped: number } {
  const lines: { coordinates: LonLat[] }[] = [];
  let skipped = 0;
  for (const f of readCollection(text, file, issues)) {
    const g = f.geometry;
    const type = typeof g?.type === 'string' ? g.type : undefined;
    if (type !== 'LineString' && type !== 'MultiLineString') {
      issues.push(at(file, f, 'geometry', `must be a LineString or MultiLineString, got ${type ?? 'none'}`));
      continue;
    }
    const parts = type === 'LineString' ? [g!.coordinates] : Array.isArray(g!.coordinates) ? (g!.coordinates as unknown[]) : [undefined];
    const problem = parts.map(checkLineString).find((p) => p !== null);
    if (problem) {
      issues.push(at(file, f, 'geometry', problem));
      continue;
    }
    if (!isWalkableOsmWay(f.tags)) {
      skipped++;
      continue;
    }
    for (const part of parts) lines.push({ coordinates: toLonLats(part) });
  }
  return { lines, skipped };
}

/**
 * Facilities: Point features (or areas, at their centroid) with our `category`, or OSM tags mapped by
 * `osmCategoryMapping`. Features that map to no category are skipped and counted; an explicit but
 * unknown `category` is an error.
 */
export function readFacilities(
  text: string,
  file: string,
  issues: DataIssue[],
): { facilities: FacilityInput[]; skipped: number; unmappedTags: Record<string, number> } {
  const seen = new Set<string>();
  const facilities: FacilityInput[] = [];
  const unmappedTags: Record<string, number> = {};
  let skipped = 0;
  for (const f of readCollection(text, file, issues)) {
    const before = issues.length;
    let category: FacilityCategory | null;
    const explicit = f.properties.category;
    if (explicit !== undefined && explicit !== null) {
      category = (FACILITY_CATEGORIES as readonly unknown[]).includes(explicit) ? (explicit as FacilityCategory) : null;
      if (!category)
        issues.push(at(file, f, 'category', `must be one of ${FACILITY_CATEGORIES.join(', ')}, got ${JSON.stringify(explicit)}`));
    } else {
      category = categoryFromOsmTags(f.tags);
      if (!category) {
        skipped++;
        const tag = mainOsmTag(f.tags);
        unmappedTags[tag] = (unmappedTags[tag] ?? 0) + 1;
        continue;
      }
    }
    const id = requireId(file, f, issues, seen);
    const position = positionOf(file, f, issues, ['Point', 'Polygon', 'MultiPolygon']);
    const capacity = optionalCount(file, f, 'capacity', issues);
    if (issues.length !== before || !id || !position || !category) continue;
    facilities.push({ id, category, position, ...(capacity !== undefined ? { capacity } : {}) });
  }
  return { facilities, skipped, unmappedTags };
}

/** Throws one DataError for everything found, or returns quietly. */
export function throwIfIssues(issues: DataIssue[], summary: string): void {
  if (issues.length) throw new DataError(issues, summary);
}
