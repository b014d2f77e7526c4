import { Cartesian3, PointPrimitiveCollection, PrimitiveCollection } from 'cesium';
import type { LonLat, PolygonCoords } from '../../../core/model/types';
import type { ImportedFeature } from '../../../data/formats/importResult';
import type { Rgb } from '../../../layers/buildingColorModes';
import { collectionPending, type LayerRenderer } from './layerRenderer';
import { createLineBatch, type LineItem } from './lineBatch';
import { createPolygonBatch, toCesiumColor, type PolygonItem } from './polygonBatch';

/** Vector features read by an import (GeoJSON, CSV points, shapefile, CityJSON), in one colour. */
export interface FeaturesView {
  features: readonly ImportedFeature[];
  color: Rgb;
}

declare module '../../contract' {
  interface LayerViewKinds {
    features: FeaturesView;
  }
}

const FLAT_HEIGHT_METERS = 1.3;
const LINE_HEIGHT_METERS = 2.8;

/** Height of an imported polygon: measured (CityJSON), a height attribute, or storeys × 3 m; none = flat. */
function heightOf(feature: ImportedFeature): number | undefined {
  if (feature.heightMeters && feature.heightMeters > 0) return feature.heightMeters;
  const p = feature.properties;
  for (const key of ['heightMeters', 'height', 'height_m', '高度']) {
    const value = Number(p[key]);
    if (Number.isFinite(value) && value > 0) return value;
  }
  for (const key of ['floors', 'building:levels', 'levels', '层数']) {
    const value = Number(p[key]);
    if (Number.isFinite(value) && value > 0) return value * 3;
  }
  return undefined;
}

export const featuresRenderer: LayerRenderer<'features'> = {
  draw(view) {
    const root = createFeatureBatches(view.id, view.features, view.color);
    // Points are picked (their layer named); extruded polygons and lines are drawn without picking.
    return { root, loaded: () => !collectionPending(root), pickProperties: () => ({}) };
  },
};

/**
 * One imported layer as at most three batched primitives (polygons, lines, points), so a file of
 * thousands of features costs a few draw calls. Returns the collection holding them.
 */
function createFeatureBatches(id: string, features: readonly ImportedFeature[], color: Rgb): PrimitiveCollection {
  const polygons: PolygonItem[] = [];
  const lines: LineItem[] = [];
  const points: LonLat[] = [];
  features.forEach((feature, i) => {
    const g = feature.geometry;
    if (!g) return;
    const key = `imported:${id}:${i}`;
    const addPolygon = (polygon: PolygonCoords, part: number) => {
      const height = heightOf(feature);
      polygons.push({
        key: `${key}:${part}`,
        polygon,
        heightMeters: height ? 0 : FLAT_HEIGHT_METERS,
        ...(height ? { extrudedHeightMeters: height } : {}),
        color,
        alpha: height ? 1 : 0.7,
      });
    };
    if (g.type === 'Polygon') addPolygon(g.coordinates, 0);
    else if (g.type === 'MultiPolygon') g.coordinates.forEach(addPolygon);
    else if (g.type === 'LineString') lines.push({ key, coordinates: g.coordinates, color });
    else if (g.type === 'MultiLineString') g.coordinates.forEach((c, part) => lines.push({ key: `${key}:${part}`, coordinates: c, color }));
    else if (g.type === 'Point') points.push(g.coordinates);
    else points.push(...g.coordinates);
  });
  const collection = new PrimitiveCollection();
  if (polygons.length) {
    // Flat polygons are translucent and extruded ones opaque; one batch needs one appearance.
    const translucent = polygons.some((p) => p.alpha !== 1);
    collection.add(createPolygonBatch(polygons, { translucent, pickable: false }));
  }
  if (lines.length) collection.add(createLineBatch(lines, 3, LINE_HEIGHT_METERS));
  if (points.length) {
    const pointCollection = new PointPrimitiveCollection();
    for (const [lon, lat] of points) {
      pointCollection.add({
        position: Cartesian3.fromDegrees(lon, lat, 3),
        pixelSize: 9,
        color: toCesiumColor(color),
        outlineColor: toCesiumColor([20, 20, 20]),
        outlineWidth: 1.5,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
    }
    collection.add(pointCollection);
  }
  return collection;
}
