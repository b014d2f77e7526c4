import { because, englishDetail } from '../../core/errors';
import { DEFAULT_IMPORT_LIMITS, tooLarge } from '../limits';
import { ImportError, toImportFailure, type ImportFailure, type ImportOptions, type ImportResult } from './importResult';
import { findImportFormat, readableFormatList, type ImportFormatId } from './registry';
import { toBytes } from './text';

/**
 * One call for the import worker: a set of dropped files (name → bytes) in, one result per
 * layer out, and a failure per file that could not be read. Which format reads a file is the
 * registry's business (registry.ts): containers (zips) are unpacked first, the parts of a
 * multi-file format (shapefile) travel together, also inside a zip.
 *
 * A file over `maxFileBytes` (data/limits.ts) is refused before any reader sees it, and whatever
 * goes wrong in reading one file — even an error no check foresaw — is that file's failure: the
 * other files of the batch always come back.
 */

export { detectFormat, type ImportFormat } from './registry';

export interface ImportBatch {
  results: ImportResult[];
  failures: ImportFailure[];
}

/** Called after each file or shapefile layer is read: how many of how many, and which. */
export type ImportProgress = (done: number, total: number, file: string) => void;

type Bytes = ArrayBuffer | ArrayBufferView;

/** A reader's unforeseen error (a bug, or the engine's own limits) as the failure of its file alone. */
function unreadable(file: string, error: unknown): ImportError {
  const detail = ` (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`.slice(0, 300);
  return new ImportError('unreadable', {
    file,
    ...because(`cannot be read${detail}`, 'issue.file.unreadable', { detail: englishDetail(detail) }),
  });
}

export function importFiles(files: ReadonlyMap<string, Bytes>, options: ImportOptions = {}, onProgress?: ImportProgress): ImportBatch {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const results: ImportResult[] = [];
  const failures: ImportFailure[] = [];
  const fail = (error: unknown, file: string) =>
    failures.push(toImportFailure(error instanceof ImportError ? error : unreadable(file, error)));
  let done = 0;
  let total = 0;
  const attempt = (read: () => ImportResult, file: string) => {
    try {
      results.push(read());
    } catch (error) {
      fail(error, file);
    }
    onProgress?.(++done, total, file);
  };
  /** Files over the size limit are failures at once; no reader sees them. */
  const withinSize = (name: string, data: Bytes) => {
    const bytes = toBytes(data).byteLength;
    if (bytes <= limits.maxFileBytes) return true;
    fail(new ImportError('too-large', { file: name, ...tooLarge(bytes, limits.maxFileBytes, 'maxFileBytes') }), name);
    return false;
  };

  // Containers are opened first (one level deep); their entries are read like dropped files.
  const loose = new Map<string, Bytes>();
  for (const [name, data] of files) {
    if (!withinSize(name, data)) continue;
    const container = findImportFormat(name, data, ['container']);
    if (!container) loose.set(name, data);
    else
      try {
        const { entries, refused } = container.unpack(name, data, limits);
        for (const [entry, bytes] of entries) loose.set(entry, bytes);
        for (const error of refused) fail(error, name);
        if (entries.size === 0 && refused.length === 0)
          fail(new ImportError('empty', { file: name, ...because('holds no files to import', 'issue.zip.noEntries') }), name);
      } catch (error) {
        fail(error, name);
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
    if (format) attempt(() => format.read(data, name, { ...options, limits }), name);
    else {
      const supported = readableFormatList();
      fail(
        new ImportError('unsupported-format', {
          file: name,
          ...because(`is not a supported format: ${supported.en}`, 'issue.format.unsupported', { formats: supported }),
        }),
        name,
      );
    }
  }
  for (const { format, layers: names } of layers) {
    const formatParts = parts.get(format.id)!;
    for (const layer of names) attempt(() => format.read(formatParts, layer, { ...options, limits }), layer);
    if (formatParts.size > 0 && names.length === 0) fail(format.incomplete(formatParts), format.id);
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
