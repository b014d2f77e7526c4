import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { BYTE_MUTATIONS, hostileText, hostileValue, mutateJson, nested } from './mutations';
import { Random } from './random';

/**
 * The fuzz cases: malformed inputs of every import format, generated from a seed (never stored) by
 * breaking real files — the GDAL-written fixtures of tests/fixtures/formats — bytewise and
 * structurally. Each case is plain data, posted to the budgeted worker as it is.
 */
export type FuzzCase =
  | { kind: 'files'; name: string; files: [name: string, bytes: Uint8Array][] }
  | { kind: 'url'; name: string; url: string; pages: Record<string, string> }
  | { kind: 'model'; name: string; file: [name: string, bytes: Uint8Array] };

const FIXTURES = path.resolve('tests/fixtures/formats');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const folder = (name: string): [string, Uint8Array][] =>
  readdirSync(path.join(FIXTURES, name)).map((file) => [file, new Uint8Array(readFileSync(path.join(FIXTURES, name, file)))]);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const json = (bytes: Uint8Array): unknown => JSON.parse(text(bytes));

/** How many cases of each format a run makes: 330 in all. */
export const CASES_PER_FORMAT = { geojson: 70, csv: 70, shapefile: 60, cityjson: 50, zip: 40, url: 30, gltf: 10 } as const;

function mutateBytes(bytes: Uint8Array, r: Random): { bytes: Uint8Array; how: string } {
  const how = r.pick(Object.keys(BYTE_MUTATIONS));
  return { bytes: BYTE_MUTATIONS[how](bytes, r), how };
}

function geojsonCase(r: Random, i: number): FuzzCase {
  const seed = r.pick(['osm-overpass.geojson', 'buildings-source.geojson', 'facilities-source.geojson', 'paths-source.geojson']);
  const bytes = fixture(seed);
  const name = `g${i}.geojson`;
  if (r.chance(0.5)) {
    const m = mutateBytes(bytes, r);
    return { kind: 'files', name: `geojson ${seed} ${m.how}`, files: [[name, m.bytes]] };
  }
  const broken = mutateJson(json(bytes), r);
  if (r.chance(0.2)) (broken as { crs?: unknown }).crs = hostileValue(r);
  return { kind: 'files', name: `geojson ${seed} structure`, files: [[name, strToU8(JSON.stringify(broken))]] };
}

function csvCase(r: Random, i: number): FuzzCase {
  const seed = r.pick(['facilities-utf8.csv', 'facilities-gbk.csv']);
  const bytes = fixture(seed);
  const name = `c${i}.${r.pick(['csv', 'tsv', 'txt'])}`;
  if (seed.endsWith('gbk.csv') || r.chance(0.4)) {
    const m = mutateBytes(bytes, r);
    return { kind: 'files', name: `csv ${seed} ${m.how}`, files: [[name, m.bytes]] };
  }
  const rows = text(bytes)
    .split('\n')
    .map((line) => line.split(','));
  for (let n = r.int(1, 6); n > 0; n--) {
    const row = r.pick(rows);
    row[r.int(0, row.length)] = hostileText(r).replace(/[,\n]/g, r.pick([',', '\n', ';', '\t', '"']));
  }
  if (r.chance(0.2)) rows.splice(0, 1);
  if (r.chance(0.2)) for (let k = r.int(100, 3000); k > 0; k--) rows.push(r.pick(rows).slice());
  const delimiter = r.pick([',', ',', '\t', ';', '|']);
  const body = rows.map((row) => row.join(delimiter)).join(r.pick(['\n', '\r\n', '\r']));
  return { kind: 'files', name: `csv ${seed} cells`, files: [[name, strToU8(`${r.chance(0.2) ? '\ufeff' : ''}${body}`)]] };
}

/** Little-endian and big-endian integers written into a copy at an offset (when it fits). */
function poke(bytes: Uint8Array, offset: number, value: number, bigEndian: boolean): Uint8Array {
  const out = bytes.slice();
  if (offset + 4 <= out.length) new DataView(out.buffer).setInt32(offset, value, !bigEndian);
  return out;
}

