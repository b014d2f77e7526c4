import { unzipSync, type UnzipFileInfo } from 'fflate';
import { because, englishDetail } from '../../core/errors';
import { DEFAULT_IMPORT_LIMITS, formatBytes, INFLATE_RATIO_FLOOR_BYTES, tooLarge, type ImportLimits } from '../limits';
import { hasExtension, type ContainerEntries, type ContainerFormat } from './formatTypes';
import { ImportError } from './importResult';
import { toBytes } from './text';

/** Entries that are not data: folders and the resource forks macOS adds to zips. */
const isJunk = (name: string) => name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\._/.test(name);

/** Why an entry is refused before it is inflated, from the sizes the zip's central directory declares; null if it may be. */
function refusal(entry: UnzipFileInfo, limits: ImportLimits): ReturnType<typeof tooLarge> | null {
  if (entry.originalSize > limits.maxFileBytes) return tooLarge(entry.originalSize, limits.maxFileBytes, 'maxFileBytes');
  const ratio = entry.originalSize / Math.max(1, entry.size);
  if (entry.originalSize > INFLATE_RATIO_FLOOR_BYTES && ratio > limits.maxInflateRatio) {
    const [from, to, times, max] = [formatBytes(entry.size), formatBytes(entry.originalSize), Math.round(ratio), limits.maxInflateRatio];
    return because(
      `would inflate from ${from} to ${to}, ${times} times, more than the ${max} times data compresses by (limit maxInflateRatio)`,
      'issue.limit.inflateRatio',
      { from, to, times, max, key: 'maxInflateRatio' },
    );
  }
  return null;
}

/**
 * The entries of a zip (a zipped shapefile is the common case) as loose files named
 * `<zip>/<entry>`, so the readers see ordinary files and shapefile parts stay together.
 *
 * Nothing is inflated before the sizes the central directory declares pass the limits: each entry
 * at most `maxFileBytes` and `maxInflateRatio` times its compressed size, all together at most
 * `maxInflatedBytes` (a 1 MB zip of zeros declares ~1 GiB and is refused in milliseconds). An entry
 * refused is a failure of its own; the other entries are read. A zip that lies about a size cannot
 * get past it either: fflate inflates each entry into a buffer of exactly the declared size and
 * drops what would overflow it.
 */
export function unzipEntries(
  name: string,
  data: ArrayBuffer | ArrayBufferView,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): ContainerEntries {
  const refused: ImportError[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    // The filter sees every entry's declared sizes before fflate inflates the ones it lets through.
    entries = unzipSync(toBytes(data), {
      filter: (entry) => {
        if (isJunk(entry.name)) return false;
        const why = refusal(entry, limits);
        if (why) refused.push(new ImportError('too-large', { file: `${name}/${entry.name}`, ...why }));
        return !why;
      },
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const detail = ` (${(error as Error).message})`;
    throw new ImportError('unsupported-format', {
      file: name,
      ...because(`is not a readable zip file${detail}`, 'issue.zip.unreadable', { detail: englishDetail(detail) }),
    });
  }
  const out = new Map<string, Uint8Array>();
  for (const [entry, bytes] of Object.entries(entries)) out.set(`${name}/${entry}`, bytes);
  return { entries: out, refused };
}

/**
 * The sum of the declared sizes, checked before anything is inflated: fflate's filter runs entry by
 * entry as it inflates, so the total is added up in a first pass that inflates nothing.
 */
function checkDeclaredTotal(name: string, data: ArrayBuffer | ArrayBufferView, limits: ImportLimits): void {
  let total = 0;
  try {
    unzipSync(toBytes(data), {
      filter: (entry) => {
        if (!isJunk(entry.name) && !refusal(entry, limits)) total += entry.originalSize;
        return false;
      },
    });
  } catch {
    return; // Not a readable zip: unzipEntries says so.
  }
  if (total > limits.maxInflatedBytes) {
    const [size, max] = [formatBytes(total), formatBytes(limits.maxInflatedBytes)];
    throw new ImportError('too-large', {
      file: name,
      ...because(`would inflate to ${size}, more than the ${max} a zip may hold (limit maxInflatedBytes)`, 'issue.limit.zipTooLarge', {
        size,
        max,
        key: 'maxInflatedBytes',
      }),
    });
  }
}

/** Zips of any of the formats (one level deep): their entries are read as loose files. */
export const zipFormat: ContainerFormat<'zip'> = {
  id: 'zip',
  kind: 'container',
  name: { zh: 'zip 压缩包', en: 'zip' },
  note: { zh: '内含以上格式', en: 'of the formats above' },
  ofThem: { zh: '它们的 zip 压缩包', en: 'a zip of them' },
  extensions: ['zip'],
  mimeTypes: ['application/zip'],
  dimension: '2d',
  detect: (name) => (hasExtension(name, ['zip']) ? 1 : 0),
  unpack: (name, data, limits) => {
    checkDeclaredTotal(name, data, limits);
    return unzipEntries(name, data, limits);
  },
};
