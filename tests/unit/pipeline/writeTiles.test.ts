import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalFrame } from '../../../src/core/geo/localFrame';
import { runWriteTiles } from '../../../src/pipeline/writeTiles';
import { allTiles, readLeaf, type Tile } from '../support/tileset3d';

const COMMITTED = path.resolve('models/tiles/sample-jinghe');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tiles-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const filesOf = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
const tilesetOf = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, 'tileset.json'), 'utf8')) as { asset: { version: string }; geometricError: number; root: Tile };

/** 600 rectangles on a 40 m grid over ≈ 1.2 km × 0.8 km (several 1/512° cells), with every kind of bad feature among them. */
function cityFeatures() {
  const frame = createLocalFrame([120.15, 30.25]);
  const rect = (x: number, y: number, w: number, d: number) => [
    [frame.toLonLat(x, y), frame.toLonLat(x + w, y), frame.toLonLat(x + w, y + d), frame.toLonLat(x, y + d), frame.toLonLat(x, y)],
  ];
  const good = Array.from({ length: 600 }, (_, i) => ({
    type: 'Feature',
    properties: {
      bid: `HZ-${i}`,
      h: 9 + (i % 40),
      floors: 3,
      yearBuilt: 1980 + (i % 40),
      district: i % 2 ? 'xihu' : 'shangcheng',
      name: `楼 ${i}`,
    },
    geometry: { type: 'Polygon', coordinates: rect((i % 30) * 40, Math.floor(i / 30) * 40, 22, 16) },
  }));
  const bad = [
    { type: 'Feature', properties: { h: 10 }, geometry: { type: 'Polygon', coordinates: rect(0, -100, 10, 10) } },
    { type: 'Feature', properties: { bid: 'P1', h: 10 }, geometry: { type: 'Point', coordinates: [120.15, 30.25] } },
    { type: 'Feature', properties: { bid: 'NOH' }, geometry: { type: 'Polygon', coordinates: rect(0, -100, 10, 10) } },
    { type: 'Feature', properties: { bid: 'HZ-3', h: 10 }, geometry: { type: 'Polygon', coordinates: rect(0, -100, 10, 10) } },
    {
      type: 'Feature',
      properties: { bid: 'GK', h: 10 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [500000, 3350000],
            [500010, 3350000],
            [500010, 3350010],
            [500000, 3350000],
          ],
        ],
      },
    },
    // Floors only: 6 × 3 m.
    { type: 'Feature', properties: { bid: 'FL', floors: 6 }, geometry: { type: 'Polygon', coordinates: rect(-60, -60, 10, 10) } },
  ];
  return [...good.slice(0, 300), ...bad, ...good.slice(300)];
}