function shapefileCase(r: Random, i: number): FuzzCase {
  const seed = r.pick(['buildings-4549', 'facilities-4528-z', 'paths-4549']);
  const parts = folder(seed);
  const stem = `s${i}`;
  const target = r.pick(['shp', 'shp', 'shp', 'dbf', 'dbf', 'prj', 'cpg', 'missing']);
  let how = target;
  const files: [string, Uint8Array][] = [];
  for (const [file, bytes] of parts) {
    const ext = file.slice(file.lastIndexOf('.') + 1);
    if (target === 'missing' && ext === r.pick(['shp', 'dbf', 'prj'])) continue;
    let out = bytes;
    if (ext === target) {
      if (r.chance(0.5)) {
        const m = mutateBytes(bytes, r);
        out = m.bytes;
        how = `${target} ${m.how}`;
      } else if (ext === 'shp') {
        // Absurd numbers where the format keeps its counts and lengths.
        const offset = r.pick([24, 32, 100, 104, 108, 144, 148, 152, 136]);
        const value = r.pick([-1, 0, 1, 2, 0x7fffffff, -0x80000000, r.int(-1000, 1_000_000)]);
        out = poke(bytes, offset, value, offset === 24 || offset === 100 || offset === 104);
        how = `shp int at ${offset} = ${value}`;
      } else if (ext === 'dbf') {
        const offset = r.pick([4, 8, 10, 48, 80]);
        const value = r.pick([0, 1, 0xffff, 0x7fffffff, r.int(0, 100_000)]);
        out = bytes.slice();
        if (offset === 4) new DataView(out.buffer).setUint32(4, value >>> 0, true);
        else if (offset + 2 <= out.length) new DataView(out.buffer).setUint16(offset, value & 0xffff, true);
        how = `dbf int at ${offset} = ${value}`;
      } else {
        out = strToU8(hostileText(r));
        how = `${ext} text`;
      }
    }
    files.push([`${stem}.${ext}`, out]);
  }
  return { kind: 'files', name: `shapefile ${seed} ${how}`, files };
}

function cityjsonCase(r: Random, i: number): FuzzCase {
  const bytes = fixture('two-buildings.city.json');
  const name = `b${i}.city.json`;
  if (r.chance(0.3)) {
    const m = mutateBytes(bytes, r);
    return { kind: 'files', name: `cityjson ${m.how}`, files: [[name, m.bytes]] };
  }
  const broken = mutateJson(json(bytes), r) as Record<string, unknown>;
  // Shapes CityJSON writers get wrong: children that loop, indices out of range, deep boundaries.
  const objects = broken.CityObjects as Record<string, Record<string, unknown>> | undefined;
  if (objects && typeof objects === 'object' && r.chance(0.5)) {
    const ids = Object.keys(objects);
    const id = r.pick(ids);
    if (objects[id] && typeof objects[id] === 'object')
      objects[id] = r.pick([
        { ...objects[id], children: [id, ...ids], parents: [id] },
        { ...objects[id], type: 'BuildingPart', parents: [] },
        { ...objects[id], geometry: [{ type: 'Solid', lod: 2, boundaries: nested(r.int(5, 1500)) }] },
        { ...objects[id], geometry: [{ type: 'MultiSurface', lod: 1, boundaries: [[[r.int(-5, 1e9), 0.5, 'x']]] }] },
        { ...objects[id], attributes: { deep: nested(r.int(40, 1500)) } },
      ]);
  }
  return { kind: 'files', name: 'cityjson structure', files: [[name, strToU8(JSON.stringify(broken))]] };
}

function zipCase(r: Random, i: number, inner: FuzzCase): FuzzCase {
  const entries: Record<string, Uint8Array> = {};
  if (inner.kind === 'files')
    for (const [file, bytes] of inner.files) entries[`${r.pick(['', 'data/', '__MACOSX/', '../'])}${file}`] = bytes;
  if (r.chance(0.1)) entries['inner.zip'] = zipSync({ 'a.geojson': fixture('osm-overpass.geojson') });
  let zip: Uint8Array = zipSync(entries, { level: r.pick([0, 6, 9]) as 0 | 6 | 9 });
  let how = inner.name;
  const variant = r.int(0, 3);
  if (variant < 2) {
    const m = mutateBytes(zip, r);
    zip = m.bytes;
    how = `zip ${m.how} of ${inner.name}`;
  } else if (variant === 2 && zip.length > 22) {
    // A central directory that lies about sizes or counts.
    const view = new DataView(zip.buffer);
    const central = view.getUint32(zip.length - 22 + 16, true);
    const field = r.pick([20, 24, 28]);
    const value = r.pick([0, 1, 0xffffffff, 0x7fffffff, r.int(0, 1e9)]);
    if (central + field + 4 <= zip.length) view.setUint32(central + field, value >>> 0, true);
    how = `zip central directory +${field} = ${value} of ${inner.name}`;
  }
  return { kind: 'files', name: how, files: [[`z${i}.zip`, zip]] };
}

