import { eastNorthUpToEcef } from '../../core/geo/ecef';
import { createLocalFrame } from '../../core/geo/localFrame';
import { ringCentroid } from '../../core/geo/polygon';
import type { LonLat, PolygonCoords } from '../../core/model/types';
import { extrudeFootprints } from './extrudeFootprints';
import { writeB3dm } from './writeB3dm';
import { writeGlb } from './writeGlb';

/** A building to write: its footprint, height and the attributes a click on it should show. */
export interface TilesetBuilding {
  id: string;
  footprint: PolygonCoords;
  heightMeters: number;
  properties?: Record<string, string | number | boolean>;
}

export interface TilesetOptions {
  /** Side of the square grid cells that become tiles, metres (default 400: a block or two per tile). */
  cellMeters?: number;
  /** Geometric error of the root, metres: how far away the tiles start to load (default 500). */
  rootGeometricErrorMeters?: number;
}

/**
 * Buildings → a 3D Tiles 1.0 tileset: `tileset.json` and one `b3dm` per grid cell, so a viewer
 * streams only the cells in view. The root carries an east-north-up transform at the set's centre,
 * so tile coordinates stay small (float32-safe to millimetres) and the set lands where it belongs.
 * Every property given becomes a batch-table column, so any 3D Tiles viewer can pick and show it.
 */
export function writeBuildingTileset(buildings: readonly TilesetBuilding[], options: TilesetOptions = {}): Map<string, Uint8Array> {
  if (!buildings.length) throw new Error('a tileset needs at least one building');
  const cellMeters = options.cellMeters ?? 400;
  const centroids = buildings.map((b) => ringCentroid(b.footprint));
  const origin: LonLat = [mean(centroids.map((c) => c[0])), mean(centroids.map((c) => c[1]))];
  const frame = createLocalFrame(origin);

  // Cells start at the south-west-most centroid, so a small set is one tile wherever it lies.
  const local = centroids.map((c) => frame.toLocal(c));
  const minEast = local.reduce((m, p) => Math.min(m, p[0]), Infinity);
  const minNorth = local.reduce((m, p) => Math.min(m, p[1]), Infinity);
  const cells = new Map<string, number[]>();
  local.forEach(([east, north], i) => {
    const key = `${Math.floor((east - minEast) / cellMeters)}_${Math.floor((north - minNorth) / cellMeters)}`;
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  });

  const files = new Map<string, Uint8Array>();
  const children = [...cells.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, members], index) => {
      const items = members.map((i) => buildings[i]);
      const mesh = extrudeFootprints(items, frame);
      const columns = new Set(items.flatMap((b) => Object.keys(b.properties ?? {})));
      const batchTable: Record<string, unknown[]> = { id: items.map((b) => b.id) };
      for (const column of columns) if (column !== 'id') batchTable[column] = items.map((b) => b.properties?.[column] ?? null);
      const uri = `tiles/${index}.b3dm`;
      files.set(uri, writeB3dm(writeGlb(mesh), items.length, batchTable));
      return { boundingVolume: { region: regionOf(items) }, geometricError: 0, content: { uri } };
    });

  const tileset = {
    asset: { version: '1.0', generator: 'Future Community Twin' },
    geometricError: options.rootGeometricErrorMeters ?? 500,
    root: {
      transform: eastNorthUpToEcef(origin[0], origin[1], 0),
      boundingVolume: { region: regionOf(buildings) },
      geometricError: options.rootGeometricErrorMeters ?? 500,
      refine: 'ADD',
      children,
    },
  };
  files.set('tileset.json', new TextEncoder().encode(`${JSON.stringify(tileset, null, 1)}\n`));
  return files;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** [west, south, east, north, minHeight, maxHeight] in radians and metres (EPSG:4979), as 3D Tiles wants. */
function regionOf(buildings: readonly Pick<TilesetBuilding, 'footprint' | 'heightMeters'>[]): number[] {
  let [west, south, east, north, top] = [Infinity, Infinity, -Infinity, -Infinity, 0];
  for (const b of buildings) {
    for (const [lon, lat] of b.footprint[0]) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
    top = Math.max(top, b.heightMeters);
  }
  const rad = (deg: number) => (deg * Math.PI) / 180;
  return [rad(west), rad(south), rad(east), rad(north), 0, top];
}
