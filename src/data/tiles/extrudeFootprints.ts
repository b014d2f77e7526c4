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

export function extrudeFootprints(items: readonly ExtrusionInput[], frame: LocalFrame): ExtrudedMesh {
  const positions: number[] = [];
  const normals: number[] = [];
  const batchIds: number[] = [];
  const indices: number[] = [];
  const vertex = (east: number, north: number, up: number, normal: [number, number, number], batchId: number) => {
    positions.push(east, up, -north);
    normals.push(normal[0], normal[2], -normal[1]);
    batchIds.push(batchId);
    return batchIds.length - 1;
  };

  items.forEach((item, batchId) => {
    const base = item.baseMeters ?? 0;
    const top = base + item.heightMeters;
    // Rings in local metres, without the closing vertex; exterior counter-clockwise, holes clockwise.
    const rings = item.footprint.map((ring, r) => {
      const local = ring.slice(0, -1).map((p) => frame.toLocal(p));
      const ccw = signedRingAreaM2(local) > 0;
      return (r === 0) === ccw ? local : local.reverse();
    });
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const [x0, y0] = ring[i];
        const [x1, y1] = ring[(i + 1) % ring.length];
        const length = Math.hypot(x1 - x0, y1 - y0);
        if (length === 0) continue;
        // Outward normal of a counter-clockwise exterior edge (holes were reversed, so it points into the hole).
        const normal: [number, number, number] = [(y1 - y0) / length, -(x1 - x0) / length, 0];
        const a = vertex(x0, y0, base, normal, batchId);
        const b = vertex(x1, y1, base, normal, batchId);
        const c = vertex(x1, y1, top, normal, batchId);
        const d = vertex(x0, y0, top, normal, batchId);
        indices.push(a, b, c, a, c, d);
      }
    }
    const flat = rings.flat();
    const holes: number[] = [];
    let offset = 0;
    rings.forEach((ring, r) => {
      if (r > 0) holes.push(offset);
      offset += ring.length;
    });
    const first = batchIds.length;
    for (const [x, y] of flat) vertex(x, y, top, [0, 0, 1], batchId);
    const roof = earcut(flat.flat(), holes.length ? holes : undefined, 2);
    // earcut does not promise a winding; roofs face up when counter-clockwise seen from above.
    for (let t = 0; t + 2 < roof.length; t += 3) {
      const [i, j, k] = [roof[t], roof[t + 1], roof[t + 2]];
      const cross = (flat[j][0] - flat[i][0]) * (flat[k][1] - flat[i][1]) - (flat[j][1] - flat[i][1]) * (flat[k][0] - flat[i][0]);
      if (cross >= 0) indices.push(first + i, first + j, first + k);
      else indices.push(first + i, first + k, first + j);
    }
  });

  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k], positions[i + k]);
      max[k] = Math.max(max[k], positions[i + k]);
    }
  }
  return {
    positions: new Float32Array(positions),
    normals: new Float32Array(normals),
    batchIds: new Float32Array(batchIds),
    indices: new Uint32Array(indices),
    min: positions.length ? min : [0, 0, 0],
    max: positions.length ? max : [0, 0, 0],
  };
}
