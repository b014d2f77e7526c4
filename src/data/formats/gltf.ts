import type { ModelFormat } from './formatTypes';
import { hasExtension } from './formatTypes';

/** "glTF" at the start of a binary glTF (glTF 2.0 spec, GLB file format: magic 0x46546C67). */
const GLB_MAGIC = [0x67, 0x6c, 0x54, 0x46];

/** glTF 2.0 models (.glb, or a self-contained .gltf): loaded by the viewer from an object URL and placed at the community. */
export const gltfFormat: ModelFormat<'gltf'> = {
  id: 'gltf',
  kind: 'model',
  name: { zh: 'glTF/GLB 模型', en: 'glTF/GLB models' },
  extensions: ['glb', 'gltf'],
  mimeTypes: ['model/gltf-binary', 'model/gltf+json'],
  dimension: '3d',
  detect: (name, head) => (hasExtension(name, ['glb', 'gltf']) || (head !== undefined && GLB_MAGIC.every((b, i) => head[i] === b)) ? 1 : 0),
};
