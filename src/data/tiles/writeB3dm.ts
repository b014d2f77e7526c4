import { paddedText } from './writeGlb';

/**
 * A Batched 3D Model tile (3D Tiles 1.0 `b3dm`): header, feature table (BATCH_LENGTH), batch table
 * (one JSON array per property, one entry per feature — what a click on a feature shows) and the GLB.
 * Sections are padded to 8 bytes as the specification requires.
 */
export function writeB3dm(glb: Uint8Array, batchLength: number, batchTable: Record<string, unknown[]>): Uint8Array {
  const header = 28;
  const featureJson = paddedText(JSON.stringify({ BATCH_LENGTH: batchLength }), 0x20, 8, header);
  const batchJson = paddedText(JSON.stringify(batchTable), 0x20, 8, header + featureJson.length);
  const glbPadded = new Uint8Array(Math.ceil(glb.length / 8) * 8);
  glbPadded.set(glb);
  const total = header + featureJson.length + batchJson.length + glbPadded.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set([0x62, 0x33, 0x64, 0x6d]); // "b3dm"
  view.setUint32(4, 1, true);
  view.setUint32(8, total, true);
  view.setUint32(12, featureJson.length, true);
  view.setUint32(16, 0, true);
  view.setUint32(20, batchJson.length, true);
  view.setUint32(24, 0, true);
  out.set(featureJson, header);
  out.set(batchJson, header + featureJson.length);
  out.set(glbPadded, header + featureJson.length + batchJson.length);
  return out;
}

/** Reads a b3dm back into its parts (for tests and for checking files written by other tools). */
export function readB3dm(bytes: Uint8Array): {
  featureTable: Record<string, unknown>;
  batchTable: Record<string, unknown[]>;
  glb: Uint8Array;
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (magic !== 'b3dm') throw new Error(`not a b3dm tile (magic "${magic}")`);
  const featureJsonLength = view.getUint32(12, true);
  const featureBinLength = view.getUint32(16, true);
  const batchJsonLength = view.getUint32(20, true);
  const batchBinLength = view.getUint32(24, true);
  let at = 28;
  const text = (length: number) => new TextDecoder().decode(bytes.subarray(at, (at += length))).trim();
  const featureTable = JSON.parse(text(featureJsonLength)) as Record<string, unknown>;
  at += featureBinLength;
  const batchTable = batchJsonLength ? (JSON.parse(text(batchJsonLength)) as Record<string, unknown[]>) : {};
  at += batchBinLength;
  return { featureTable, batchTable, glb: bytes.subarray(at, view.getUint32(8, true)) };
}
