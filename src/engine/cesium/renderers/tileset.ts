import { Cesium3DTileFeature, Cesium3DTileset, Color, PrimitiveCollection, type Scene } from 'cesium';
import { createClipPlanes } from '../sceneClip';
import { drawAsyncPrimitive, type LayerRenderer } from './layerRenderer';

/** A 3D Tiles tileset (1.0 or 1.1) streamed from its URL. */
export interface TilesetView {
  url: string;
}

declare module '../../contract' {
  interface LayerViewKinds {
    tileset: TilesetView;
  }
}

/** Loads a 3D Tiles tileset (1.0 or 1.1) from a URL; rejects with a message naming the URL. */
export async function loadTileset(url: string): Promise<Cesium3DTileset> {
  try {
    // Screen-space error 16 (Cesium's default) keeps the number of loaded tiles low on big city sets.
    // Created with (switched-off) clipping planes: the clip tool may cut it later (sceneClip.ts).
    return await Cesium3DTileset.fromUrl(url, { maximumScreenSpaceError: 16, clippingPlanes: createClipPlanes() });
  } catch (error) {
    throw new Error(`${url}: not a readable 3D Tiles tileset (${(error as Error).message})`, { cause: error });
  }
}

export const tilesetRenderer: LayerRenderer<'tileset'> = {
  draw(view, context) {
    const root = new PrimitiveCollection();
    const loading = drawAsyncPrimitive(loadTileset(view.url), context, (tileset) => tileset.tilesLoaded, root);
    return {
      root,
      loaded: loading.loaded,
      destroy: loading.destroy,
      pickProperties: (picked) => (picked instanceof Cesium3DTileFeature ? featureProperties(picked) : {}),
    };
  },
};

/** All attributes of a picked 3D Tiles feature (batch table or EXT_structural_metadata property table). */
export function featureProperties(feature: Cesium3DTileFeature): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const id of feature.getPropertyIds()) properties[id] = feature.getProperty(id);
  return properties;
}

/** Highlights one picked tile feature at a time, restoring the colour of the one before. */
export class TileFeatureHighlight {
  private feature: Cesium3DTileFeature | null = null;
  private previous = new Color();

  set(feature: Cesium3DTileFeature | null, scene: Scene): void {
    if (this.feature && !this.feature.tileset.isDestroyed()) this.feature.color = this.previous;
    this.feature = feature;
    if (feature) {
      this.previous = Color.clone(feature.color, this.previous);
      feature.color = Color.CYAN;
    }
    scene.requestRender();
  }
}

export { Cesium3DTileFeature };
