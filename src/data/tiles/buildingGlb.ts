import { Document, WebIO } from '@gltf-transform/core';
import { EXTMeshFeatures, EXTStructuralMetadata } from '@gltf-transform/extensions';
import type { mat4 as Mat4 } from '@gltf-transform/core';
import { createEnuProjection, eastNorthUpToEcef } from '../../core/geo/ecef';
import type { LocalFrame } from '../../core/geo/localFrame';
import type { PolygonCoords } from '../../core/model/types';
import { extrudeFootprints, type ExtrusionInput } from './extrudeFootprints';

/** What a click on a tiled building shows, besides its id (3D Tiles feature metadata). */
export interface BuildingAttributes {
  name?: string;
  floors?: number;
  yearBuilt?: number;
  use?: string;
  /** District id (hangzhouDistricts.ts), for colouring the city by district. */
  district?: string;
  community?: string;
}

/** A building to tile: its id (the feature id every viewer shows), footprint parts, height and attributes. */
export interface TiledBuilding {
  id: string;
  /** One polygon, or the parts of a MultiPolygon (one feature, one id). */
  parts: PolygonCoords[];
  heightMeters: number;
  attributes: BuildingAttributes;
}

/**
 * The metadata schema of every tile (EXT_structural_metadata): one class, `building`, with a
 * property table row per feature. `id` is the input building's id; absent numbers are 0 (noData).
 */
export const BUILDING_SCHEMA = {
  id: 'fct_buildings',
  className: 'building',
  properties: {
    id: { type: 'STRING', required: true },
    name: { type: 'STRING' },
    height: { type: 'SCALAR', componentType: 'FLOAT32' },
    floors: { type: 'SCALAR', componentType: 'UINT16', noData: 0 },
    yearBuilt: { type: 'SCALAR', componentType: 'UINT16', noData: 0 },
    use: { type: 'STRING' },
    district: { type: 'STRING' },
    community: { type: 'STRING' },
  },
} as const;

type PropertyName = keyof typeof BUILDING_SCHEMA.properties;

const encoder = new TextEncoder();
/** Writes GLB bytes only (no fetch, no file system): the same in Node, a worker and the page. */
const io = new WebIO().registerExtensions([EXTMeshFeatures, EXTStructuralMetadata]);

/** A STRING column: UTF-8 bytes end to end and UINT32 offsets (count + 1), as EXT_structural_metadata stores strings. */
function stringColumn(values: readonly string[]): { values: Uint8Array; offsets: Uint8Array } {
  const encoded = values.map((v) => encoder.encode(v));
  const offsets = new Uint32Array(values.length + 1);
  for (let i = 0; i < encoded.length; i++) offsets[i + 1] = offsets[i] + encoded[i].length;
  const bytes = new Uint8Array(offsets[values.length]);
  encoded.forEach((e, i) => bytes.set(e, offsets[i]));
  return { values: bytes, offsets: new Uint8Array(offsets.buffer) };
}

const bytesOf = (array: Float32Array | Uint16Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

function columnValue(b: TiledBuilding, key: PropertyName): string | number {
  if (key === 'id') return b.id;
  if (key === 'height') return b.heightMeters;
  const value = b.attributes[key];
  return value ?? (BUILDING_SCHEMA.properties[key].type === 'STRING' ? '' : 0);
}

/**
 * The glTF node matrix that places Y-up content written in an east-north-up frame: B · E · A, where
 * E is the frame's ENU → ECEF matrix, A turns glTF's Y-up into 3D Tiles' Z-up ((x, y, z) → (x, −z, y),
 * which a 3D Tiles viewer applies after the node matrix) and B undoes it. Column-major.
 * Inner tiles place their content this way rather than by a tile transform, because a tile transform
 * would also move every child (3D Tiles composes transforms down the tree).
 */
export function yUpNodeMatrix(enuToEcef: readonly number[]): number[] {
  const a = ([x, y, z]: number[]) => [x, -z, y];
  const b = ([x, y, z]: number[]) => [x, z, -y];
  const rotate = (v: number[]) => [0, 1, 2].map((r) => enuToEcef[r] * v[0] + enuToEcef[4 + r] * v[1] + enuToEcef[8 + r] * v[2]);
  const columns = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ].map((e) => b(rotate(a(e))));
  return [...columns[0], 0, ...columns[1], 0, ...columns[2], 0, ...b(enuToEcef.slice(12, 15)), 1];
}

/**
 * One tile's content: the buildings extruded in the tile's east-north-up frame (glTF Y-up, metres),
 * flat normals, earcut roofs, a `_FEATURE_ID_0` vertex attribute (EXT_mesh_features) indexing a
 * property table (EXT_structural_metadata) whose `id` column is the input ids. Written with
 * glTF-Transform, so the GLB layout and the extensions' JSON follow their specifications.
 */
