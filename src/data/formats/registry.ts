import type { LocalizedText } from '../../core/model/types';
import { cityjsonFormat } from './cityjson';
import { csvFormat } from './csv';
import type { ContainerFormat, ImportFormatEntry, ModelFormat, UrlFormat } from './formatTypes';
import { geojsonFormat } from './geojson';
import { gltfFormat } from './gltf';
import { shapefileFormat } from './shapefile';
import { SNIFF_BYTES, toBytes } from './text';
import { tilesetFormat } from './tileset';
import { zipFormat } from './zip';

/**
 * The import format registry: every format the importer knows, in the order it is listed to the
 * user (help text, file picker, "not a supported format" messages) and in which ties of detection go.
 *
 * To add a format: write one file exporting its entry (see formatTypes.ts: `kind` 'file' for one
 * file per layer, 'multi-file' for parts grouped by stem, 'container' for archives, 'url' for
 * something streamed from a URL, 'model' for a 3D model placed as it is; `detect` from the name and
 * first bytes; `read`), and add it to this list. Nothing else changes: `importFiles`, the drop
 * handler, the URL import, the file picker's `accept` and the help text all loop over this list.
 */
export const IMPORT_FORMATS = [
  geojsonFormat,
  cityjsonFormat,
  csvFormat,
  shapefileFormat,
  zipFormat,
  tilesetFormat,
  gltfFormat,
] as const satisfies readonly ImportFormatEntry[];

export type ImportFormatId = (typeof IMPORT_FORMATS)[number]['id'];
/** Formats the import worker reads into layers (one file, or the parts of one). */
export type ImportFormat = Extract<(typeof IMPORT_FORMATS)[number], { kind: 'file' | 'multi-file' }>['id'];

type Entry = ImportFormatEntry<ImportFormatId>;
const ENTRIES: readonly Entry[] = IMPORT_FORMATS;

/** The most confident entry of the given kinds for a file (ties: the earlier entry), or null. */
export function findImportFormat<K extends Entry['kind']>(
  name: string,
  data: ArrayBuffer | ArrayBufferView | undefined,
  kinds: readonly K[],
): Extract<Entry, { kind: K }> | null {
  const head = data ? toBytes(data).subarray(0, SNIFF_BYTES) : undefined;
  let best: Entry | null = null;
  let bestConfidence = 0;
  for (const entry of ENTRIES) {
    if (!(kinds as readonly string[]).includes(entry.kind)) continue;
    const confidence = entry.detect(name, head);
    if (confidence > bestConfidence) {
      best = entry;
      bestConfidence = confidence;
    }
  }
  return best as Extract<Entry, { kind: K }> | null;
}

/** The format of a file read into layers, from its name, looking into JSON to tell CityJSON from GeoJSON. */
export function detectFormat(name: string, data?: ArrayBuffer | ArrayBufferView): ImportFormat | null {
  return (findImportFormat(name, data, ['file', 'multi-file'])?.id as ImportFormat | undefined) ?? null;
}

/** A 3D model to place as it is (not parsed by the importer), from its file name. */
export function modelFormatOf(name: string): ModelFormat<ImportFormatId> | null {
  return findImportFormat(name, undefined, ['model']);
}

/** The format a URL's JSON is streamed as (a 3D Tiles tileset), recognised by its content. */
export function urlFormatOf(json: unknown): UrlFormat<ImportFormatId> | null {
  return ENTRIES.find((entry): entry is UrlFormat<ImportFormatId> => entry.kind === 'url' && entry.recognize(json)) ?? null;
}

/** The file input's `accept`: every extension of every format a file can be dropped as. */
export function acceptedFileTypes(): string {
  const extensions = ENTRIES.filter((entry) => entry.kind !== 'url').flatMap((entry) => entry.extensions.map((ext) => `.${ext}`));
  return [...new Set(extensions)].join(',');
}

/** "GeoJSON, CityJSON, CSV, shapefile or a zip of them": what the importer reads, for "not a supported format". */
export function readableFormatList(): LocalizedText {
  const readers = ENTRIES.filter((entry) => entry.kind === 'file' || entry.kind === 'multi-file');
  const containers = ENTRIES.filter((entry): entry is ContainerFormat<ImportFormatId> => entry.kind === 'container');
  const list = (language: keyof LocalizedText) => {
    const names = readers.map((entry) => entry.name[language]);
    const last = containers.map((entry) => entry.ofThem[language]);
    const [separator, or] = language === 'zh' ? ['、', ' 或'] : [', ', ' or '];
    if (last.length === 0) return names.length > 1 ? `${names.slice(0, -1).join(separator)}${or}${names.at(-1)}` : names.join('');
    return `${names.join(separator)}${or}${last.join(or)}`;
  };
  return { zh: list('zh'), en: list('en') };
}

/** The formats a user can drop or pick, with their notes, for the import panel's help text. */
export function droppableFormatList(language: keyof LocalizedText): string {
  const items = ENTRIES.filter((entry) => entry.kind !== 'url').map((entry) => {
    const note = entry.note?.[language];
    return note ? (language === 'zh' ? `${entry.name.zh}（${note}）` : `${entry.name.en} (${note})`) : entry.name[language];
  });
  if (language === 'zh') return items.join('、');
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items.join('');
}
