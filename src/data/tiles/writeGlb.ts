import type { ExtrudedMesh } from './extrudeFootprints';

/**
 * A binary glTF 2.0 (GLB) of one mesh with positions, normals and the `_BATCHID` attribute that
 * 3D Tiles 1.0 Batched 3D Models use to tell features apart (Cesium picks a feature by it). One
 * plain, slightly rough material; per-feature colour is the viewer's job (3D Tiles styling).
 */
export function writeGlb(mesh: ExtrudedMesh, color: [number, number, number, number] = [0.85, 0.87, 0.9, 1]): Uint8Array {
  const vertexCount = mesh.positions.length / 3;
  const views = [mesh.positions, mesh.normals, mesh.batchIds, mesh.indices];
  const byteLengths = views.map((v) => v.byteLength);
  const offsets: number[] = [];
  let binLength = 0;
  for (const length of byteLengths) {
    offsets.push(binLength);
    binLength += align4(length);
  }
  const gltf = {
    asset: { version: '2.0', generator: 'Future Community Twin' },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0 }],
    meshes: [{ primitives: [{ attributes: { POSITION: 0, NORMAL: 1, _BATCHID: 2 }, indices: 3, material: 0, mode: 4 }] }],
    materials: [{ pbrMetallicRoughness: { baseColorFactor: color, metallicFactor: 0, roughnessFactor: 0.9 } }],
    buffers: [{ byteLength: binLength }],
    bufferViews: [
      { buffer: 0, byteOffset: offsets[0], byteLength: byteLengths[0], target: 34962 },
      { buffer: 0, byteOffset: offsets[1], byteLength: byteLengths[1], target: 34962 },
      { buffer: 0, byteOffset: offsets[2], byteLength: byteLengths[2], target: 34962 },
      { buffer: 0, byteOffset: offsets[3], byteLength: byteLengths[3], target: 34963 },
    ],
    accessors: [
      { bufferView: 0, componentType: 5126, count: vertexCount, type: 'VEC3', min: mesh.min, max: mesh.max },
      { bufferView: 1, componentType: 5126, count: vertexCount, type: 'VEC3' },
      { bufferView: 2, componentType: 5126, count: vertexCount, type: 'SCALAR' },
      { bufferView: 3, componentType: 5125, count: mesh.indices.length, type: 'SCALAR' },
    ],
  };
  const json = paddedText(JSON.stringify(gltf), 0x20);
  const total = 12 + 8 + json.length + 8 + binLength;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true); // "glTF"
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, json.length, true);
  view.setUint32(16, 0x4e4f534a, true); // "JSON"
  out.set(json, 20);
  const binStart = 20 + json.length;
  view.setUint32(binStart, binLength, true);
  view.setUint32(binStart + 4, 0x004e4942, true); // "BIN\0"
  views.forEach((v, i) => out.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), binStart + 8 + offsets[i]));
  return out;
}

export const align4 = (n: number): number => (n + 3) & ~3;

/** UTF-8 bytes of `text`, padded with `pad` to a multiple of `multiple` bytes (GLB and b3dm need 4 or 8). */
export function paddedText(text: string, pad: number, multiple = 4, startOffset = 0): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  const length = Math.ceil((startOffset + bytes.length) / multiple) * multiple - startOffset;
  const out = new Uint8Array(length).fill(pad);
  out.set(bytes);
  return out;
}