describe('npm run tiles, package form', () => {
  it('regenerates the committed sample tileset byte for byte (run `npm run tiles -- models/sample-jinghe models/tiles/sample-jinghe` after changing the sample)', async () => {
    const out = tempDir();
    const lines: string[] = [];
    expect(await runWriteTiles(['models/sample-jinghe', out], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/203 buildings in \d+ tiles/);
    expect(filesOf(out)).toEqual(filesOf(COMMITTED));
    for (const name of filesOf(out))
      expect(readFileSync(path.join(out, name)).equals(readFileSync(path.join(COMMITTED, name))), name).toBe(true);
    const tileset = tilesetOf(out);
    expect(tileset.asset.version).toBe('1.1');
    const ids = (
      await Promise.all(
        allTiles(tileset.root)
          .filter((t) => t.content)
          .map((t) => readLeaf(out, t)),
      )
    ).flatMap((l) => l.ids);
    const packageIds = (
      JSON.parse(readFileSync('models/sample-jinghe/buildings.geojson', 'utf8')) as { features: { properties: { id: string } }[] }
    ).features.map((f) => f.properties.id);
    expect(ids.sort()).toEqual(packageIds.sort());
  });

  it('exits 2 with the usage when arguments are missing, and 1 naming the file of a bad package', async () => {
    const lines: string[] = [];
    expect(await runWriteTiles([], (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toContain('usage');
    expect(await runWriteTiles(['--buildings', 'x.geojsonl'], (l) => lines.push(l))).toBe(2);
    expect(await runWriteTiles(['tests/no-such-package', 'out'], (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toContain('manifest.json');
  });
});

describe('npm run tiles, city form (--buildings)', () => {
  const features = cityFeatures();
  const input = tempDir();
  const seq = path.join(input, 'city.geojsonl');
  writeFileSync(seq, features.map((f) => `\u001e${JSON.stringify(f)}`).join('\n'));
  const collection = path.join(input, 'city.geojson');
  // Pretty-printed, so features straddle the reader's chunks and hold braces inside strings.
  writeFileSync(collection, JSON.stringify({ type: 'FeatureCollection', name: 'a "{tricky}" name', features }, null, 2));
  const args = (file: string, out: string) => [
    '--buildings',
    file,
    '--out',
    out,
    '--id-field',
    'bid',
    '--height-field',
    'h',
    '--max-per-tile',
    '100',
  ];

  it('writes a 3D Tiles 1.1 quadtree: every building once in a leaf, ≤ 100 per tile, inner tiles a coarse copy of their largest (REPLACE), errors shrinking to 0, regions holding their content', async () => {
    const out = tempDir();
    const lines: string[] = [];
    expect(await runWriteTiles(args(seq, out), (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toMatch(/wrote .*: 601 buildings in \d+ tiles .*5 skipped/);
    const tileset = tilesetOf(out);
    expect(tileset.asset.version).toBe('1.1');
    // Drawing nothing is worse than any tile: the set's error exceeds the root's, or nothing would show from afar.
    expect(tileset.geometricError).toBeGreaterThan(tileset.root.geometricError);
    const tiles = allTiles(tileset.root);
    const leaves = tiles.filter((t) => !t.children);
    expect(leaves.length).toBeGreaterThan(6);
    for (const tile of tiles) {
      expect(tile.content?.uri).toMatch(/^tiles\/\d+\/\d+\/\d+\.glb$/);
      if (tile.children) {
        // Drawn from afar, replaced by its children up close: no building twice.
        expect(tile.refine).toBe('REPLACE');
        expect(tile.transform).toBeUndefined();
        for (const child of tile.children) {
          expect(child.geometricError).toBeLessThan(tile.geometricError);
          // A child's region lies inside its parent's.
          const [w, s, e, n, , top] = child.boundingVolume.region;
          const [pw, ps, pe, pn, , ptop] = tile.boundingVolume.region;
          expect(w >= pw && s >= ps && e <= pe && n <= pn && top <= ptop).toBe(true);
        }
      } else {
        expect(tile.geometricError).toBe(0);
      }
    }
    const seen: string[] = [];
    const contentOf = new Map<Tile, Awaited<ReturnType<typeof readLeaf>>>();
    for (const tile of tiles) {
      const content = await readLeaf(out, tile);
      contentOf.set(tile, content);
      expect(content.tableClass).toBe('building');
      expect(content.schemaClass.getProperty('id')?.getType()).toBe('STRING');
      expect(content.schemaClass.getProperty('height')?.getComponentType()).toBe('FLOAT32');
      expect(content.featureCount).toBe(content.ids.length);
      expect(content.ids.length).toBeLessThanOrEqual(100);
      expect(content.featureIdAttribute).toBe(0);
      expect(Math.max(...content.featureIds)).toBe(content.ids.length - 1);
      if (!tile.children) seen.push(...content.ids);
      // Every vertex, placed through the node matrix and tile transform, lies in the tile's region (1 cm, 1 mm of height).
      const [w, s, e, n, bottom, top] = tile.boundingVolume.region.map((v, i) => (i < 4 ? (v * 180) / Math.PI : v));
      const eps = 1e-7;
      for (const [lon, lat, h] of content.vertices) {
        expect(lon).toBeGreaterThanOrEqual(w - eps);
        expect(lon).toBeLessThanOrEqual(e + eps);
        expect(lat).toBeGreaterThanOrEqual(s - eps);
        expect(lat).toBeLessThanOrEqual(n + eps);
        expect(h).toBeGreaterThanOrEqual(bottom - 0.001);
        expect(h).toBeLessThanOrEqual(top + 0.001);
      }
      if (content.ids.includes('FL')) expect(content.heights[content.ids.indexOf('FL')]).toBe(18);
      if (content.ids.includes('HZ-7')) expect(content.column('district')[content.ids.indexOf('HZ-7')]).toBe('xihu');
    }
    expect(seen.sort()).toEqual([...Array.from({ length: 600 }, (_, i) => `HZ-${i}`), 'FL'].sort());
    // An inner tile draws the 100 largest of its subtree, largest first, with their metadata. All
    // footprints are 22 m × 16 m, so volume ranks by height (9 + i mod 40; 'FL' 18 m); equal heights
    // differ in area by float rounding only, so the check is by height, not by id.
    const idsUnder = (tile: Tile): string[] => (tile.children ? tile.children.flatMap(idsUnder) : contentOf.get(tile)!.ids);
    const heightOf = (id: string) => (id === 'FL' ? 18 : 9 + (Number(id.slice(3)) % 40));
    for (const tile of tiles.filter((t) => t.children)) {
      const under = idsUnder(tile);
      const content = contentOf.get(tile)!;
      expect(content.ids.length).toBe(Math.min(100, under.length));
      expect(new Set(content.ids).size).toBe(content.ids.length);
      expect(content.ids.every((id) => under.includes(id))).toBe(true);
      expect([...content.heights]).toEqual(content.ids.map(heightOf));
      expect([...content.heights]).toEqual([...content.heights].sort((a, b) => b - a));
      const lowestDrawn = Math.min(...content.heights);
      expect(under.filter((id) => !content.ids.includes(id)).every((id) => heightOf(id) <= lowestDrawn)).toBe(true);
    }
    const skipped = readFileSync(path.join(out, 'skipped.tsv'), 'utf8').trim().split('\n').slice(1);
    expect(skipped).toEqual([
      'city.geojsonl\t300\t\thas no id (field "bid" or the feature\'s id)',
      'city.geojsonl\t301\tP1\tis not a Polygon or MultiPolygon (geometry Point)',
      'city.geojsonl\t302\tNOH\thas no height (field "h", or "floors" × 3 m)',
      'city.geojsonl\t303\tHZ-3\trepeats the id "HZ-3" of an earlier building',
      'city.geojsonl\t304\tGK\thas a position [500000, 3350000] outside longitude/latitude (projected? pass --crs)',
    ]);
    expect(existsSync(path.join(out, '.tiling'))).toBe(false);
  }, 60_000);

  it('reads the same city from a GeoJSON FeatureCollection and from FlatGeobuf, into the same tiles', async () => {
    const fromSeq = tempDir();
    await runWriteTiles(args(seq, fromSeq), () => {});
    const fromCollection = tempDir();
    expect(await runWriteTiles(args(collection, fromCollection), () => {})).toBe(0);
    const fgb = path.join(input, 'city.fgb');
    // FlatGeobuf holds one geometry type: the polygons only.
    writeFileSync(
      fgb,
      serialize({
        type: 'FeatureCollection',
        features: features.filter((f) => f.geometry.type === 'Polygon' && f.properties.bid !== 'GK'),
      } as never),
    );
    const fromFgb = tempDir();
    expect(await runWriteTiles(args(fgb, fromFgb), () => {})).toBe(0);
    const glbs = (dir: string) => filesOf(dir).filter((f) => f.endsWith('.glb'));
    expect(glbs(fromCollection)).toEqual(glbs(fromSeq));
    for (const f of glbs(fromSeq))
      expect(readFileSync(path.join(fromCollection, f)).equals(readFileSync(path.join(fromSeq, f))), f).toBe(true);
    expect(glbs(fromFgb)).toEqual(glbs(fromSeq));
  });

  it('makes the same files on worker threads as on the main thread (--workers 3 against --workers 1), byte for byte', async () => {
    const inline = tempDir();
    const lines: string[] = [];
    expect(await runWriteTiles([...args(seq, inline), '--workers', '1'], (l) => lines.push(l))).toBe(0);
    expect(lines).toContain('pass 2: making tiles on 1 thread');
    const threaded = tempDir();
    const threadedLines: string[] = [];
    expect(await runWriteTiles([...args(seq, threaded), '--workers', '3'], (l) => threadedLines.push(l))).toBe(0);
    expect(threadedLines).toContain('pass 2: making tiles on 3 threads');
    const files = filesOf(inline);
    expect(files.filter((f) => f.endsWith('.glb')).length).toBeGreaterThan(5);
    expect(filesOf(threaded)).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(threaded, f)).equals(readFileSync(path.join(inline, f))), f).toBe(true);
  }, 60_000);

  it('restarts per tile: a rerun after a crash keeps the tiles written and writes only the missing one, to the same result', async () => {
    const out = tempDir();
    await runWriteTiles([...args(seq, out), '--keep-work'], () => {});
    const before = filesOf(out).filter((f) => f.endsWith('.glb'));
    const victim = before[2];
    const bytes = readFileSync(path.join(out, victim));
    unlinkSync(path.join(out, victim));
    const lines: string[] = [];
    // The rerun on worker threads: tiles already written are read back there, not rewritten.
    expect(await runWriteTiles([...args(seq, out), '--workers', '2'], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/pass 1 already done: 601 buildings/);
    expect(lines.at(-1)).toContain(`(${before.length - 1} kept from an earlier run)`);
    expect(readFileSync(path.join(out, victim)).equals(bytes)).toBe(true);
  }, 60_000);
});
