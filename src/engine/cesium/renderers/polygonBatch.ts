import {
  Cartesian3,
  Color,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  Primitive,
} from 'cesium';
import type { PolygonCoords } from '../../../core/model/types';
import type { Rgb } from '../../../layers/buildingColorModes';

export interface PolygonItem {
  /** Pick id; also the key for colour updates. */
  key: string;
  polygon: PolygonCoords;
  /** Bottom, metres above the ellipsoid. */
  heightMeters: number;
  /** Top of an extruded solid; omit for a flat surface. */
  extrudedHeightMeters?: number;
  color: Rgb;
  alpha?: number;
}

/** Drops the closing vertex and repeated vertices, which Cesium's triangulation does not need. */
function ringPositions(ring: PolygonCoords[number]): Cartesian3[] {
  const flat: number[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const [lon, lat] = ring[i];
    if (i > 0 && lon === ring[i - 1][0] && lat === ring[i - 1][1]) continue;
    flat.push(lon, lat);
  }
  return Cartesian3.fromDegreesArray(flat);
}

export function toCesiumColor(color: Rgb, alpha = 1): Color {
  return Color.fromBytes(color[0], color[1], color[2], Math.round(alpha * 255));
}

/**
 * Many polygons — flat surfaces or extruded solids — batched into ONE Primitive with a per-instance
 * colour, so thousands of buildings cost a handful of draw calls instead of one Entity each.
 * Geometry is built in Cesium's web workers (`asynchronous`).
 */
export function createPolygonBatch(items: readonly PolygonItem[], options: { translucent?: boolean; pickable?: boolean } = {}): Primitive {
  const instances: GeometryInstance[] = [];
  for (const item of items) {
    const exterior = ringPositions(item.polygon[0]);
    if (exterior.length < 3) continue;
    const holes = item.polygon.slice(1).map((ring) => new PolygonHierarchy(ringPositions(ring)));
    instances.push(
      new GeometryInstance({
        id: item.key,
        geometry: new PolygonGeometry({
          polygonHierarchy: new PolygonHierarchy(exterior, holes),
          height: item.heightMeters,
          ...(item.extrudedHeightMeters === undefined ? {} : { extrudedHeight: item.extrudedHeightMeters }),
          vertexFormat: PerInstanceColorAppearance.VERTEX_FORMAT,
        }),
        attributes: { color: ColorGeometryInstanceAttribute.fromColor(toCesiumColor(item.color, item.alpha)) },
      }),
    );
  }
  return new Primitive({
    geometryInstances: instances,
    appearance: new PerInstanceColorAppearance({ translucent: options.translucent ?? false, closed: !options.translucent }),
    asynchronous: true,
    allowPicking: options.pickable ?? true,
    // Instances are dropped after upload; colours are changed through getGeometryInstanceAttributes.
    releaseGeometryInstances: true,
  });
}
