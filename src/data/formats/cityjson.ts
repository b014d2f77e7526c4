import { because, issueMessage, type Reason } from '../../core/errors';
import type { CoordinateSample } from '../../core/geo/crs';
import type { LonLat } from '../../core/model/types';
import { FeatureCollector } from './featureCollector';
import { columnsOf } from './fieldNames';
import { hasExtension, type FileFormat } from './formatTypes';
import { at, finishPolygon, projectXY, SkipFeature, within, type Project, type RepairLog } from './geometry';
import { ImportError, type ImportOptions, type ImportResult } from './importResult';
import { readJsonObject } from './json';
import { resolveSourceCrs } from './sourceCrs';
import type { ImportInput } from './text';

/**
 * CityJSON 1.0, 1.1 and 2.0 buildings → footprints with heights (a CIM2 block model).
 *
 * - Vertices are integers scaled and translated by `transform` (mandatory from 1.1, optional in
 *   1.0, where vertices may be real coordinates); the CRS comes from `metadata.referenceSystem`
 *   ("urn:ogc:def:crs:EPSG::4549" in 1.0, "https://www.opengis.net/def/crs/EPSG/0/4549" later).
 * - Each Building becomes one feature; a Building without geometry of its own becomes one
 *   feature per BuildingPart child, carrying the parent's attributes under the part's.
 * - The geometry used is the lowest LOD ≥ 1 (the block model whose max z is the representative
 *   roof height; an LOD2 ridge would overstate it), else whatever there is.
 * - Footprint: the GroundSurface (semantic, or else the one horizontal surface at minimum z); with
 *   several ground surfaces or none, the 2D convex hull of the vertices at minimum z, noted as a
 *   repair because a hull fills in concave corners.
 * - `heightMeters` = max z − min z of that geometry; attributes (measuredHeight,
 *   storeysAboveGround, yearOfConstruction, function…) are kept as properties.
 * Other city objects (terrain, roads, vegetation) are ignored.
 */

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

type Vertex = [x: number, y: number, z: number];
/** A surface: exterior ring then holes, each a list of vertex indices. */
type Surface = number[][];

interface CityGeometry {
  type: string;
  lod: number;
  boundaries: unknown;
  semantics?: { surfaces?: unknown; values?: unknown };
}

/** Vertices within this many metres of the lowest one count as "at minimum z". */
const GROUND_TOLERANCE_METERS = 0.05;
const SURFACE_DEPTH: Record<string, number> = { MultiSurface: 0, CompositeSurface: 0, Solid: 1, MultiSolid: 2, CompositeSolid: 2 };

function readVertices(json: JsonObject, file: string): Vertex[] {
  if (!Array.isArray(json.vertices))
    throw new ImportError('not-cityjson', { file, ...because('has no "vertices" list', 'issue.cityjson.noVertices') });
  const transform = isObject(json.transform) ? json.transform : undefined;
  const scale = Array.isArray(transform?.scale) ? (transform.scale as number[]) : [1, 1, 1];
  const translate = Array.isArray(transform?.translate) ? (transform.translate as number[]) : [0, 0, 0];
  return json.vertices.map((v: unknown) => {
    const [x, y, z] = Array.isArray(v) ? (v as unknown[]) : [];
    const num = (value: unknown, axis: number) => (typeof value === 'number' ? value * scale[axis] + translate[axis] : Number.NaN);
    return [num(x, 0), num(y, 1), num(z ?? 0, 2)];
  });
}

/** Surfaces of a geometry with their semantic type (e.g. "GroundSurface") where given. */
function surfacesOf(geometry: CityGeometry): { surface: Surface; semantic?: string }[] {
  const depth = SURFACE_DEPTH[geometry.type];
  const semanticTypes = Array.isArray(geometry.semantics?.surfaces)
    ? (geometry.semantics.surfaces as unknown[]).map((s) => (isObject(s) && typeof s.type === 'string' ? s.type : undefined))
    : [];
  const out: { surface: Surface; semantic?: string }[] = [];
  const walk = (boundaries: unknown, values: unknown, level: number) => {
    if (!Array.isArray(boundaries)) {
      throw new SkipFeature(
        'bad-record',
        because(`${geometry.type} boundaries are not nested lists`, 'issue.cityjson.badBoundaries', { type: geometry.type }),
      );
    }
    boundaries.forEach((item, i) => {
      const value = Array.isArray(values) ? values[i] : undefined;
      if (level < depth) return walk(item, value, level + 1);
      const semantic = typeof value === 'number' ? semanticTypes[value] : undefined;
      out.push({ surface: item as Surface, ...(semantic ? { semantic } : {}) });
    });
  };
  walk(geometry.boundaries, geometry.semantics?.values, 0);
  return out;
}

