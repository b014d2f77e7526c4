import { Cesium3DTileset } from 'cesium';
import type { TiledBuilding } from '../../data/tiles/buildingGlb';
import { tileBuildings } from '../../data/tiles/tileBuildings';

/**
 * Buildings tiled in the browser (the same quadtree and glb content as `npm run tiles`) and streamed
 * by Cesium from blob: URLs: a large community opens as 3D Tiles without a tiling step on the server.
 * Cesium loads only the tiles in view, from pre-built glb, instead of building one huge Primitive's
 * geometry in its workers. `release()` frees the blob URLs once the tileset is destroyed.
 */
export async function tilesetFromBuildings(
  buildings: readonly TiledBuilding[],
  options: ConstructorParameters<typeof Cesium3DTileset>[0] = {},
): Promise<{ tileset: Cesium3DTileset; release(): void }> {
  const files = await tileBuildings(buildings);
  const urls = new Map<string, string>();
  for (const [name, bytes] of files)
    if (name !== 'tileset.json')
      urls.set(name, URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'model/gltf-binary' })));
  const json = new TextDecoder().decode(files.get('tileset.json'));
  // Content URIs point at the blobs (a blob: URL cannot resolve relative paths).
  const tilesetJson = json.replace(/"uri": "([^"]+)"/g, (_, uri: string) => `"uri": "${urls.get(uri)}"`);
  const tilesetUrl = URL.createObjectURL(new Blob([tilesetJson], { type: 'application/json' }));
  urls.set('tileset.json', tilesetUrl);
  const release = () => urls.forEach((url) => URL.revokeObjectURL(url));
  try {
    return { tileset: await Cesium3DTileset.fromUrl(tilesetUrl, options), release };
  } catch (error) {
    release();
    throw error;
  }
}
