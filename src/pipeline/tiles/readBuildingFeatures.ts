/**
 * Building features streamed from a file, one at a time, whatever the size of the file:
 * GeoJSON-seq / newline-delimited GeoJSON (`.geojsonl`, `.geojsons`, `.ndjson`, `.jsonl`; RFC 8142's
 * record separators allowed), a GeoJSON FeatureCollection (`.geojson`, `.json`: its `features` array
 * is cut into features as the bytes arrive, never parsed whole), FlatGeobuf (`.fgb`, the flatgeobuf
 * package's streaming reader) and shapefiles (`.shp` with its .dbf/.prj/.cpg, read by the app's own
 * importer, which holds one layer: a shapefile is at most 2 GB by its format).
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { readShapefile } from '../../data/formats/shapefile';

/** A feature as read, before any check: GeoJSON's shape. */
export interface SourceFeature {
  /** 0-based position in the file (line of a sequence, index in `features`, record of a shapefile). */
  index: number;
  id?: unknown;
  geometry: unknown;
  properties: Record<string, unknown> | null;
}

export const SEQUENCE_EXTENSIONS = ['.geojsonl', '.geojsons', '.geojsonseq', '.ndjson', '.jsonl'];

export function formatOfFile(file: string): 'sequence' | 'collection' | 'flatgeobuf' | 'shapefile' | null {
  const ext = path.extname(file).toLowerCase();
  if (SEQUENCE_EXTENSIONS.includes(ext)) return 'sequence';
  if (ext === '.geojson' || ext === '.json') return 'collection';
  if (ext === '.fgb') return 'flatgeobuf';
  if (ext === '.shp') return 'shapefile';
  return null;
}

/** A record that could not be parsed at all: the tiler reports it as skipped and goes on. */
export class UnreadableFeature {
  constructor(
    readonly index: number,
    readonly reason: string,
  ) {}
}

export async function* readBuildingFeatures(file: string): AsyncGenerator<SourceFeature | UnreadableFeature> {
  switch (formatOfFile(file)) {
    case 'sequence':
      yield* readSequence(file);
      return;
    case 'collection':
      yield* readCollection(file);
      return;
    case 'flatgeobuf':
      yield* readFlatGeobuf(file);
      return;
    case 'shapefile':
      yield* readShapefileFeatures(file);
      return;
    default:
      throw new Error(`${file}: not a buildings file (GeoJSON, GeoJSON-seq, FlatGeobuf or shapefile)`);
  }
}

function featureOf(json: unknown, index: number): SourceFeature | UnreadableFeature {
  const f = json as { type?: unknown; id?: unknown; geometry?: unknown; properties?: unknown };
  if (typeof f !== 'object' || f === null || f.type !== 'Feature') return new UnreadableFeature(index, 'is not a GeoJSON Feature');
  const properties = typeof f.properties === 'object' && f.properties !== null ? (f.properties as Record<string, unknown>) : null;
  return { index, id: f.id, geometry: f.geometry, properties };
}

async function* readSequence(file: string): AsyncGenerator<SourceFeature | UnreadableFeature> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let index = 0;
  for await (const raw of lines) {
    // RFC 8142 starts each record with the record separator (0x1E).
    const line = (raw.charCodeAt(0) === 0x1e ? raw.slice(1) : raw).trim();
    if (!line) continue;
    try {
      yield featureOf(JSON.parse(line), index);
    } catch (error) {
      yield new UnreadableFeature(index, `is not valid JSON (${(error as Error).message})`);
    }
    index++;
  }
}

/**
 * The features of a FeatureCollection as they stream in: after the top-level `"features": [`, each
 * object at depth 1 of the array is cut out by counting braces outside strings, then parsed alone.
 * Memory holds one feature's text, not the file.
 */
async function* readCollection(file: string): AsyncGenerator<SourceFeature | UnreadableFeature> {
  let state: 'seek' | 'array' | 'done' = 'seek';
  let head = '';
  let current = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let index = 0;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    if (state === 'seek') {
      head += chunk;
      // The key at the top level of the collection (a "features" key nested in a property would come after it).
      const match = /"features"\s*:\s*\[/.exec(head);
      if (!match) {
        if (head.length > 1 << 20) throw new Error(`${file}: no "features" list in the first MiB: not a GeoJSON FeatureCollection`);
        continue;
      }
      state = 'array';
      const rest = head.slice(match.index + match[0].length);
      head = '';
      yield* scan(rest);
      continue;
    }
    if (state === 'array') yield* scan(chunk);
  }
  if (state === 'seek') throw new Error(`${file}: no "features" list: not a GeoJSON FeatureCollection`);

  function* scan(text: string): Generator<SourceFeature | UnreadableFeature> {
    let start = depth > 0 ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) inString = false;
        continue;
      }
      if (c === 0x22) inString = true;
      else if (c === 0x7b) {
        if (depth === 0) start = i;
        depth++;
      } else if (c === 0x7d) {
        depth--;
        if (depth === 0) {
          const featureText = current + text.slice(start, i + 1);
          current = '';
          start = -1;
          try {
            yield featureOf(JSON.parse(featureText), index);
          } catch (error) {
            yield new UnreadableFeature(index, `is not valid JSON (${(error as Error).message})`);
          }
          index++;
        }
      } else if (c === 0x5d && depth === 0) {
        state = 'done';
        return;
      }
    }
    if (depth > 0) current += text.slice(start);
  }
}

async function* readFlatGeobuf(file: string): AsyncGenerator<SourceFeature | UnreadableFeature> {
  const stream = Readable.toWeb(createReadStream(file, { highWaterMark: 1 << 20 })) as unknown as ReadableStream;
  let index = 0;
  for await (const feature of deserialize(stream)) yield featureOf({ ...feature, type: 'Feature' }, index++);
}

async function* readShapefileFeatures(file: string): AsyncGenerator<SourceFeature | UnreadableFeature> {
  const base = file.slice(0, -path.extname(file).length);
  const name = path.basename(base);
  const files = new Map<string, Uint8Array>();
  for (const ext of ['.shp', '.shx', '.dbf', '.prj', '.cpg']) {
    const part = `${base}${ext}`;
    if (existsSync(part)) files.set(`${name}${ext}`, readFileSync(part));
  }
  const result = readShapefile(files);
  for (const skipped of result.skipped) yield new UnreadableFeature(skipped.feature ?? 0, skipped.reason);
  for (const f of result.features) yield { index: f.feature ?? 0, id: f.id, geometry: f.geometry, properties: f.properties };
}