/** Lowest LOD ≥ 1 among the supported geometry types, else the highest below 1. */
function chooseGeometry(object: JsonObject): CityGeometry | undefined {
  const geometries = (Array.isArray(object.geometry) ? object.geometry : [])
    .filter(isObject)
    .filter((g) => typeof g.type === 'string' && g.type in SURFACE_DEPTH)
    .map((g) => ({ ...(g as object), lod: Number(g.lod ?? 0) }) as CityGeometry);
  const blocks = geometries.filter((g) => g.lod >= 1).sort((a, b) => a.lod - b.lod);
  return blocks[0] ?? geometries.sort((a, b) => b.lod - a.lod)[0];
}

/** Andrew's monotone chain; returns a closed counter-clockwise ring. */
function convexHull(points: [number, number][]): [number, number][] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: number[], a: number[], b: number[]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: [number, number][]) => {
    const chain: [number, number][] = [];
    for (const p of list) {
      while (chain.length >= 2 && cross(chain[chain.length - 2], chain[chain.length - 1], p) <= 0) chain.pop();
      chain.push(p);
    }
    chain.pop();
    return chain;
  };
  const hull = [...half(sorted), ...half(sorted.slice().reverse())];
  return hull.length ? [...hull, hull[0]] : hull;
}

interface Footprint {
  rings: [number, number][][];
  minZ: number;
  maxZ: number;
  note?: Reason;
}

function footprintOf(geometry: CityGeometry, vertices: Vertex[]): Footprint {
  const surfaces = surfacesOf(geometry);
  const vertex = (index: unknown): Vertex => {
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= vertices.length) {
      const text = String(JSON.stringify(index));
      throw new SkipFeature(
        'bad-coordinate',
        because(`vertex index ${text} is not in the vertices list (${vertices.length} vertices)`, 'issue.cityjson.badVertexIndex', {
          index: text,
          count: vertices.length,
        }),
      );
    }
    const v = vertices[index];
    if (!v.every(Number.isFinite))
      throw new SkipFeature(
        'bad-coordinate',
        because(`vertex ${index} is not a finite [x, y, z]`, 'issue.cityjson.vertexNotFinite', { index }),
      );
    return v;
  };
  let minZ = Infinity;
  let maxZ = -Infinity;
  for (const { surface } of surfaces) {
    if (!Array.isArray(surface))
      throw new SkipFeature('bad-record', because('a surface is not a list of rings', 'issue.cityjson.surfaceNotList'));
    for (const ring of surface) {
      if (!Array.isArray(ring))
        throw new SkipFeature('bad-record', because('a ring is not a list of vertex indices', 'issue.cityjson.ringNotList'));
      for (const index of ring) {
        const z = vertex(index)[2];
        minZ = Math.min(minZ, z);
        maxZ = Math.max(maxZ, z);
      }
    }
  }
  if (!Number.isFinite(minZ))
    throw new SkipFeature(
      'no-geometry',
      because(`${geometry.type} has no vertices`, 'issue.cityjson.noVerticesIn', { type: geometry.type }),
    );
  const atBottom = (surface: Surface) => surface.every((ring) => ring.every((i) => vertex(i)[2] - minZ <= GROUND_TOLERANCE_METERS));
  const semanticGround = surfaces.filter((s) => s.semantic === 'GroundSurface');
  const ground = semanticGround.length > 0 ? semanticGround : surfaces.filter((s) => atBottom(s.surface));
  const to2d = (ring: number[]) => ring.map((i) => [vertex(i)[0], vertex(i)[1]] as [number, number]);
  if (ground.length === 1) return { rings: ground[0].surface.map(to2d), minZ, maxZ };
  const bottom = new Map<number, [number, number]>();
  for (const { surface } of surfaces)
    for (const ring of surface)
      for (const i of ring) if (vertex(i)[2] - minZ <= GROUND_TOLERANCE_METERS) bottom.set(i, [vertex(i)[0], vertex(i)[1]]);
  const all = new Map<number, [number, number]>();
  for (const { surface } of surfaces) for (const ring of surface) for (const i of ring) all.set(i, [vertex(i)[0], vertex(i)[1]]);
  const points = bottom.size >= 3 ? [...bottom.values()] : [...all.values()];
  const why =
    ground.length > 1
      ? { text: `${ground.length} ground surfaces`, message: issueMessage('issue.cityjson.groundSurfaces', { count: ground.length }) }
      : { text: 'no ground surface', message: issueMessage('issue.cityjson.noGroundSurface') };
  const note = because(`footprint is the convex hull of the lowest vertices (${why.text})`, 'issue.repair.convexHull', {
    why: why.message,
  });
  return { rings: [convexHull(points)], minZ, maxZ, note };
}

