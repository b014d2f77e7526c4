import {
  Cartesian3,
  Cesium3DTileFeature,
  Cesium3DTileset,
  Cesium3DTileStyle,
  ClippingPolygon,
  ClippingPolygonCollection,
  PrimitiveCollection,
} from 'cesium';
import { issueMessage } from '../../../core/errors';
import type { PolygonCoords } from '../../../core/model/types';
import type { TilesSource } from '../../../data/base/baseConfig';
import { createClipPlanes } from '../sceneClip';
import { drawAsyncPrimitive, type LayerRenderer } from './layerRenderer';
import { featureProperties } from './tileset';

/**
 * A 3D Tiles source of the base (city buildings, 倾斜摄影 oblique meshes, BIM): streamed within a memory
 * budget, its screen-space error following the render quality, coloured by a 3D Tiles style, and cut
 * out inside the open community's boundary so the community's own buildings stand there alone.
 */
export interface CityTilesView {
  source: TilesSource;
  /** A 3D Tiles style (Cesium's styling language as JSON), or null for the tileset's own colours. */
  style: object | null;
  /** Where the tileset must not draw (the open community's boundary): nothing of it inside, no z-fighting twins. */
  cutOut: PolygonCoords | null;
}

declare module '../../contract' {
  interface LayerViewKinds {
    cityTiles: CityTilesView;
  }
}

/**
 * Memory budget of one city tileset: tiles beyond it are unloaded, least recently used first (Cesium's
 * cache). 256 MiB holds ≈ 150,000 extruded buildings; the overflow lets a view that needs more
 * still complete (Cesium then lowers detail rather than growing without bound).
 */
export const CITY_TILES_CACHE_BYTES = 256 * 1024 * 1024;
export const CITY_TILES_CACHE_OVERFLOW_BYTES = 256 * 1024 * 1024;

function cutOutPolygons(cutOut: PolygonCoords | null): ClippingPolygonCollection | undefined {
  if (!cutOut) return undefined;
  // Only the outer ring: a courtyard hole of the boundary is still the community's.
  const ring = cutOut[0].slice(0, -1);
  return new ClippingPolygonCollection({ polygons: [new ClippingPolygon({ positions: Cartesian3.fromDegreesArray(ring.flat()) })] });
}

export const cityTilesRenderer: LayerRenderer<'cityTiles'> = {
  draw(view, context) {
    const root = new PrimitiveCollection();
    let current = view;
    const apply = (tileset: Cesium3DTileset, next: CityTilesView, previous: CityTilesView | null) => {
      if (!previous || next.style !== previous.style) tileset.style = next.style ? new Cesium3DTileStyle(next.style) : undefined;
      if (!previous || next.cutOut !== previous.cutOut) {
        // Clipping polygons need WebGL 2; without it the community and the city overlap (visible, never wrong data).
        if (ClippingPolygonCollection.isSupported(context.scene))
          tileset.clippingPolygons = cutOutPolygons(next.cutOut) as ClippingPolygonCollection;
      }
      context.scene.requestRender();
    };
    const loading = Cesium3DTileset.fromUrl(view.source.url, {
      // Switched off until the clip tool cuts the city (sceneClip.ts).
      clippingPlanes: createClipPlanes(),
      maximumScreenSpaceError: context.quality.tileScreenSpaceError,
      cacheBytes: CITY_TILES_CACHE_BYTES,
      maximumCacheOverflowBytes: CITY_TILES_CACHE_OVERFLOW_BYTES,
    }).then(
      (tileset) => {
        apply(tileset, current, null);
        let reported = false;
        tileset.tileFailed.addEventListener((failure: { url: string; message: string }) => {
          if (reported) return;
          reported = true;
          context.fail(
            `${view.source.id}: the tile ${failure.url} could not be loaded (${failure.message})`,
            issueMessage('issue.base.tilesetTileFailed', { url: failure.url, detail: { zh: '', en: ` (${failure.message})` } }),
          );
        });
        return tileset;
      },
      (error: Error) => {
        const detail = ` (${error.message})`;
        throw Object.assign(new Error(`${view.source.url}: not a readable 3D Tiles tileset${detail}`), {
          issue: issueMessage('issue.base.tilesetUnreadable', { url: view.source.url, detail: { zh: '', en: detail } }),
        });
      },
    );
    const drawn = drawAsyncPrimitive(loading, context, (tileset) => tileset.tilesLoaded, root);
    return {
      root,
      loaded: drawn.loaded,
      destroy: drawn.destroy,
      pickProperties: (picked) => (picked instanceof Cesium3DTileFeature ? featureProperties(picked) : {}),
      setQuality: (quality) => {
        const tileset = drawn.primitive();
        if (tileset) tileset.maximumScreenSpaceError = quality.tileScreenSpaceError;
      },
      update: (next) => {
        if (next.source !== current.source) return false;
        const previous = current;
        current = next;
        const tileset = drawn.primitive();
        if (tileset) apply(tileset, next, previous);
        return true;
      },
    };
  },
};
