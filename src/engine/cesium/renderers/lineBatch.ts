import {
  ArcType,
  Cartesian3,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  PolylineColorAppearance,
  PolylineGeometry,
  Primitive,
} from 'cesium';
import type { LonLat } from '../../../core/model/types';
import type { Rgb } from '../../../layers/buildingColorModes';
import { toCesiumColor } from './polygonBatch';

export interface LineItem {
  key: string;
  coordinates: readonly LonLat[];
  color: Rgb;
  alpha?: number;
}

/** Polylines with per-instance colours in one Primitive, lifted `heightMeters` above the ground surfaces. */
export function createLineBatch(items: readonly LineItem[], widthPixels: number, heightMeters: number): Primitive {
  return new Primitive({
    geometryInstances: items.map(
      (item) =>
        new GeometryInstance({
          id: item.key,
          geometry: new PolylineGeometry({
            positions: Cartesian3.fromDegreesArrayHeights(item.coordinates.flatMap(([lon, lat]) => [lon, lat, heightMeters])),
            width: widthPixels,
            vertexFormat: PolylineColorAppearance.VERTEX_FORMAT,
            // Straight lines in the local sense: segments are metres long, geodesic bending is nil.
            arcType: ArcType.NONE,
          }),
          attributes: { color: ColorGeometryInstanceAttribute.fromColor(toCesiumColor(item.color, item.alpha)) },
        }),
    ),
    appearance: new PolylineColorAppearance({ translucent: false }),
    asynchronous: true,
    allowPicking: false,
  });
}
