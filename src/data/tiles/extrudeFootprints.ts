import earcut from 'earcut';
import type { LocalFrame } from '../../core/geo/localFrame';
import { signedRingAreaM2 } from '../../core/geo/localFrame';
import type { PolygonCoords } from '../../core/model/types';

/** One extruded solid to write: a footprint and its height, with the feature index it reports when picked. */
export interface ExtrusionInput {
  footprint: PolygonCoords;
  heightMeters: number;
  /** Base height above the ellipsoid, metres (0: on the ground of the community). */
  baseMeters?: number;
}

/**
 * Triangles of extruded footprints in glTF's Y-up frame (x = east, y = up, z = south, metres from the
 * frame's origin), with flat normals and a per-vertex feature index (`_BATCHID`). Walls get their own
 * vertices per face so edges stay sharp; roofs are triangulated with earcut (holes supported).
 */
export interface ExtrudedMesh {
  positions: Float32Array;
  normals: Float32Array;
  batchIds: Float32Array;
  indices: Uint32Array;
  /** [minX, minY, minZ, maxX, maxY, maxZ] of positions (glTF accessors need it). */
  min: [number, number, number];
  max: [number, number, number];
}

/**
 * Written straight into typed arrays sized from the rings (the city tiler extrudes a million
 * buildings; growing number arrays and a small array per vertex were most of its time). The
 * vertices, and so the bytes of a tile, are those of pushing each one in turn.
 */
export function extrudeFootprints(items: readonly ExtrusionInput[], frame: LocalFrame): ExtrudedMesh {
  // Rings in local metres, without the closing vertex; exterior counter-clockwise, holes clockwise.
  const ringsOf = items.map((item) =>
    item.footprint.map((ring, r) => {
      const local = ring.slice(0, -1).map((p) => frame.toLocal(p));
      const ccw = signedRingAreaM2(local) > 0;
      return (r === 0) === ccw ? local : local.reverse();
    }),
  );
  // At most: 4 wall vertices and 6 indices per edge, a roof vertex per ring vertex, and earcut's
  // n + 2·holes − 2 triangles per roof.
  let vertexCapacity = 0;
  let indexCapacity = 0;
  for (const rings of ringsOf)
    for (const ring of rings) {
      vertexCapacity += 5 * ring.length;
      indexCapacity += 6 * ring.length + 3 * (ring.length + 2);
    }
  const positions = new Float32Array(3 * vertexCapacity);
  const normals = new Float32Array(3 * vertexCapacity);
  const batchIds = new Float32Array(vertexCapacity);
  const indices = new Uint32Array(indexCapacity);
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  let vertices = 0;
  let indexCount = 0;
  const vertex = (east: number, north: number, up: number, nx: number, ny: number, nz: number, batchId: number) => {
    const at = 3 * vertices;
    const south = -north;
    positions[at] = east;
    positions[at + 1] = up;
    positions[at + 2] = south;
    normals[at] = nx;
    normals[at + 1] = nz;
    normals[at + 2] = -ny;
    batchIds[vertices] = batchId;
    if (east < min[0]) min[0] = east;
    if (east > max[0]) max[0] = east;
    if (up < min[1]) min[1] = up;
    if (up > max[1]) max[1] = up;
    if (south < min[2]) min[2] = south;
    if (south > max[2]) max[2] = south;
    return vertices++;
  };

  items.forEach((item, batchId) => {
    const base = item.baseMeters ?? 0;
    const top = base + item.heightMeters;
    const rings = ringsOf[batchId];
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const [x0, y0] = ring[i];
        const [x1, y1] = ring[(i + 1) % ring.length];
        const length = Math.hypot(x1 - x0, y1 - y0);
        if (length === 0) continue;
        // Outward normal of a counter-clockwise exterior edge (holes were reversed, so it points into the hole).
        const nx = (y1 - y0) / length;
        const ny = -(x1 - x0) / length;
        const a = vertex(x0, y0, base, nx, ny, 0, batchId);
        const b = vertex(x1, y1, base, nx, ny, 0, batchId);
        const c = vertex(x1, y1, top, nx, ny, 0, batchId);
        const d = vertex(x0, y0, top, nx, ny, 0, batchId);
        indices[indexCount++] = a;
        indices[indexCount++] = b;
        indices[indexCount++] = c;
        indices[indexCount++] = a;
        indices[indexCount++] = c;
        indices[indexCount++] = d;
      }
    }
    const holes: number[] = [];
    const coords: number[] = [];
    const first = vertices;
    rings.forEach((ring, r) => {
      if (r > 0) holes.push(coords.length / 2);
      for (const [x, y] of ring) {
        coords.push(x, y);
        vertex(x, y, top, 0, 0, 1, batchId);
      }
    });
    const roof = earcut(coords, holes.length ? holes : undefined, 2);
    // earcut does not promise a winding; roofs face up when counter-clockwise seen from above.
    for (let t = 0; t + 2 < roof.length; t += 3) {
      const [i, j, k] = [roof[t], roof[t + 1], roof[t + 2]];
      const cross =
        (coords[2 * j] - coords[2 * i]) * (coords[2 * k + 1] - coords[2 * i + 1]) -
        (coords[2 * j + 1] - coords[2 * i + 1]) * (coords[2 * k] - coords[2 * i]);
      indices[indexCount++] = first + i;
      indices[indexCount++] = first + (cross >= 0 ? j : k);
      indices[indexCount++] = first + (cross >= 0 ? k : j);
    }
  });

  return {
    positions: positions.slice(0, 3 * vertices),
    normals: normals.slice(0, 3 * vertices),
    batchIds: batchIds.slice(0, vertices),
    indices: indices.slice(0, indexCount),
    min: vertices ? min : [0, 0, 0],
    max: vertices ? max : [0, 0, 0],
  };
}
