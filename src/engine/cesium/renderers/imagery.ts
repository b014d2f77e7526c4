import {
  GeographicTilingScheme,
  ImageryLayer,
  type ImageryLayerCollection,
  type ImageryProvider,
  Rectangle,
  SingleTileImageryProvider,
  TileMapServiceImageryProvider,
  type TileProviderError,
  UrlTemplateImageryProvider,
  WebMapTileServiceImageryProvider,
  WebMercatorTilingScheme,
} from 'cesium';
import { issueMessage, type IssueMessage } from '../../../core/errors';
import type { ImageryCrs, ImagerySource } from '../../../data/base/baseConfig';
import type { LayerRenderer } from './layerRenderer';
import { naturalEarthLayer } from '../offlineViewer';

/** A base imagery source (models/base.json) draped on the globe; `order` stacks it (higher over lower). */
export interface ImageryView {
  source: ImagerySource;
  order: number;
}

declare module '../../contract' {
  interface LayerViewKinds {
    imagery: ImageryView;
  }
}

/**
 * Tile matrix sets in EPSG:4326 and CGCS2000 (EPSG:4490) are geographic: two 180° tiles at their
 * first level, as GeoServer's EPSG:4326/EPSG:4490 gridsets and Cesium's GeographicTilingScheme have.
 * CGCS2000 and WGS 84 differ by centimetres, so 4490 tiles are laid as they are.
 */
function tilingSchemeOf(crs: ImageryCrs) {
  return crs === 'EPSG:3857' ? new WebMercatorTilingScheme() : new GeographicTilingScheme();
}

/** The provider of a source; asynchronous where Cesium reads metadata first (TMS, a single image). */
function createProvider(source: Exclude<ImagerySource, { type: 'natural-earth' }>): ImageryProvider | Promise<ImageryProvider> {
  switch (source.type) {
    case 'wmts':
      // A URL with {TileMatrix} is a REST template; otherwise Cesium sends KVP GetTile requests.
      return new WebMapTileServiceImageryProvider({
        url: source.url,
        layer: source.layer,
        style: source.style,
        format: source.format,
        tileMatrixSetID: source.tileMatrixSetID,
        tileMatrixLabels: source.tileMatrixLabels,
        tilingScheme: tilingSchemeOf(source.crs),
        maximumLevel: source.maximumLevel,
        credit: source.attribution || undefined,
      });
    case 'tms':
      return TileMapServiceImageryProvider.fromUrl(source.url, {
        maximumLevel: source.maximumLevel,
        credit: source.attribution || undefined,
      });
    case 'xyz':
      return new UrlTemplateImageryProvider({
        url: source.url,
        tilingScheme: tilingSchemeOf(source.crs),
        maximumLevel: source.maximumLevel,
        credit: source.attribution || undefined,
      });
    case 'image':
      return SingleTileImageryProvider.fromUrl(source.url, {
        rectangle: Rectangle.fromDegrees(...source.rectangle),
        credit: source.attribution || undefined,
      });
  }
}

/** Where in the collection a layer of `order` goes: above every base layer of a lower order. */
const ORDER = new WeakMap<ImageryLayer, number>();
function addInOrder(layers: ImageryLayerCollection, layer: ImageryLayer, order: number): void {
  let index = 0;
  for (let i = 0; i < layers.length; i++) if ((ORDER.get(layers.get(i)) ?? -Infinity) < order) index = i + 1;
  ORDER.set(layer, order);
  layers.add(layer, index);
}

/** The located, translatable error of a tile that failed (HTTP 404, a corrupt image). */
export function tileFailure(sourceId: string, error: TileProviderError): { message: string; issue: IssueMessage } {
  const detail = error.message ? ` (${String(error.message)})` : '';
  const where = `level ${error.level}, column ${error.x}, row ${error.y}`;
  return {
    message: `${sourceId}: the tile at ${where} could not be loaded${detail}`,
    issue: issueMessage('issue.base.tileFailed', { level: error.level, x: error.x, y: error.y, detail: { zh: '', en: detail } }),
  };
}

export const imageryRenderer: LayerRenderer<'imagery'> = {
  draw(view, context) {
    const { source } = view;
    let failed = false;
    const fail = (message: string, issue: IssueMessage) => {
      if (failed) return;
      failed = true;
      context.fail(message, issue);
    };
    const onTileError = (error: TileProviderError) => {
      // One failed tile says the source is broken (wrong URL, layer or tile matrix set): report it once, stop retrying.
      error.retry = false;
      const { message, issue } = tileFailure(source.id, error);
      fail(message, issue);
    };
    let layer: ImageryLayer;
    if (source.type === 'natural-earth') layer = naturalEarthLayer();
    else {
      const provider = Promise.resolve().then(() => createProvider(source));
      layer = ImageryLayer.fromProviderAsync(provider, {});
      provider.then(
        (p) => p.errorEvent.addEventListener(onTileError),
        (error: Error) =>
          fail(
            `${source.id}: ${source.url} could not be read (${error.message})`,
            issueMessage('issue.base.sourceUnreadable', { url: source.url, detail: { zh: '', en: ` (${error.message})` } }),
          ),
      );
    }
    layer.errorEvent.addEventListener((error: Error) =>
      fail(
        `${source.id}: ${error.message}`,
        issueMessage('issue.base.sourceUnreadable', {
          url: 'url' in source ? source.url : source.id,
          detail: { zh: '', en: ` (${error.message})` },
        }),
      ),
    );
    addInOrder(context.imageryLayers, layer, view.order);
    context.scene.requestRender();
    return {
      // Tiles in view are the globe's to load (scene.globe.tilesLoaded); the layer is in once its provider is.
      loaded: () => failed || layer.ready,
      destroy: () => {
        context.imageryLayers.remove(layer, true);
      },
    };
  },
};