export async function writeBuildingsGlb(
  buildings: readonly TiledBuilding[],
  frame: LocalFrame,
  options: { placeInContent?: boolean } = {},
): Promise<Uint8Array> {
  // Exact tangent-frame positions: a leaf of a sparse district spans kilometres, where a linear frame
  // is metres off and the ground lies below the tangent plane. Each building stands at its own ground.
  const enu = createEnuProjection(frame.origin[0], frame.origin[1]);
  const exact: LocalFrame = { ...frame, toLocal: ([lon, lat]) => enu(lon, lat).slice(0, 2) as [number, number] };
  const items: ExtrusionInput[] = [];
  const featureOfItem: number[] = [];
  buildings.forEach((b, feature) => {
    for (const footprint of b.parts) {
      const ring = footprint[0];
      const [, , ground] = enu(ring[0][0], ring[0][1]);
      items.push({ footprint, heightMeters: b.heightMeters, baseMeters: ground });
      featureOfItem.push(feature);
    }
  });
  const mesh = extrudeFootprints(items, exact);
  const featureIds = new Uint16Array(mesh.batchIds.length);
  for (let i = 0; i < featureIds.length; i++) featureIds[i] = featureOfItem[mesh.batchIds[i]];

  const document = new Document();
  const buffer = document.createBuffer();
  const meshFeatures = document.createExtension(EXTMeshFeatures);
  const metadata = document.createExtension(EXTStructuralMetadata);

  const schemaClass = metadata.createClass();
  for (const [key, spec] of Object.entries(BUILDING_SCHEMA.properties)) {
    const property = metadata.createClassProperty().setType(spec.type);
    if ('componentType' in spec) property.setComponentType(spec.componentType);
    if ('noData' in spec) property.setNoData(spec.noData);
    if ('required' in spec) property.setRequired(spec.required);
    schemaClass.setProperty(key, property);
  }
  const schema = metadata.createSchema().setId(BUILDING_SCHEMA.id).setClass(BUILDING_SCHEMA.className, schemaClass);
  const table = metadata.createPropertyTable().setClass(BUILDING_SCHEMA.className).setCount(buildings.length);
  for (const [key, spec] of Object.entries(BUILDING_SCHEMA.properties) as [
    PropertyName,
    (typeof BUILDING_SCHEMA.properties)[PropertyName],
  ][]) {
    const column = metadata.createPropertyTableProperty();
    const values = buildings.map((b) => columnValue(b, key));
    if (spec.type === 'STRING') {
      const strings = stringColumn(values.map(String));
      column.setValues(strings.values).setStringOffsets(strings.offsets).setStringOffsetType('UINT32');
    } else {
      const numbers = values.map(Number);
      column.setValues(
        bytesOf('componentType' in spec && spec.componentType === 'UINT16' ? Uint16Array.from(numbers) : Float32Array.from(numbers)),
      );
    }
    table.setProperty(key, column);
  }
  document.getRoot().setExtension('EXT_structural_metadata', metadata.createStructuralMetadata().setSchema(schema).addPropertyTable(table));

  const accessor = (array: Float32Array | Uint16Array | Uint32Array, type: 'VEC3' | 'SCALAR') =>
    document.createAccessor().setBuffer(buffer).setType(type).setArray(array);
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', accessor(mesh.positions, 'VEC3'))
    .setAttribute('NORMAL', accessor(mesh.normals, 'VEC3'))
    .setAttribute('_FEATURE_ID_0', accessor(featureIds, 'SCALAR'))
    .setIndices(accessor(mesh.indices, 'SCALAR'))
    .setMaterial(document.createMaterial('building').setBaseColorFactor([0.85, 0.87, 0.9, 1]).setMetallicFactor(0).setRoughnessFactor(0.9));
  const featureId = meshFeatures.createFeatureID().setFeatureCount(buildings.length).setAttribute(0).setPropertyTable(table);
  primitive.setExtension('EXT_mesh_features', meshFeatures.createFeatures().addFeatureID(featureId));
  const node = document.createNode('buildings').setMesh(document.createMesh('buildings').addPrimitive(primitive));
  if (options.placeInContent) node.setMatrix(yUpNodeMatrix(eastNorthUpToEcef(frame.origin[0], frame.origin[1], 0)) as Mat4);
  const scene = document.createScene().addChild(node);
  document.getRoot().setDefaultScene(scene);
  document.getRoot().getAsset().generator = 'Future Community Twin';
  return io.writeBinary(document);
}
