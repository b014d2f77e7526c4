import { Zip, ZipDeflate, strToU8 } from 'fflate';

/**
 * Inputs a hostile or careless user can feed the importer, built in memory (never stored): the cases
 * of the hostile-input regression tests and of `tests/bench/hostileInputs.ts`, which runs one of them
 * in a fresh process so its time and peak memory can be measured with `/usr/bin/time -v`.
 */

const encoder = new TextEncoder();

/** A CSV of points whose first longitude is `cell` (quoted when needed). */
export function csvWithCell(cell: string): Uint8Array {
  const quoted = /[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  return encoder.encode(`id,lon,lat\nA,${quoted},30.27\nB,120.16,30.28\n`);
}

/** `1°` then `spaces` spaces then `x`: cubic in the old degree-minute-second pattern. */
export const degreeThenSpaces = (spaces: number): string => `1°${' '.repeat(spaces)}x`;

/** `digits` digits then `x`: quadratic in the old number pattern. */
export const digitsThenLetter = (digits: number): string => `${'1'.repeat(digits)}x`;

/**
 * A realistic POI table of about `bytes` bytes (AMap-style export: id, name, type, address,
 * lon/lat, phone column left empty), for the memory of a large CSV.
 */
export function poiCsv(bytes: number): Uint8Array {
  const lines = ['id,name,type,address,lon,lat,tel,note'];
  let size = lines[0].length + 1;
  for (let i = 0; size < bytes; i++) {
    const lon = (120.1 + (i % 997) * 0.0001).toFixed(6);
    const lat = (30.2 + (i % 991) * 0.0001).toFixed(6);
    const line = `P${i},便民服务点${i},社区服务;便民服务,上城区某某街道${i % 300}号,${lon},${lat},,第${i % 50}网格`;
    lines.push(line);
    size += encoder.encode(line).length + 1;
  }
  return encoder.encode(`${lines.join('\n')}\n`);
}

/** A table of short rows (id, lon, lat, name) of about `bytes` bytes: ~140,000 rows in 4.6 MB, the shape that costs most per byte. */
export function shortRowCsv(bytes: number): Uint8Array {
  const lines = ['id,lon,lat,name'];
  let size = lines[0].length + 1;
  for (let i = 0; size < bytes; i++) {
    const line = `P${i},${(120.1 + (i % 997) * 1e-4).toFixed(6)},${(30.2 + (i % 991) * 1e-4).toFixed(6)},点${i % 100}`;
    lines.push(line);
    size += encoder.encode(line).length + 1;
  }
  return encoder.encode(`${lines.join('\n')}\n`);
}

/**
 * A zip of about `zipBytes` bytes whose one entry, `zeros.csv`, inflates to about 1,000 times that
 * (deflate's best ratio on zeros is ~1030:1), built by streaming so the test never holds the
 * inflated bytes itself.
 */
export function zipOfZeros(zipBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const entry = new ZipDeflate('zeros.csv', { level: 9 });
  zip.add(entry);
  const block = new Uint8Array(1 << 20);
  const blocks = Math.round(zipBytes / 1030);
  for (let i = 0; i < blocks; i++) entry.push(block, i === blocks - 1);
  zip.end();
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A GeoJSON point whose properties nest `depth` objects deep, and a plain point beside it. */
export function deeplyNestedGeoJson(depth: number): Uint8Array {
  const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return encoder.encode(
    `{"type":"FeatureCollection","features":[` +
      `{"type":"Feature","properties":{"id":"deep","x":${nested}},"geometry":{"type":"Point","coordinates":[120.15,30.27]}},` +
      `{"type":"Feature","properties":{"id":"plain"},"geometry":{"type":"Point","coordinates":[120.16,30.28]}}]}`,
  );
}

/**
 * A shapefile of raw records: [shape type, content bytes after the type]. Header and record
 * headers as in the ESRI Shapefile Technical Description (big-endian lengths in 16-bit words).
 */
export function shapefileOf(records: readonly [type: number, content: Uint8Array][]): Uint8Array {
  const length = 100 + records.reduce((sum, [, content]) => sum + 12 + content.length, 0);
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 9994, false);
  view.setInt32(24, length / 2, false);
  view.setInt32(28, 1000, true);
  let at = 100;
  records.forEach(([type, content], i) => {
    view.setInt32(at, i + 1, false);
    view.setInt32(at + 4, (4 + content.length) / 2, false);
    view.setInt32(at + 8, type, true);
    bytes.set(content, at + 12);
    at += 12 + content.length;
  });
  return bytes;
}

/** `count` null shapes (type 0): an export of a layer whose geometries were all lost. */
export const nullShapes = (count: number): Uint8Array => shapefileOf(Array.from({ length: count }, () => [0, new Uint8Array(0)] as const));

/** A MultiPoint record (type 8) with a bounding box, `declared` points and `actual` points of data. */
export function multiPoint(declared: number, actual: readonly [number, number][]): Uint8Array {
  const content = new DataView(new ArrayBuffer(36 + 16 * actual.length));
  content.setInt32(32, declared, true);
  actual.forEach(([x, y], i) => {
    content.setFloat64(36 + 16 * i, x, true);
    content.setFloat64(44 + 16 * i, y, true);
  });
  return shapefileOf([[8, new Uint8Array(content.buffer)]]);
}

/** The .prj ArcGIS writes for WGS 84 longitude/latitude. */
export const WGS84_PRJ = strToU8(
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
);

export const plainGeoJson = (): Uint8Array =>
  strToU8(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'ok' }, geometry: { type: 'Point', coordinates: [120.15, 30.27] } }],
    }),
  );
