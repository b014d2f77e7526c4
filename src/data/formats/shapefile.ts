import { because, type DataIssue } from '../../core/errors';
import type { CoordinateSample } from '../../core/geo/crs';
import type { LonLat, PolygonCoords } from '../../core/model/types';
import { pointInPolygon } from '../../core/geo/polygon';
import { dbfEncoding, readDbf, type DbfTable } from './dbf';
import { FeatureCollector } from './featureCollector';
import { hasExtension, type MultiFileFormat } from './formatTypes';
import {
  at,
  finishLine,
  finishPolygon,
  isCounterClockwise,
  projectXY,
  SkipFeature,
  within,
  type Project,
  type RepairLog,
} from './geometry';
import { ImportError, pickId, type ImportedGeometry, type ImportOptions, type ImportResult } from './importResult';
import { inferKind } from './inferKind';
import { resolveSourceCrs } from './sourceCrs';
import { toBytes } from './text';

/**
 * ESRI shapefiles (.shp + .dbf + .prj + .cpg; .shx is not needed for a sequential read), after the
 * ESRI Shapefile Technical Description (July 1998): a 100-byte big/little-endian header, then
 * records of Point, MultiPoint, PolyLine and Polygon shapes and their Z and M variants (Z and M
 * values are ignored: footprints are 2D). MultiPatch is not supported.
 *
 * Files come as a map of name → bytes, so a zip reader (or a folder picker) can feed it as is;
 * names are matched case-insensitively by base name, folders included ("a/b.SHP" ↔ "a/b.dbf").
 */

export type ShapefileFiles = ReadonlyMap<string, ArrayBuffer | ArrayBufferView> | Readonly<Record<string, ArrayBuffer | ArrayBufferView>>;

export interface ShapefileImportOptions extends ImportOptions {
  /** Which layer when the files hold several .shp: its base name ("buildings" or "data/buildings"). */
  layer?: string;
}

const FILE_CODE = 9994;
const HEADER_BYTES = 100;

function entriesOf(files: ShapefileFiles): [string, Uint8Array][] {
  const entries = files instanceof Map ? [...files.entries()] : Object.entries(files as Record<string, ArrayBuffer | ArrayBufferView>);
  return entries.map(([name, data]) => [name, toBytes(data)]);
}

const splitName = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? { base: name, ext: '' } : { base: name.slice(0, dot), ext: name.slice(dot + 1).toLowerCase() };
};

/** Base names of the .shp files in a set, e.g. ["buildings", "roads"]. */
export function listShapefileLayers(files: ShapefileFiles): string[] {
  return entriesOf(files)
    .map(([name]) => splitName(name))
    .filter((n) => n.ext === 'shp')
    .map((n) => n.base);
}

interface Layer {
  shpName: string;
  shp: Uint8Array;
  dbf?: { name: string; bytes: Uint8Array };
  prj?: string;
  cpg?: string;
}

function pickLayer(files: ShapefileFiles, layer?: string): Layer {
  const entries = entriesOf(files);
  const layers = listShapefileLayers(files);
  if (layers.length === 0) {
    throw new ImportError('missing-file', {
      file: entries[0]?.[0] ?? 'shapefile',
      ...because('no .shp file among the files given', 'issue.shapefile.noShp'),
    });
  }
  // Several layers and no choice: the first is read; the caller can list them with listShapefileLayers.
  const wanted = layer ?? layers[0];
  const sibling = (ext: string) =>
    entries.find(([name]) => {
      const n = splitName(name);
      return n.ext === ext && n.base.toLowerCase() === wanted.toLowerCase();
    });
  const shp = sibling('shp');
  if (!shp) {
    throw new ImportError('missing-file', {
      file: `${wanted}.shp`,
      ...because(`no layer "${wanted}" (layers: ${layers.join(', ')})`, 'issue.shapefile.noLayer', { layer: wanted, layers }),
    });
  }
  const text = (ext: string) => {
    const entry = sibling(ext);
    return entry ? new TextDecoder('utf-8').decode(entry[1]).trim() : undefined;
  };
  const dbf = sibling('dbf');
  const prj = text('prj');
  const cpg = text('cpg');
  return {
    shpName: shp[0],
    shp: shp[1],
    ...(dbf ? { dbf: { name: dbf[0], bytes: dbf[1] } } : {}),
    ...(prj ? { prj } : {}),
    ...(cpg ? { cpg } : {}),
  };
}

