import {
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  Primitive,
  PrimitiveCollection,
  Cartesian3,
} from 'cesium';
import { DeveloperError } from '../../../core/errors';
import type { PolygonCoords } from '../../../core/model/types';
import type { Rgb } from '../../../layers/buildingColorModes';
import { collectionPending, type LayerRenderer } from './layerRenderer';
import { toCesiumColor } from './polygonBatch';

/**
 * Before/after split (对比卷帘): volumes drawn only left of the split line and others only right of it,
 * over the community's buildings that both sides share. Cesium splits imagery and tilesets by
 * `scene.splitPosition`; batched primitives have no such switch, so each side gets the per-instance
 * colour shader with one line in front — discard the fragment on the other side of `czm_splitPosition`
 * (the split in drawing-buffer pixels, set by the scene from `splitPosition`).
 */
export interface SplitVolumesView {
  left: readonly SplitVolume[];
  right: readonly SplitVolume[];
  /** Split line as a share of the view's width, 0 (left edge) … 1 (right edge). */
  position: number;
}

export interface SplitVolume {
  footprint: PolygonCoords;
  /** Bottom and top, metres above the ellipsoid (the ground of the community). */
  baseMeters: number;
  topMeters: number;
  color: Rgb;
}

declare module '../../contract' {
  interface LayerViewKinds {
    splitVolumes: SplitVolumesView;
  }
}

/** The per-instance colour appearance's own fragment shader, as Cesium ships it. */
const perInstanceColorFs = () => new PerInstanceColorAppearance({ closed: true }).fragmentShaderSource;

const MAIN = /void\s+main\s*\(\s*\)\s*\{/;

function sideShader(side: 'left' | 'right'): string {
  const source = perInstanceColorFs();
  if (!MAIN.test(source)) throw new DeveloperError('the per-instance colour shader has no main() to split');
  return source.replace(MAIN, (head) => `${head}\n    if (gl_FragCoord.x ${side === 'left' ? '>' : '<'} czm_splitPosition) discard;`);
}

function ring(coords: PolygonCoords[number]): Cartesian3[] {
  const open = coords.length > 1 && coords[0][0] === coords.at(-1)![0] && coords[0][1] === coords.at(-1)![1] ? coords.slice(0, -1) : coords;
  return Cartesian3.fromDegreesArray(open.flat());
}

function sidePrimitive(volumes: readonly SplitVolume[], side: 'left' | 'right'): Primitive | null {
  const instances = volumes
    .filter((v) => (v.footprint[0]?.length ?? 0) >= 3 && v.topMeters > v.baseMeters)
    .map(
      (v, i) =>
        new GeometryInstance({
          id: `split-${side}-${i}`,
          geometry: new PolygonGeometry({
            polygonHierarchy: new PolygonHierarchy(ring(v.footprint[0]!)),
            height: v.baseMeters,
            extrudedHeight: v.topMeters,
            vertexFormat: PerInstanceColorAppearance.VERTEX_FORMAT,
          }),
          attributes: { color: ColorGeometryInstanceAttribute.fromColor(toCesiumColor(v.color)) },
        }),
    );
  if (!instances.length) return null;
  return new Primitive({
    geometryInstances: instances,
    appearance: new PerInstanceColorAppearance({ closed: true, fragmentShaderSource: sideShader(side) }),
    asynchronous: true,
    allowPicking: false,
  });
}

export const splitVolumesRenderer: LayerRenderer<'splitVolumes'> = {
  draw(view, { scene }) {
    const root = new PrimitiveCollection();
    for (const side of ['left', 'right'] as const) {
      const primitive = sidePrimitive(view[side], side);
      if (primitive) root.add(primitive);
    }
    scene.splitPosition = view.position;
    let current = view;
    return {
      root,
      loaded: () => !collectionPending(root),
      // Dragging the line moves only the split: the volumes stay built.
      update(next) {
        if (next.left !== current.left || next.right !== current.right) return false;
        current = next;
        scene.splitPosition = next.position;
        scene.requestRender();
        return true;
      },
      destroy() {
        scene.splitPosition = 0;
      },
    };
  },
};
