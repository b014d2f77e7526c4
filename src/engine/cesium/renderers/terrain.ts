import { CesiumTerrainProvider, EllipsoidTerrainProvider, type TerrainProvider } from 'cesium';
import { issueMessage, type IssueMessage } from '../../../core/errors';
import type { TerrainSource } from '../../../data/base/baseConfig';
import { GeoTiffTerrainProvider } from './geoTiffTerrain';
import type { LayerRenderer } from './layerRenderer';

/** The globe's terrain from a base source (models/base.json): one at a time, the first visible one. */
export interface TerrainView {
  source: TerrainSource;
}

declare module '../../contract' {
  interface LayerViewKinds {
    terrain: TerrainView;
  }
}

async function createTerrain(source: TerrainSource): Promise<TerrainProvider> {
  switch (source.type) {
    case 'ellipsoid':
      return new EllipsoidTerrainProvider();
    case 'quantized-mesh':
      try {
        return await CesiumTerrainProvider.fromUrl(source.url, { requestVertexNormals: true });
      } catch (error) {
        const detail = ` (${(error as Error).message})`;
        throw Object.assign(new Error(`${source.url}: not a quantized-mesh terrain (layer.json)${detail}`), {
          issue: issueMessage('issue.base.terrainUnreadable', { url: source.url, detail: { zh: '', en: detail } }),
        });
      }
    case 'geotiff':
      return GeoTiffTerrainProvider.fromUrl(source.url, source.attribution);
  }
}

export const terrainRenderer: LayerRenderer<'terrain'> = {
  draw(view, context) {
    let removed = false;
    let provider: TerrainProvider | null = null;
    let failed = false;
    const fail = (error: Error & { issue?: IssueMessage }) => {
      if (removed || failed) return;
      failed = true;
      context.fail(`${view.source.id}: ${error.message}`, error.issue);
    };
    createTerrain(view.source).then((p) => {
      if (removed) return;
      provider = p;
      // A tile that fails later (404, corrupt) is reported once; the globe keeps the tiles it has.
      p.errorEvent.addEventListener((error: { message?: string; level?: number; x?: number; y?: number; retry?: boolean }) => {
        error.retry = false;
        fail(
          Object.assign(new Error(`terrain tile ${error.level}/${error.x}/${error.y} could not be loaded (${error.message ?? ''})`), {
            issue: issueMessage('issue.base.tileFailed', {
              level: error.level ?? 0,
              x: error.x ?? 0,
              y: error.y ?? 0,
              detail: { zh: '', en: ` (${error.message ?? ''})` },
            }),
          }),
        );
      });
      context.setTerrain(p);
    }, fail);
    return {
      loaded: () => failed || provider !== null,
      destroy: () => {
        removed = true;
        if (provider) context.setTerrain(null, provider);
      },
    };
  },
};
