import { readCityJson } from './cityjson';
import { readCsv } from './csv';
import { readGeoJson } from './geojson';
import { ImportError, toImportFailure, type ImportFailure, type ImportOptions, type ImportResult } from './importResult';
import { listShapefileLayers, readShapefile } from './shapefile';
import { SNIFF_BYTES, toBytes } from './text';
import { unzipEntries } from './zip';

/**
 * One call for the import worker: a set of dropped files (name → bytes) in, one result per
 * layer out, and a failure per file that could not be read. Files of one shapefile travel
 * together, also inside a zip.
 */

export type ImportFormat = 'geojson' | 'cityjson' | 'csv' | 'shapefile';

const SHAPEFILE_PARTS = new Set(['shp', 'shx', 'dbf', 'prj', 'cpg', 'sbn', 'sbx', 'qmd', 'xml']);

/** The format of a file from its name, looking into JSON to tell CityJSON from GeoJSON. */
export function detectFormat(name: string, data?: ArrayBuffer | ArrayBufferView): ImportFormat | null {
  const lower = name.toLowerCase();
  const ext = lower.slice(lower.lastIndexOf('.') + 1);
  if (lower.endsWith('.city.json') || ext === 'cityjson') return 'cityjson';
  if (ext === 'geojson') return 'geojson';
  if (ext === 'json') {
    const head = data ? new TextDecoder('utf-8').decode(toBytes(data).subarray(0, SNIFF_BYTES)) : '';
    return /"type"\s*:\s*"CityJSON"/.test(head) ? 'cityjson' : 'geojson';
  }
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (SHAPEFILE_PARTS.has(ext)) return 'shapefile';
  return null;
}

export interface ImportBatch {
  results: ImportResult[];
  failures: ImportFailure[];
}

/** Called after each file or shapefile layer is read: how many of how many, and which. */
export type ImportProgress = (done: number, total: number, file: string) => void;

export function importFiles(files: ReadonlyMap<string, ArrayBuffer | ArrayBufferView>, options: ImportOptions = {}, onProgress?: ImportProgress): ImportBatch {
  const results: ImportResult[] = [];
  const failures: ImportFailure[] = [];
  let done = 0;
  let total = 0;
  const attempt = (read: () => ImportResult, file: string) => {
    try {
      results.push(read());
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      failures.push(toImportFailure(error));
    }
    onProgress?.(++done, total, file);
  };
  const shapefileParts = new Map<string, ArrayBuffer | ArrayBufferView>();
  const loose = new Map<string, ArrayBuffer | ArrayBufferView>();
  for (const [name, data] of files) {
    if (!name.toLowerCase().endsWith('.zip')) loose.set(name, data);
    else
      try {
        for (const [entry, bytes] of unzipEntries(name, data)) loose.set(entry, bytes);
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        failures.push(toImportFailure(error));
      }
  }
  const formats = new Map([...loose].map(([name, data]) => [name, detectFormat(name, data)]));
  for (const [name, data] of loose) if (formats.get(name) === 'shapefile') shapefileParts.set(name, data);
  const shapefileLayers = listShapefileLayers(shapefileParts);
  total = [...formats.values()].filter((f) => f !== null && f !== 'shapefile').length + shapefileLayers.length;
  for (const [name, data] of loose) {
    const format = formats.get(name);
    if (format === 'shapefile') continue;
    else if (format === 'geojson') attempt(() => readGeoJson(data, name, options), name);
    else if (format === 'cityjson') attempt(() => readCityJson(data, name, options), name);
    else if (format === 'csv') attempt(() => readCsv(data, name, options), name);
    else {
      failures.push(toImportFailure(new ImportError('unsupported-format', { file: name, reason: 'is not a supported format: GeoJSON, CityJSON, CSV, shapefile or a zip of them' })));
    }
  }
  for (const layer of shapefileLayers) attempt(() => readShapefile(shapefileParts, { ...options, layer }), layer);
  if (shapefileParts.size > 0 && shapefileLayers.length === 0) {
    const name = [...shapefileParts.keys()][0];
    failures.push(toImportFailure(new ImportError('missing-file', { file: name, reason: 'is part of a shapefile but the .shp is missing' })));
  }
  return { results, failures };
}

export * from './importResult';
export { summarizeImport, type SummaryLocale } from './summary';
export { readGeoJson } from './geojson';
export { readCsv, findCoordinateColumns, type CsvImportOptions, type CoordinateColumns } from './csv';
export { readCityJson } from './cityjson';
export { readShapefile, listShapefileLayers, type ShapefileFiles, type ShapefileImportOptions } from './shapefile';
export type { ImportInput } from './text';
