import { because } from '../../core/errors';
import type { CoordinateSample } from '../../core/geo/crs';
import { FeatureCollector } from './featureCollector';
import { columnsOf } from './fieldNames';
import { hasExtension, type FileFormat } from './formatTypes';
import { readGeoJsonGeometry, SkipFeature } from './geometry';
import { ImportError, pickId, type ImportOptions, type ImportResult } from './importResult';
import { inferKind } from './inferKind';
import { readJsonObject } from './json';
import { resolveSourceCrs } from './sourceCrs';
import type { ImportInput } from './text';

/**
 * GeoJSON (RFC 7946, plus the 2008 `crs` member still written by GDAL/QGIS for projected data):
 * a FeatureCollection, a single Feature or a bare geometry. Output of overpass-turbo and
 * osmtogeojson is read with OSM tags as properties and `@id` ("way/123") as the id.
 * Features with unusable geometry are skipped with a located reason; the rest import.
 */

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);
/** Features whose first position is sampled to check or guess the CRS. */
const CRS_SAMPLE_FEATURES = 1000;

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The CRS name of a 2008-style `crs` member: {type: "name", properties: {name}} or {type: "EPSG", properties: {code}}. */
function crsMemberName(crs: unknown): string | undefined {
  if (!isObject(crs) || !isObject(crs.properties)) return undefined;
  if (typeof crs.properties.name === 'string') return crs.properties.name;
  const code = crs.properties.code;
  return typeof code === 'number' || typeof code === 'string' ? `EPSG:${code}` : undefined;
}

/** The first [x, y] found inside a coordinates array, however deeply nested. */
function firstPosition(coordinates: unknown): CoordinateSample | undefined {
  let value = coordinates;
  for (let depth = 0; depth < 6 && Array.isArray(value); depth++) {
    if (typeof value[0] === 'number' && typeof value[1] === 'number') return [value[0], value[1]];
    value = value[0];
  }
  return undefined;
}

/**
 * osmtogeojson writes {type: "way", id: 123, tags: {...}, meta, relations}; overpass-turbo's
 * export flattens that to {"@id": "way/123", building: "yes", ...}. Both become the flat form.
 */
function osmProperties(properties: JsonObject): JsonObject {
  if (!isObject(properties.tags)) return properties;
  const { tags, type, id, meta: _meta, relations: _relations, ...rest } = properties;
  const osmId = typeof type === 'string' && (typeof id === 'number' || typeof id === 'string') ? { '@id': `${type}/${id}` } : {};
  return { ...osmId, ...rest, ...(tags as JsonObject) };
}

function featuresOf(json: JsonObject, file: string): unknown[] {
  if (json.type === 'FeatureCollection') {
    if (!Array.isArray(json.features)) {
      throw new ImportError('not-geojson', {
        file,
        ...because('is a FeatureCollection without a "features" list', 'issue.geojson.noFeatures'),
      });
    }
    return json.features;
  }
  if (json.type === 'Feature') return [json];
  if (typeof json.type === 'string' && GEOMETRY_TYPES.has(json.type)) return [{ type: 'Feature', properties: {}, geometry: json }];
  if (json.type === 'CityJSON')
    throw new ImportError('not-geojson', {
      file,
      ...because('is CityJSON, not GeoJSON; import it as CityJSON', 'issue.geojson.isCityJson'),
    });
  if (Array.isArray(json.elements)) {
    throw new ImportError('not-geojson', {
      file,
      ...because('is raw Overpass JSON, not GeoJSON; export it as GeoJSON from overpass-turbo', 'issue.geojson.isOverpass'),
    });
  }
  const type = JSON.stringify(json.type ?? null);
  throw new ImportError('not-geojson', { file, ...because(`is not GeoJSON (type ${type})`, 'issue.geojson.notGeoJson', { type }) });
}

export function readGeoJson(input: ImportInput, file: string, options: ImportOptions = {}): ImportResult {
  const { json, encoding } = readJsonObject(input, file, 'GeoJSON', options.encoding);
  if (!isObject(json)) throw new ImportError('not-geojson', { file, ...because('is not a JSON object', 'issue.json.notObject') });
  const features = featuresOf(json, file);

  const samples: CoordinateSample[] = [];
  for (const f of features.slice(0, CRS_SAMPLE_FEATURES)) {
    const position = isObject(f) && isObject(f.geometry) ? firstPosition(f.geometry.coordinates) : undefined;
    if (position) samples.push(position);
  }
  const crsName = crsMemberName(json.crs);
  // RFC 7946: without a crs member coordinates are WGS84 lon/lat, wherever in the world they are;
  // only values that cannot be lon/lat (Gauss-Krüger metres) are worth a guess.
  const lonLatLike = samples.filter(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90).length >= samples.length / 2;
  const rfc7946 = { crs: 'EPSG:4326' as const, ...because('no crs member: RFC 7946 longitude/latitude', 'issue.crs.rfc7946') };
  const resolved = resolveSourceCrs(file, { ...(crsName ? { name: crsName } : {}), samples }, options, lonLatLike ? rfc7946 : undefined);
  if (!crsName && !options.sourceCrs && resolved.sourceCrs === 'EPSG:4326' && resolved.crs.reason.startsWith('guessed')) {
    resolved.crs = { ...resolved.crs, ...because(`${rfc7946.reason}, which the coordinates fit`, 'issue.crs.rfc7946Fits') };
  }

  const collector = new FeatureCollector(file, options.limits);
  features.forEach((raw, index) => {
    const properties = isObject(raw) && isObject(raw.properties) ? osmProperties(raw.properties) : {};
    const rawId = isObject(raw) ? raw.id : undefined;
    const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : pickId(properties);
    collector.add({ feature: index, ...(id !== undefined ? { id } : {}) }, (repairs) => {
      if (!isObject(raw) || (raw.type !== 'Feature' && !('geometry' in raw))) {
        const type = JSON.stringify(isObject(raw) ? (raw.type ?? null) : typeof raw);
        throw new SkipFeature('bad-record', because(`not a GeoJSON Feature (type ${type})`, 'issue.geojson.notFeature', { type }));
      }
      return {
        ...(id !== undefined ? { id } : {}),
        feature: index,
        geometry: readGeoJsonGeometry(raw.geometry, resolved.project, repairs),
        properties,
      };
    });
  });

  const columns = columnsOf(collector.features.map((f) => f.properties));
  return collector.result(inferKind(collector.features, columns), resolved, { encoding, columns });
}

/** GeoJSON files; a .json is GeoJSON unless CityJSON recognises itself in it. */
export const geojsonFormat: FileFormat<'geojson'> = {
  id: 'geojson',
  kind: 'file',
  name: { zh: 'GeoJSON', en: 'GeoJSON' },
  extensions: ['geojson', 'json'],
  mimeTypes: ['application/geo+json', 'application/json'],
  dimension: '2d',
  detect: (name) => (hasExtension(name, ['geojson']) ? 1 : hasExtension(name, ['json']) ? 0.5 : 0),
  read: (data, file, options) => readGeoJson(data, file, options),
};