function projectRings(rings: [number, number][][], project: Project): LonLat[][] {
  return rings.map((ring, r) => ring.map(([x, y], i) => projectXY(x, y, project, within(at.ring(r), at.position(i)))));
}

const isBuilding = (o: JsonObject) => o.type === 'Building';
const isPart = (o: JsonObject) => o.type === 'BuildingPart';

export function readCityJson(input: ImportInput, file: string, options: ImportOptions = {}): ImportResult {
  const { json, encoding } = readJsonObject(input, file, 'CityJSON', options.encoding);
  if (!isObject(json) || json.type !== 'CityJSON') {
    const type = isObject(json) ? json.type : undefined;
    const typeText = JSON.stringify(type ?? null);
    const why =
      type === 'FeatureCollection' || type === 'Feature'
        ? because(`is not CityJSON (type ${typeText}); it is GeoJSON, import it as GeoJSON`, 'issue.cityjson.isGeoJson', { type: typeText })
        : because(`is not CityJSON (type ${typeText})`, 'issue.cityjson.notCityJson', { type: typeText });
    throw new ImportError('not-cityjson', { file, ...why });
  }
  if (!isObject(json.CityObjects))
    throw new ImportError('not-cityjson', { file, ...because('has no "CityObjects"', 'issue.cityjson.noCityObjects') });
  const vertices = readVertices(json, file);
  const objects = json.CityObjects;

  const step = Math.max(1, Math.floor(vertices.length / 1000));
  const samples: CoordinateSample[] = [];
  for (let i = 0; i < vertices.length; i += step) samples.push([vertices[i][0], vertices[i][1]]);
  const metadata = isObject(json.metadata) ? json.metadata : {};
  const referenceSystem = typeof metadata.referenceSystem === 'string' ? metadata.referenceSystem : undefined;
  const resolved = resolveSourceCrs(file, { ...(referenceSystem ? { name: referenceSystem } : {}), samples }, options);

  const collector = new FeatureCollector(file, options.limits);
  const addFeature = (id: string, index: number, object: JsonObject, inherited: JsonObject, parentId?: string) => {
    collector.add({ feature: index, id }, (repairs: RepairLog) => {
      const geometry = chooseGeometry(object);
      if (!geometry) {
        const type = String(object.type);
        throw new SkipFeature(
          'no-geometry',
          because(`${type} "${id}" has no usable geometry (MultiSurface, Solid…)`, 'issue.cityjson.noGeometry', { type, id }),
        );
      }
      const footprint = footprintOf(geometry, vertices);
      if (footprint.note) repairs.push(footprint.note);
      const attributes = isObject(object.attributes) ? object.attributes : {};
      const height = footprint.maxZ - footprint.minZ;
      return {
        id,
        feature: index,
        geometry: { type: 'Polygon', coordinates: finishPolygon(projectRings(footprint.rings, resolved.project), null, repairs) },
        properties: { ...inherited, ...attributes, cityObjectType: object.type, lod: geometry.lod, ...(parentId ? { parentId } : {}) },
        ...(height > 0 ? { heightMeters: height } : {}),
      };
    });
  };

  Object.entries(objects).forEach(([id, object], index) => {
    if (!isObject(object)) return;
    const orphanPart = isPart(object) && !(Array.isArray(object.parents) && object.parents.length > 0);
    if (!isBuilding(object) && !orphanPart) return;
    const parts = (Array.isArray(object.children) ? object.children : [])
      .filter((child): child is string => typeof child === 'string' && isObject(objects[child]) && isPart(objects[child] as JsonObject))
      .filter((child) => chooseGeometry(objects[child] as JsonObject) !== undefined);
    if (chooseGeometry(object) || parts.length === 0) {
      addFeature(id, index, object, {});
      return;
    }
    const inherited = isObject(object.attributes) ? object.attributes : {};
    for (const part of parts) addFeature(part, index, objects[part] as JsonObject, inherited, id);
  });

  const columns = columnsOf(collector.features.map((f) => f.properties));
  return collector.result('buildings', resolved, { encoding, columns });
}

/** CityJSON by its extensions, or a .json whose first bytes say `"type": "CityJSON"`. */
export const cityjsonFormat: FileFormat<'cityjson'> = {
  id: 'cityjson',
  kind: 'file',
  name: { zh: 'CityJSON', en: 'CityJSON' },
  extensions: ['city.json', 'cityjson', 'json'],
  mimeTypes: ['application/city+json'],
  dimension: '3d',
  detect(name, head) {
    if (hasExtension(name, ['city.json', 'cityjson'])) return 1;
    if (!hasExtension(name, ['json']) || !head) return 0;
    return /"type"\s*:\s*"CityJSON"/.test(new TextDecoder('utf-8').decode(head)) ? 0.9 : 0;
  },
  read: (data, file, options) => readCityJson(data, file, options),
};
