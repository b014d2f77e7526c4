import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NodeIO } from '@gltf-transform/core';
import {
  EXTMeshFeatures,
  EXTStructuralMetadata,
  type Features,
  type PropertyTable,
  type StructuralMetadata,
} from '@gltf-transform/extensions';
import { WGS84_A_METERS, WGS84_E2 } from '../../../src/core/geo/localFrame';

/** A tile of a written 3D Tiles 1.1 tileset, as a test looks at it. */
export interface Tile {
  boundingVolume: { region: number[] };
  geometricError: number;
  refine?: string;
  transform?: number[];
  content?: { uri: string };
  children?: Tile[];
}

const io = new NodeIO().registerExtensions([EXTMeshFeatures, EXTStructuralMetadata]);

export const allTiles = (tile: Tile): Tile[] => [tile, ...(tile.children ?? []).flatMap(allTiles)];

/** Longitude, latitude (degrees) and height of an ECEF point (Bowring's formula, sub-millimetre on Earth). */
export function lonLatHeightOfEcef([x, y, z]: number[]): [number, number, number] {
  const a = WGS84_A_METERS;
  const b = a * Math.sqrt(1 - WGS84_E2);
  const ep2 = (a * a - b * b) / (b * b);
  const p = Math.hypot(x, y);
  const theta = Math.atan2(z * a, p * b);
  const lat = Math.atan2(z + ep2 * b * Math.sin(theta) ** 3, p - WGS84_E2 * a * Math.cos(theta) ** 3);
  const n = a / Math.sqrt(1 - WGS84_E2 * Math.sin(lat) ** 2);
  return [(Math.atan2(y, x) * 180) / Math.PI, (lat * 180) / Math.PI, p / Math.cos(lat) - n];
}

function columnStrings(table: PropertyTable, key: string): string[] {
  const property = table.getProperty(key)!;
  const bytes = property.getValues();
  const offsets = new Uint32Array(property.getStringOffsets()!.slice().buffer);
  const decoder = new TextDecoder();
  return Array.from({ length: table.getCount() }, (_, i) => decoder.decode(bytes.subarray(offsets[i], offsets[i + 1])));
}

/**
 * A tile's content read back with glTF-Transform: the metadata schema, the `id` column, the
 * feature ids per vertex, and every vertex in longitude/latitude/height through the glTF node's
 * matrix (inner tiles place their content so), glTF Y-up turned Z-up as 3D Tiles specifies, and
 * the tile transform (leaves).
 */
export async function readLeaf(dir: string, tile: Tile) {
  const document = await io.readBinary(new Uint8Array(readFileSync(path.join(dir, tile.content!.uri))));
  const metadata = document.getRoot().getExtension<StructuralMetadata>('EXT_structural_metadata')!;
  const schema = metadata.getSchema()!;
  const table = metadata.listPropertyTables()[0];
  const primitive = document.getRoot().listMeshes()[0].listPrimitives()[0];
  const features = primitive.getExtension<Features>('EXT_mesh_features')!;
  const featureId = features.listFeatureIDs()[0];
  const positions = primitive.getAttribute('POSITION')!.getArray()!;
  const m = tile.transform ?? [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
  const node = document.getRoot().listNodes()[0].getMatrix();
  const vertices: [number, number, number][] = [];
  for (let i = 0; i < positions.length; i += 3) {
    const p = [0, 1, 2].map((r) => node[r] * positions[i] + node[4 + r] * positions[i + 1] + node[8 + r] * positions[i + 2] + node[12 + r]);
    // Y-up → Z-up: (x, y, z) → (x, −z, y), then the column-major tile transform.
    const [x, y, z] = [p[0], -p[2], p[1]];
    vertices.push(lonLatHeightOfEcef([0, 1, 2].map((r) => m[r] * x + m[4 + r] * y + m[8 + r] * z + m[12 + r])));
  }
  return {
    schemaClass: schema.getClass('building')!,
    tableClass: table.getClass(),
    ids: columnStrings(table, 'id'),
    column: (key: string) => columnStrings(table, key),
    featureCount: featureId.getFeatureCount(),
    featureIdAttribute: featureId.getAttribute(),
    featureIds: primitive.getAttribute('_FEATURE_ID_0')!.getArray()!,
    heights: new Float32Array(table.getProperty('height')!.getValues().slice().buffer),
    vertices,
  };
}
