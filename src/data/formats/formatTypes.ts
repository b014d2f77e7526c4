import type { ImportError } from '../../core/errors';
import type { LocalizedText } from '../../core/model/types';
import type { ImportLimits } from '../limits';
import type { ImportOptions, ImportResult } from './importResult';

/**
 * What an entry of the import format registry (registry.ts) is: a light description — id, names,
 * extensions, how to recognise a file — and what reads it. One entry per format, in the spirit of
 * loaders.gl's loader objects; `importFiles` and the import panel only ever loop over the list.
 */

interface FormatDescription<Id extends string> {
  id: Id;
  /** Shown in the help text and in "not a supported format" messages. */
  name: LocalizedText;
  /** A few words after the name in the help text: "UTF-8/GBK". */
  note?: LocalizedText;
  /** File name endings it is known by, lower-case, without the dot ('geojson', 'city.json'); the file picker offers them. */
  extensions: readonly string[];
  mimeTypes?: readonly string[];
  dimension: '2d' | '3d';
  /**
   * How sure this is the file's format, from 0 (not it) to 1 (certainly it), from the file name and,
   * when given, its first bytes (up to SNIFF_BYTES). The most confident entry wins; ties go to the
   * earlier entry in the registry.
   */
  detect(name: string, head?: Uint8Array): number;
}

/** One file is one layer: GeoJSON, CityJSON, CSV. */
export interface FileFormat<Id extends string = string> extends FormatDescription<Id> {
  kind: 'file';
  read(data: ArrayBuffer | ArrayBufferView, file: string, options: ImportOptions): ImportResult;
}

/** Several files make a layer, grouped by their common stem: the parts of a shapefile. */
export interface MultiFileFormat<Id extends string = string> extends FormatDescription<Id> {
  kind: 'multi-file';
  /** The layers the parts make up (named by stem); each is read and reported on its own. */
  layers(parts: ReadonlyMap<string, ArrayBuffer | ArrayBufferView>): string[];
  read(parts: ReadonlyMap<string, ArrayBuffer | ArrayBufferView>, layer: string, options: ImportOptions): ImportResult;
  /** Why parts that make no layer cannot be read (the main file is missing). */
  incomplete(parts: ReadonlyMap<string, ArrayBuffer | ArrayBufferView>): ImportError;
}

/** What a container holds: its entries by name (`<container>/<entry>`), and those refused before unpacking (over a limit). */
export interface ContainerEntries {
  entries: Map<string, Uint8Array>;
  refused: ImportError[];
}

/** Holds other files, which are read as if dropped loose (named `<container>/<entry>`): zip. */
export interface ContainerFormat<Id extends string = string> extends FormatDescription<Id> {
  kind: 'container';
  /** How the container is named at the end of a list of formats: "a zip of them". */
  ofThem: LocalizedText;
  /** Throws an ImportError when the container as a whole cannot be read or is over a limit. */
  unpack(name: string, data: ArrayBuffer | ArrayBufferView, limits: ImportLimits): ContainerEntries;
}

/** Streamed by the viewer from a URL, recognised by its content: a 3D Tiles tileset. */
export interface UrlFormat<Id extends string = string> extends FormatDescription<Id> {
  kind: 'url';
  recognize(json: unknown): boolean;
}

/** Handed to the viewer as it is and placed in the scene, never parsed by the importer: glTF/GLB. */
export interface ModelFormat<Id extends string = string> extends FormatDescription<Id> {
  kind: 'model';
}

export type ImportFormatEntry<Id extends string = string> =
  FileFormat<Id> | MultiFileFormat<Id> | ContainerFormat<Id> | UrlFormat<Id> | ModelFormat<Id>;

/** True when `name` ends in one of the extensions (case-insensitive; 'city.json' matches "a.City.JSON"). */
export function hasExtension(name: string, extensions: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((ext) => lower.endsWith(`.${ext}`));
}
