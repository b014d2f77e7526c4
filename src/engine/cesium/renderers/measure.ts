import {
  Cartesian2,
  Cartesian3,
  Color,
  HorizontalOrigin,
  LabelCollection,
  LabelStyle,
  Material,
  PointPrimitiveCollection,
  PolylineCollection,
  PrimitiveCollection,
  VerticalOrigin,
} from 'cesium';
import type { LonLatHeight } from '../../../core/geo/measure';
import type { Rgb } from '../../../layers/buildingColorModes';
import type { LayerRenderer } from './layerRenderer';
import { toCesiumColor } from './polygonBatch';

/**
 * What the measuring tools draw: the measured lines (closed for an area), the picked points and the figures
 * beside them. Points and figures are drawn over everything (a point on a far roof edge stays visible).
 */
export interface MeasureView {
  lines: readonly { positions: readonly LonLatHeight[]; closed: boolean }[];
  points: readonly LonLatHeight[];
  labels: readonly { position: LonLatHeight; text: string }[];
  color: Rgb;
}

declare module '../../contract' {
  interface LayerViewKinds {
    measure: MeasureView;
  }
}

const ALWAYS_ON_TOP = Number.POSITIVE_INFINITY;

export const measureRenderer: LayerRenderer<'measure'> = {
  draw(view) {
    const root = new PrimitiveCollection();
    const color = toCesiumColor(view.color);
    const lines = root.add(new PolylineCollection()) as PolylineCollection;
    for (const line of view.lines) {
      if (line.positions.length < 2) continue;
      const positions = line.positions.map(([lon, lat, h]) => Cartesian3.fromDegrees(lon, lat, h));
      if (line.closed) positions.push(positions[0]);
      lines.add({ positions, width: 3, material: Material.fromType('Color', { color }) });
    }
    const points = root.add(new PointPrimitiveCollection()) as PointPrimitiveCollection;
    for (const [lon, lat, h] of view.points) {
      points.add({
        position: Cartesian3.fromDegrees(lon, lat, h),
        pixelSize: 9,
        color,
        outlineColor: Color.WHITE,
        outlineWidth: 2,
        disableDepthTestDistance: ALWAYS_ON_TOP,
      });
    }
    const labels = root.add(new LabelCollection()) as LabelCollection;
    for (const { position, text } of view.labels) {
      labels.add({
        position: Cartesian3.fromDegrees(position[0], position[1], position[2]),
        // Figures only (digits and units): the text of a number the app formatted, never file content.
        text,
        font: '600 15px sans-serif',
        fillColor: Color.WHITE,
        outlineColor: Color.BLACK,
        outlineWidth: 3,
        style: LabelStyle.FILL_AND_OUTLINE,
        showBackground: true,
        backgroundColor: new Color(0.1, 0.12, 0.16, 0.75),
        horizontalOrigin: HorizontalOrigin.LEFT,
        verticalOrigin: VerticalOrigin.BOTTOM,
        pixelOffset: new Cartesian2(8, -8),
        disableDepthTestDistance: ALWAYS_ON_TOP,
      });
    }
    return { root, loaded: () => true };
  },
};
