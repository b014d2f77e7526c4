import { unzipSync } from 'fflate';
import { because, englishDetail } from '../../core/errors';
import { hasExtension, type ContainerFormat } from './formatTypes';
import { ImportError } from './importResult';
import { toBytes } from './text';

/** Entries that are not data: folders and the resource forks macOS adds to zips. */
const isJunk = (name: string) => name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\._/.test(name);

/**
 * The entries of a zip (a zipped shapefile is the common case) as loose files named
 * `<zip>/<entry>`, so the readers see ordinary files and shapefile parts stay together.
 */
export function unzipEntries(name: string, data: ArrayBuffer | ArrayBufferView): Map<string, Uint8Array> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(toBytes(data));
  } catch (error) {
    const detail = ` (${(error as Error).message})`;
    throw new ImportError('unsupported-format', {
      file: name,
      ...because(`is not a readable zip file${detail}`, 'issue.zip.unreadable', { detail: englishDetail(detail) }),
    });
  }
  const out = new Map<string, Uint8Array>();
  for (const [entry, bytes] of Object.entries(entries)) if (!isJunk(entry)) out.set(`${name}/${entry}`, bytes);
  return out;
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
  unpack: unzipEntries,
};
