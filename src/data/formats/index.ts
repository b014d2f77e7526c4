import { because } from '../../core/errors';
import { ImportError, toImportFailure, type ImportFailure, type ImportOptions, type ImportResult } from './importResult';
import { findImportFormat, readableFormatList, type ImportFormatId } from './registry';

/**
 * One call for the import worker: a set of dropped files (name → bytes) in, one result per
 * layer out, and a failure per file that could not be read. Which format reads a file is the
 * registry's business (registry.ts): containers (zips) are unpacked first, the parts of a
 * multi-file format (shapefile) travel together, also inside a zip.
 */

export { detectFormat, type ImportFormat } from './registry';

export interface ImportBatch {
  results: ImportResult[];
  failures: ImportFailure[];
}

/** Called after each file or shapefile layer is read: how many of how many, and which. */
export type ImportProgress = (done: number, total: number, file: string) => void;

type Bytes = ArrayBuffer | ArrayBufferView;

export function importFiles(files: ReadonlyMap<string, Bytes>, options: ImportOptions = {}, onProgress?: ImportProgress): ImportBatch {
  const results: ImportResult[] = [];
  const failures: ImportFailure[] = [];
  const fail = (error: unknown) => {
    if (!(error instanceof ImportError)) throw error;
    failures.push(toImportFailure(error));
  };
  let done = 0;
  let total = 0;
  const attempt = (read: () => ImportResult, file: string) => {
    try {
      results.push(read());
    } catch (error) {
      fail(error);
    }
    onProgress?.(++done, total, file);
  };

  // Containers are opened first (one level deep); their entries are read like dropped files.
  const loose = new Map<string, Bytes>();
  for (const [name, data] of files) {
    const container = findImportFormat(name, data, ['container']);
    if (!container) loose.set(name, data);
    else
      try {
        for (const [entry, bytes] of container.unpack(name, data)) loose.set(entry, bytes);
      } catch (error) {
        fail(error);
      }
  }

  const formats = new Map([...loose].map(([name, data]) => [name, findImportFormat(name, data, ['file', 'multi-file'])]));
  // Parts of multi-file formats, grouped by format; each format makes layers of its parts.
  const parts = new Map<ImportFormatId, Map<string, Bytes>>();
  for (const [name, data] of loose) {
    const format = formats.get(name);
    if (format?.kind !== 'multi-file') continue;
    if (!parts.has(format.id)) parts.set(format.id, new Map());
    parts.get(format.id)!.set(name, data);
  }
  const multiFile = [...new Set([...formats.values()])].filter((f) => f?.kind === 'multi-file');
  const layers = multiFile.map((format) => ({ format, layers: format.layers(parts.get(format.id)!) }));
  total = [...formats.values()].filter((f) => f?.kind === 'file').length + layers.reduce((sum, l) => sum + l.layers.length, 0);

  for (const [name, data] of loose) {
    const format = formats.get(name);
    if (format?.kind === 'multi-file') continue;
    if (format) attempt(() => format.read(data, name, options), name);
    else {
      const supported = readableFormatList();
      fail(
        new ImportError('unsupported-format', {
          file: name,
          ...because(`is not a supported format: ${supported.en}`, 'issue.format.unsupported', { formats: supported }),
        }),
      );
    }
  }
  for (const { format, layers: names } of layers) {
    const formatParts = parts.get(format.id)!;
    for (const layer of names) attempt(() => format.read(formatParts, layer, options), layer);
    if (formatParts.size > 0 && names.length === 0) fail(format.incomplete(formatParts));
  }
  return { results, failures };
}

export * from './importResult';
export { IMPORT_FORMATS, acceptedFileTypes, droppableFormatList, readableFormatList, type ImportFormatId } from './registry';
export { readGeoJson } from './geojson';
export { readCsv, findCoordinateColumns, type CsvImportOptions, type CoordinateColumns } from './csv';
export { readCityJson } from './cityjson';
export { readShapefile, listShapefileLayers, type ShapefileFiles, type ShapefileImportOptions } from './shapefile';
export type { ImportInput } from './text';