interface ShapeRecord {
  index: number;
  shapeType: number;
  /** The whole file (one view shared by every record: a view per record was most of the cost of a large file). */
  view: DataView;
  /** Where the content after the shape type starts in the file, and its length in bytes. */
  start: number;
  length: number;
}

function readRecords(bytes: Uint8Array, file: string, collector: FeatureCollector): ShapeRecord[] {
  if (bytes.length < HEADER_BYTES) {
    throw new ImportError('invalid-shapefile', {
      file,
      ...because(`is too short for a shapefile header (${bytes.length} bytes)`, 'issue.shapefile.tooShort', { bytes: bytes.length }),
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== FILE_CODE) {
    const code = view.getInt32(0, false);
    throw new ImportError('invalid-shapefile', {
      file,
      ...because(`is not a shapefile (file code ${code}, expected ${FILE_CODE})`, 'issue.shapefile.badFileCode', {
        code,
        expected: FILE_CODE,
      }),
    });
  }
  const declaredEnd = view.getInt32(24, false) * 2;
  const end = Math.min(bytes.length, declaredEnd > HEADER_BYTES ? declaredEnd : bytes.length);
  const records: ShapeRecord[] = [];
  let offset = HEADER_BYTES;
  for (let index = 0; offset + 8 <= end; index++) {
    const contentBytes = view.getInt32(offset + 4, false) * 2;
    const start = offset + 8;
    if (contentBytes < 4 || start + contentBytes > bytes.length) {
      collector.skip(
        { feature: index },
        'bad-record',
        because(
          `record ${index + 1} is truncated or corrupt (content of ${contentBytes} bytes at offset ${start})`,
          'issue.shapefile.recordCorrupt',
          {
            record: index + 1,
            bytes: contentBytes,
            offset: start,
          },
        ),
      );
      break;
    }
    records.push({ index, shapeType: view.getInt32(start, true), view, start: start + 4, length: contentBytes - 4 });
    offset = start + contentBytes;
  }
  return records;
}

const POINT = new Set([1, 11, 21]);
const MULTIPOINT = new Set([8, 18, 28]);
const POLYLINE = new Set([3, 13, 23]);
const POLYGON = new Set([5, 15, 25]);

/** Raw (x, y) parts of a record, in file coordinates; throws SkipFeature for null or corrupt shapes. */
function rawParts(record: ShapeRecord): { kind: 'point' | 'multipoint' | 'line' | 'polygon'; parts: [number, number][][] } {
  const { view, shapeType, length, start } = record;
  const need = (bytes: number) => {
    if (bytes > length)
      throw new SkipFeature(
        'bad-record',
        because(`shape needs ${bytes} bytes but has ${length}`, 'issue.shapefile.shapeShort', { need: bytes, has: length }),
      );
  };
  const int = (at: number) => view.getInt32(start + at, true);
  const point = (at: number): [number, number] => [view.getFloat64(start + at, true), view.getFloat64(start + at + 8, true)];
  if (shapeType === 0) throw new SkipFeature('no-geometry', because('null shape', 'issue.shapefile.nullShape'));
  if (POINT.has(shapeType)) {
    need(16);
    return { kind: 'point', parts: [[point(0)]] };
  }
  if (MULTIPOINT.has(shapeType)) {
    need(36);
    const n = int(32);
    if (n < 1) throw new SkipFeature('bad-record', because(`MultiPoint with ${n} points`, 'issue.shapefile.badPointCount', { points: n }));
    need(36 + 16 * n);
    return { kind: 'multipoint', parts: [Array.from({ length: n }, (_, i) => point(36 + 16 * i))] };
  }
  if (POLYLINE.has(shapeType) || POLYGON.has(shapeType)) {
    need(40);
    const numParts = int(32);
    const numPoints = int(36);
    if (numParts < 1 || numPoints < 1) {
      throw new SkipFeature(
        'no-geometry',
        because(`shape with ${numParts} parts and ${numPoints} points`, 'issue.shapefile.emptyShape', {
          parts: numParts,
          points: numPoints,
        }),
      );
    }
    const pointsAt = 40 + 4 * numParts;
    need(pointsAt + 16 * numPoints);
    const starts = Array.from({ length: numParts }, (_, i) => int(40 + 4 * i));
    const parts = starts.map((from, i) => {
      const to = i + 1 < numParts ? starts[i + 1] : numPoints;
      if (from < 0 || to > numPoints || from >= to) {
        throw new SkipFeature(
          'bad-record',
          because(`part ${i} has invalid point range ${from}–${to}`, 'issue.shapefile.badPartRange', { part: i, from, to }),
        );
      }
      return Array.from({ length: to - from }, (_, k) => point(pointsAt + 16 * (from + k)));
    });
    return { kind: POLYGON.has(shapeType) ? 'polygon' : 'line', parts };
  }
  throw new SkipFeature(
    'unsupported-geometry',
    shapeType === 31
      ? because('MultiPatch shapes are not supported', 'issue.shapefile.multiPatch')
      : because(`unknown shape type ${shapeType}`, 'issue.shapefile.unknownShapeType', { type: shapeType }),
  );
}

/**
 * Shapefile polygons list rings flat: outer rings clockwise, holes counter-clockwise. Each hole
 * goes to the smallest outer ring that contains it; a "hole" inside no outer ring is taken as an
 * outer ring (as GDAL does), and if no ring is clockwise at all the writer ignored orientation and
 * every ring is an outer ring. With swapped axes the file's orientation is mirrored.
 */
function assemblePolygons(rings: LonLat[][], mirrored: boolean): LonLat[][][] {
  const isOuter = rings.map((ring) => isCounterClockwise(ring) === mirrored);
  if (!isOuter.some(Boolean)) return rings.map((ring) => [ring]);
  const polygons: LonLat[][][] = rings.filter((_, i) => isOuter[i]).map((ring) => [ring]);
  const areaOf = (ring: LonLat[]) => {
    let sum = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    return Math.abs(sum);
  };
  rings.forEach((ring, i) => {
    if (isOuter[i]) return;
    const containers = polygons.filter((p) => pointInPolygon(ring[0], [p[0]] as PolygonCoords));
    if (containers.length === 0) {
      polygons.push([ring]);
      return;
    }
    containers.sort((a, b) => areaOf(a[0]) - areaOf(b[0]))[0].push(ring);
  });
  return polygons;
}

function toGeometry(record: ShapeRecord, project: Project, mirrored: boolean, repairs: RepairLog): ImportedGeometry {
  const { kind, parts } = rawParts(record);
  const projected = parts.map((part, p) => part.map(([x, y], i) => projectXY(x, y, project, within(at.part(p), at.pointN(i)))));
  switch (kind) {
    case 'point':
      return { type: 'Point', coordinates: projected[0][0] };
    case 'multipoint':
      return projected[0].length === 1
        ? { type: 'Point', coordinates: projected[0][0] }
        : { type: 'MultiPoint', coordinates: projected[0] };
    case 'line': {
      const lines = projected.map((line, i) => finishLine(line, at.part(i)));
      return lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };
    }
    default: {
      const polygons = assemblePolygons(projected, mirrored);
      if (polygons.length === 1) return { type: 'Polygon', coordinates: finishPolygon(polygons[0], null, repairs) };
      return { type: 'MultiPolygon', coordinates: polygons.map((rings, p) => finishPolygon(rings, at.polygon(p), repairs)) };
    }
  }
}

function firstPoint(record: ShapeRecord): CoordinateSample | undefined {
  try {
    return rawParts(record).parts[0]?.[0];
  } catch {
    return undefined;
  }
}

export function readShapefile(files: ShapefileFiles, options: ShapefileImportOptions = {}): ImportResult {
  const layer = pickLayer(files, options.layer);
  const file = layer.shpName;
  const collector = new FeatureCollector(file, options.limits);
  const records = readRecords(layer.shp, file, collector);
  const warnings: DataIssue[] = [];

  let table: DbfTable | undefined;
  let encoding: string | undefined;
  if (layer.dbf) {
    const chosen = dbfEncoding(layer.dbf.bytes, layer.cpg, options.encoding);
    encoding = chosen.encoding;
    table = readDbf(layer.dbf.bytes, layer.dbf.name, chosen.encoding);
    const missing = table.missingRecords;
    if (missing > 0) {
      warnings.push({
        file: layer.dbf.name,
        ...because(`is truncated: ${missing} record(s) announced in its header are missing`, 'issue.dbf.truncated', { count: missing }),
      });
    }
    if (table.records.length !== records.length) {
      const [dbf, shp] = [table.records.length, records.length];
      warnings.push({
        file: layer.dbf.name,
        ...because(`has ${dbf} records but the .shp has ${shp}; attributes are matched by position`, 'issue.dbf.countMismatch', {
          dbf,
          shp,
        }),
      });
    }
  } else {
    warnings.push({ file, ...because('has no .dbf beside it: features are imported without attributes', 'issue.shapefile.noDbf') });
  }

  const samples = records
    .slice(0, 1000)
    .map(firstPoint)
    .filter((p): p is CoordinateSample => p !== undefined);
  if (!layer.prj && !options.sourceCrs) {
    warnings.push({
      file,
      ...because('has no .prj beside it: the coordinate system is guessed from the coordinates', 'issue.shapefile.noPrj'),
    });
  }
  const resolved = resolveSourceCrs(file, { ...(layer.prj ? { wkt: layer.prj } : {}), samples }, options);

  let deleted = 0;
  for (const record of records) {
    const attributes = table?.records[record.index];
    if (attributes === null) {
      deleted++;
      continue;
    }
    const properties: Record<string, unknown> = { ...(attributes ?? {}) };
    const id = pickId(properties);
    collector.add({ feature: record.index, ...(id !== undefined ? { id } : {}) }, (repairs) => ({
      ...(id !== undefined ? { id } : {}),
      feature: record.index,
      geometry: toGeometry(record, resolved.project, resolved.axesSwapped, repairs),
      properties,
    }));
  }
  if (deleted > 0) {
    warnings.push({
      file: layer.dbf?.name ?? file,
      ...because(`${deleted} record(s) marked deleted in the .dbf were left out`, 'issue.dbf.deleted', { count: deleted }),
    });
  }

  const columns = table?.fields.map((f) => f.name) ?? [];
  return collector.result(inferKind(collector.features, columns), resolved, { warnings, columns, ...(encoding ? { encoding } : {}) });
}

/** The files that make up a shapefile (and its index and metadata files, which travel along unread). */
const SHAPEFILE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg', 'sbn', 'sbx', 'qmd', 'xml'];

/** Shapefiles: the parts are grouped by stem, one layer per .shp. */
export const shapefileFormat: MultiFileFormat<'shapefile'> = {
  id: 'shapefile',
  kind: 'multi-file',
  name: { zh: 'Shapefile', en: 'shapefile' },
  note: { zh: '.shp .dbf .prj .cpg 一起选', en: 'pick .shp .dbf .prj .cpg together' },
  extensions: SHAPEFILE_PARTS,
  mimeTypes: ['application/x-esri-shape'],
  dimension: '2d',
  detect: (name) => (hasExtension(name, SHAPEFILE_PARTS) ? 1 : 0),
  layers: (parts) => listShapefileLayers(parts),
  read: (parts, layer, options) => readShapefile(parts, { ...options, layer }),
  incomplete: (parts) =>
    new ImportError('missing-file', {
      file: [...parts.keys()][0] ?? 'shapefile',
      ...because('is part of a shapefile but the .shp is missing', 'issue.shapefile.shpMissing'),
    }),
};
