import { describe, expect, it } from 'vitest';
import { ecefFromLonLatHeight, eastNorthUpToEcef } from '../../../../src/core/geo/ecef';
import { createLocalFrame } from '../../../../src/core/geo/localFrame';
import type { LonLat, PolygonCoords } from '../../../../src/core/model/types';
import { readB3dm } from '../../../../src/data/tiles/writeB3dm';
import { writeBuildingTileset } from '../../../../src/data/tiles/writeBuildingTileset';

const ORIGIN: LonLat = [120.1805, 30.269];
const frame = createLocalFrame(ORIGIN);
/** A rectangle in local metres (counter-clockwise), as lon/lat. */
const rectangle = (x0: number, y0: number, x1: number, y1: number): PolygonCoords => [
  [frame.toLonLat(x0, y0), frame.toLonLat(x1, y0), frame.toLonLat(x1, y1), frame.toLonLat(x0, y1), frame.toLonLat(x0, y0)],
];

function parseGlb(glb: Uint8Array) {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  expect(view.getUint32(0, true)).toBe(0x46546c67); // "glTF"
  expect(view.getUint32(8, true)).toBe(glb.byteLength);
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength)));
  const bin = glb.subarray(20 + jsonLength + 8);
  const floats = (accessor: number) => {
    const bv = json.bufferViews[json.accessors[accessor].bufferView];
    return new Float32Array(bin.slice(bv.byteOffset, bv.byteOffset + bv.byteLength).buffer);
  };
  const ints = (accessor: number) => {
    const bv = json.bufferViews[json.accessors[accessor].bufferView];
    return new Uint32Array(bin.slice(bv.byteOffset, bv.byteOffset + bv.byteLength).buffer);
  };
  return { json, positions: floats(0), normals: floats(1), batchIds: floats(2), indices: ints(3) };
}

describe('writeBuildingTileset', () => {
  // Two buildings 30 m apart: a 10 × 20 m block 15 m high and a 12 × 12 m block 30 m high.
  const buildings = [
    { id: 'A', footprint: rectangle(-20, -10, -10, 10), heightMeters: 15, properties: { name: '甲楼', floors: 5 } },
    { id: 'B', footprint: rectangle(10, -6, 22, 6), heightMeters: 30, properties: { name: '乙楼', floors: 10 } },
  ];

  it('writes one tile for nearby buildings, with a batch table a click can show', () => {
    const files = writeBuildingTileset(buildings);
    expect([...files.keys()].sort()).toEqual(['tiles/0.b3dm', 'tileset.json']);
    const tileset = JSON.parse(new TextDecoder().decode(files.get('tileset.json')));
    expect(tileset.asset.version).toBe('1.0');
    expect(tileset.root.children).toHaveLength(1);
    expect(tileset.root.children[0].content.uri).toBe('tiles/0.b3dm');
    const { featureTable, batchTable, glb } = readB3dm(files.get('tiles/0.b3dm')!);
    expect(featureTable.BATCH_LENGTH).toBe(2);
    expect(batchTable).toEqual({ id: ['A', 'B'], name: ['甲楼', '乙楼'], floors: [5, 10] });
    // A rectangle is 4 walls of 2 triangles plus a roof of 2: 10 triangles, 30 indices each.
    const mesh = parseGlb(glb);
    expect(mesh.indices.length).toBe(60);
    expect(new Set(mesh.batchIds)).toEqual(new Set([0, 1]));
    // glTF is Y-up: the highest vertex is the 30 m roof.
    expect(Math.max(...mesh.json.accessors[0].max.slice(1, 2))).toBeCloseTo(30, 3);
  });

  it('faces every roof up and every wall outwards', () => {
    const { glb } = readB3dm(writeBuildingTileset(buildings).get('tiles/0.b3dm')!);
    const { positions, indices } = parseGlb(glb);
    const p = (i: number) => [positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]];
    let roofs = 0;
    for (let t = 0; t < indices.length; t += 3) {
      const [a, b, c] = [p(indices[t]), p(indices[t + 1]), p(indices[t + 2])];
      const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
      const v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
      const n = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
      const centre = [(a[0] + b[0] + c[0]) / 3, (a[2] + b[2] + c[2]) / 3];
      if (Math.abs(n[0]) + Math.abs(n[2]) < 1e-6) {
        expect(n[1]).toBeGreaterThan(0);
        roofs++;
      } else {
        // Outwards: away from the centre of its own building (A is west of x = 0, B east of it).
        const buildingCentre = centre[0] < 0 ? [-15, 0] : [16, 0];
        expect(n[0] * (centre[0] - buildingCentre[0]) + n[2] * (centre[1] - buildingCentre[1])).toBeGreaterThan(0);
      }
    }
    expect(roofs).toBe(4);
  });

  it('splits far-apart buildings into cells, each with its own bounding region', () => {
    const far = [...buildings, { id: 'C', footprint: rectangle(900, 900, 910, 910), heightMeters: 9 }];
    const tileset = JSON.parse(new TextDecoder().decode(writeBuildingTileset(far, { cellMeters: 400 }).get('tileset.json')));
    expect(tileset.root.children).toHaveLength(2);
    const [west, south, east, north, , top] = tileset.root.boundingVolume.region;
    const [lon, lat] = frame.toLonLat(910, 910);
    expect((east * 180) / Math.PI).toBeCloseTo(lon, 9);
    expect((north * 180) / Math.PI).toBeCloseTo(lat, 9);
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
    expect(top).toBe(30);
  });
});

describe('eastNorthUpToEcef', () => {
  it('maps the local origin to the ECEF position of the point, and keeps 100 m as 100 m', () => {
    const m = eastNorthUpToEcef(120.1805, 30.269, 0);
    const [x, y, z] = ecefFromLonLatHeight(120.1805, 30.269, 0);
    expect([m[12], m[13], m[14]]).toEqual([x, y, z]);
    // East axis: 100 m east along the tangent plane lands ~100 m from the origin.
    expect(Math.hypot(m[0] * 100, m[1] * 100, m[2] * 100)).toBeCloseTo(100, 9);
    // Up axis is the ellipsoid normal: at latitude φ its z component is sin φ.
    expect(m[10]).toBeCloseTo(Math.sin((30.269 * Math.PI) / 180), 12);
  });

  it('agrees with the textbook ECEF of a control point', () => {
    // 0°N 0°E on the ellipsoid is (a, 0, 0); the north pole is (0, 0, b) with b = 6356752.314 m.
    expect(ecefFromLonLatHeight(0, 0, 0)).toEqual([6378137, 0, 0]);
    expect(ecefFromLonLatHeight(0, 90, 0)[2]).toBeCloseTo(6356752.314, 3);
  });
});