function urlCase(r: Random, i: number): FuzzCase {
  const base = `http://gis.intranet/ogc/collections/c${i}`;
  const point = (id: number) => ({
    type: 'Feature',
    id,
    properties: { n: id },
    geometry: { type: 'Point', coordinates: [120.1 + id * 1e-4, 30.2] },
  });
  const pages: Record<string, unknown> = {};
  const kind = r.int(0, 3);
  if (kind === 0) {
    // A tileset, broken.
    pages[`${base}/tileset.json`] = mutateJson(
      { asset: { version: '1.1' }, geometricError: 10, root: { geometricError: 0, content: { uri: 'a.b3dm' } } },
      r,
    );
    return { kind: 'url', name: 'url tileset', url: `${base}/tileset.json`, pages: strings(pages, r) };
  }
  pages[base] = { id: `c${i}`, links: [{ rel: 'items', href: `${base}/items` }] };
  const count = r.int(1, 8);
  for (let p = 0; p < count; p++) {
    const url = p === 0 ? `${base}/items` : `${base}/items?page=${p}`;
    const next = r.pick<unknown>([
      `${base}/items?page=${p + 1}`,
      `items?page=${p + 1}`,
      `${base}/items`,
      'http://elsewhere.example/items',
      'http://[::1',
      null,
      hostileValue(r),
    ]);
    pages[url] = {
      type: 'FeatureCollection',
      features: Array.from({ length: r.int(0, 20) }, (_, k) => point(p * 100 + k)),
      links: [{ rel: 'next', href: next }, null, 3],
    };
  }
  if (kind === 2) for (const key of Object.keys(pages)) if (r.chance(0.3)) pages[key] = mutateJson(pages[key], r);
  return { kind: 'url', name: `url pages ${kind}`, url: base, pages: strings(pages, r) };
}

function strings(pages: Record<string, unknown>, r: Random): Record<string, string> {
  return Object.fromEntries(Object.entries(pages).map(([url, body]) => [url, r.chance(0.1) ? hostileText(r) : JSON.stringify(body)]));
}

function gltfCase(r: Random, i: number): FuzzCase {
  const magic = r.chance(0.5) ? new Uint8Array([0x67, 0x6c, 0x54, 0x46]) : new Uint8Array(0);
  const bytes = new Uint8Array([...magic, ...r.bytes(r.int(0, 2000))]);
  return { kind: 'model', name: 'gltf random', file: [`m${i}.${r.pick(['glb', 'gltf', 'GLB', 'bin'])}`, bytes] };
}

/** Every case of a run, in a fixed order, from `seed`. */
export function fuzzCases(seed: number): FuzzCase[] {
  const r = new Random(seed);
  const cases: FuzzCase[] = [];
  const n = CASES_PER_FORMAT;
  for (let i = 0; i < n.geojson; i++) cases.push(geojsonCase(r, i));
  for (let i = 0; i < n.csv; i++) cases.push(csvCase(r, i));
  for (let i = 0; i < n.shapefile; i++) cases.push(shapefileCase(r, i));
  for (let i = 0; i < n.cityjson; i++) cases.push(cityjsonCase(r, i));
  for (let i = 0; i < n.zip; i++) {
    const inner = r.pick([geojsonCase, csvCase, shapefileCase, cityjsonCase])(r, 1000 + i);
    cases.push(zipCase(r, i, inner));
  }
  for (let i = 0; i < n.url; i++) cases.push(urlCase(r, i));
  for (let i = 0; i < n.gltf; i++) cases.push(gltfCase(r, i));
  return cases;
}
