import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { PNG } from 'pngjs';
import type { TiledBuilding } from '../../../src/data/tiles/buildingGlb';
import { tileBuildings } from '../../../src/data/tiles/tileBuildings';

/** A 256 × 256 PNG of one colour with a darker 32 px grid, so tiles show (and differ) on screen. */
function tilePng([r, g, b]: [number, number, number]): Buffer {
  const png = new PNG({ width: 256, height: 256 });
  for (let y = 0; y < 256; y++)
    for (let x = 0; x < 256; x++) {
      const i = (y * 256 + x) * 4;
      const line = x % 32 === 0 || y % 32 === 0 ? 0.6 : 1;
      png.data.set([r * line, g * line, b * line, 255], i);
    }
  return PNG.sync.write(png);
}

/** The 762 real OSM buildings of central Hangzhou as city buildings (ids `osm-<seq>`), the real small case. */
export function osmCityBuildings(): TiledBuilding[] {
  const json = JSON.parse(readFileSync('models/context/hangzhou-central-osm/buildings.geojson', 'utf8')) as {
    features: {
      properties: { seq: number; name?: string; building?: string; height_m: number };
      geometry: { type: string; coordinates: unknown };
    }[];
  };
  return json.features
    .filter((f) => f.geometry.type === 'Polygon')
    .map((f) => ({
      id: `osm-${f.properties.seq}`,
      parts: [f.geometry.coordinates as TiledBuilding['parts'][number]],
      heightMeters: f.properties.height_m,
      attributes: {
        ...(f.properties.name ? { name: f.properties.name } : {}),
        use: f.properties.building ?? 'yes',
        district: 'shangcheng',
      },
    }));
}

/**
 * A small base served from local files, written afresh for each test run: an XYZ pyramid (Web
 * Mercator, levels 0–2), a WMTS REST pyramid in a CGCS2000 geographic (EPSG:4490) tile matrix set,
 * a GeoTIFF DEM with a 300 m hill at the community, a DEM in a coordinate system the app cannot read,
 * and the OSM buildings as a 3D Tiles 1.1 city tileset. Never the internet.
 */
export async function writeBaseFixtures(centre: [number, number]): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'base-fixtures-'));
  const write = (name: string, bytes: Uint8Array | Buffer | string) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  };
  const xyz = tilePng([200, 80, 200]);
  for (let z = 0; z <= 2; z++) for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) write(`xyz/${z}/${x}/${y}.png`, xyz);
  const wmts = tilePng([60, 170, 230]);
  for (let z = 0; z <= 2; z++)
    for (let col = 0; col < 2 ** (z + 1); col++)
      for (let row = 0; row < 2 ** z; row++) write(`wmts/EPSG:4490:${z}/${row}/${col}.png`, wmts);

  // A 0.1° × 0.1° DEM (≈ 10 km) around the community, 101 × 101 posts: a Gaussian hill of 300 m.
  const size = 101;
  const step = 0.001;
  const heights = new Float32Array(size * size);
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) heights[r * size + c] = 300 * Math.exp(-(((c - 50) / 15) ** 2 + ((r - 50) / 15) ** 2));
  const dem = (code: Record<string, number>) =>
    new Uint8Array(
      writeArrayBuffer(heights, {
        width: size,
        height: size,
        ModelPixelScale: [step, step, 0],
        ModelTiepoint: [0, 0, 0, centre[0] - 0.05, centre[1] + 0.05, 0],
        GTModelTypeGeoKey: 'ProjectedCSTypeGeoKey' in code ? 1 : 2,
        GTRasterTypeGeoKey: 1,
        ...code,
      }),
    );
  write('dem/hill-4490.tif', dem({ GeographicTypeGeoKey: 4490 }));
  // Xi'an 1980 / 3-degree GK zone 40: a datum the app refuses (crs.ts), as a deployer's old DEM might be.
  write('dem/xian80.tif', dem({ ProjectedCSTypeGeoKey: 2385 }));
  for (const [name, bytes] of await tileBuildings(osmCityBuildings())) write(`city/${name}`, bytes);
  // The same buildings at ≤ 50 a tile: a tree with coarse inner tiles, as a city's tileset has.
  for (const [name, bytes] of await tileBuildings(osmCityBuildings(), 50)) write(`city-lod/${name}`, bytes);
  return dir;
}
