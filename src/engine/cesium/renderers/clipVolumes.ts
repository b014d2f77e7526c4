import {
  Cartesian3,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  PerInstanceColorAppearance,
  Primitive,
  PrimitiveCollection,
  WallGeometry,
} from 'cesium';
import type { LonLat } from '../../../core/model/types';
import type { Rgb } from '../../../layers/buildingColorModes';
import { collectionPending, type LayerRenderer } from './layerRenderer';
import { createPolygonBatch, toCesiumColor } from './polygonBatch';

/**
 * Clip and section (剖切) of the community's buildings: the kept part of each building as a closed
 * solid (the app clipped its footprint and heights), the horizontal cut faces on top in the section
 * colour, and the clip's own outline as translucent walls. Volumes keep their building's pick key, so a
 * click on a clipped building still selects it.
 */
export interface ClipVolumesView {
  volumes: readonly { key: string; ring: readonly LonLat[]; baseMeters: number; topMeters: number }[];
  /** Colour per volume key; a view with the same volumes, sections and walls recolours in place (selection, colour mode). */
  colors: ReadonlyMap<string, Rgb>;
  /** Horizontal cut faces, drawn just above the kept top. */
  sections: readonly { ring: readonly LonLat[]; heightMeters: number }[];
  sectionColor: Rgb;
  /** The clip's outline: vertical walls along these lines. */
  walls: readonly { line: readonly LonLat[]; bottomMeters: number; topMeters: number }[];
  wallColor: Rgb;
  wallAlpha: number;
}

declare module '../../contract' {
  interface LayerViewKinds {
    clipVolumes: ClipVolumesView;
  }
}

/** A cut face this far above its solid's top does not fight with it in the depth buffer. */
const SECTION_LIFT_METERS = 0.05;

const closed = (ring: readonly LonLat[]): LonLat[] => [...ring, ring[0]];

const FALLBACK_COLOR: Rgb = [200, 200, 200];

export const clipVolumesRenderer: LayerRenderer<'clipVolumes'> = {
  draw(first) {
    let view = first;
    const root = new PrimitiveCollection();
    const solids = view.volumes.length
      ? (root.add(
          createPolygonBatch(
            view.volumes.map((v) => ({
              key: v.key,
              polygon: [closed(v.ring)],
              heightMeters: v.baseMeters,
              extrudedHeightMeters: v.topMeters,
              color: view.colors.get(v.key) ?? FALLBACK_COLOR,
            })),
          ),
        ) as Primitive)
      : null;
    if (view.sections.length)
      root.add(
        createPolygonBatch(
          view.sections.map((s, i) => ({
            key: `${view.id}:section:${i}`,
            polygon: [closed(s.ring)],
            heightMeters: s.heightMeters + SECTION_LIFT_METERS,
            color: view.sectionColor,
          })),
          { pickable: false },
        ),
      );
    const walls = view.walls.filter((w) => w.line.length >= 2 && w.topMeters > w.bottomMeters);
    if (walls.length)
      root.add(
        new Primitive({
          geometryInstances: walls.map(
            (w) =>
              new GeometryInstance({
                geometry: WallGeometry.fromConstantHeights({
                  positions: Cartesian3.fromDegreesArray(w.line.flat()),
                  minimumHeight: w.bottomMeters,
                  maximumHeight: w.topMeters,
                  vertexFormat: PerInstanceColorAppearance.VERTEX_FORMAT,
                }),
                attributes: { color: ColorGeometryInstanceAttribute.fromColor(toCesiumColor(view.wallColor, view.wallAlpha)) },
              }),
          ),
          appearance: new PerInstanceColorAppearance({ translucent: true, closed: false }),
          asynchronous: true,
          allowPicking: false,
        }),
      );
    return {
      root,
      loaded: () => !collectionPending(root),
      // Only the colours changed: write them into the built solids instead of building them again.
      update(next) {
        const sameShapes =
          next.volumes === view.volumes &&
          next.sections === view.sections &&
          next.walls === view.walls &&
          next.sectionColor === view.sectionColor &&
          next.wallColor === view.wallColor &&
          next.wallAlpha === view.wallAlpha;
        if (!sameShapes || (solids && !solids.ready)) return false;
        for (const v of next.volumes) {
          const attributes = solids?.getGeometryInstanceAttributes(v.key) as { color?: Uint8Array } | undefined;
          if (attributes)
            attributes.color = ColorGeometryInstanceAttribute.toValue(toCesiumColor(next.colors.get(v.key) ?? FALLBACK_COLOR));
        }
        view = next;
        return true;
      },
    };
  },
};
