import {
  Cartesian3,
  Cesium3DTileset,
  ClippingPlane,
  ClippingPlaneCollection,
  Color,
  Matrix4,
  Model,
  PrimitiveCollection,
  Transforms,
} from 'cesium';
import type { SceneClip } from '../contract';

/** The cut's edge on 3D Tiles and models: the colour of the clip's own outline in the app. */
const EDGE_COLOR = Color.fromBytes(255, 90, 90);
const EDGE_WIDTH = 2;

type Clippable = Cesium3DTileset | Model;

/** Every collection holds this many planes (a box's six), whatever the clip: see `apply`. */
const PLANE_SLOTS = 6;
/** A slot the clip does not use keeps everything: its plane lies this far below the ellipsoid, facing up. */
const UNUSED_OFFSET_METERS = -1e7;

/**
 * Applies one SceneClip to every tileset and model in the scene, those added later included (a tileset
 * layer adds its tileset when its JSON has loaded): `sync` runs before each frame and only touches what
 * does not carry the current clip yet.
 *
 * Cesium clips a tileset in its own frame (`clippingPlanesOriginMatrix`: the root's transform) and a
 * model in its model matrix; the planes are given in the clip's east/north/up frame, so each
 * collection's modelMatrix is inverse(object frame) × ENU(origin). With `unionClippingRegions` a
 * fragment is discarded when it lies behind ANY plane (getClippingFunction.js): what stays is the
 * intersection of the planes' front sides, as SceneClip says. Cesium's plane is n·p + d = 0 with the
 * front where n·p + d > 0, so d = −offset.
 *
 * Each object carries ONE collection for its lifetime, given when it is created (`createClipPlanes`,
 * in the tileset and model renderers), always of six planes, changed in place and switched on and off
 * with `enabled`: assigning a collection to a drawn tileset, replacing it, or growing its plane texture
 * leaves draw commands holding a texture that is not there, and rendering stops ("reading '_target'",
 * CesiumGS/cesium #10832, #11774, #12898). An object created without one is left unclipped.
 */
/** The clipping planes a tileset or model is created with: six that keep everything, switched off. */
export function createClipPlanes(): ClippingPlaneCollection {
  return new ClippingPlaneCollection({
    planes: Array.from({ length: PLANE_SLOTS }, () => new ClippingPlane(Cartesian3.UNIT_Z, -UNUSED_OFFSET_METERS)),
    unionClippingRegions: true,
    edgeColor: EDGE_COLOR,
    edgeWidth: EDGE_WIDTH,
    enabled: false,
  });
}

export class SceneClipper {
  private clip: SceneClip | null = null;
  /** Nothing to walk until a clip was first set. */
  private used = false;
  private enu: Matrix4 | null = null;
  /** Per object: its collection, the clip it carries and the frame it was placed in. */
  private readonly applied = new WeakMap<Clippable, { planes: ClippingPlaneCollection; clip: SceneClip | null; frame: Matrix4 }>();

  set(clip: SceneClip | null): void {
    this.clip = clip;
    this.used ||= clip !== null;
    this.enu = clip
      ? Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(clip.origin.lon, clip.origin.lat, 0), undefined, new Matrix4())
      : null;
  }

  /** Brings every tileset and model under `root` to the current clip; true when something changed. */
  sync(root: PrimitiveCollection): boolean {
    if (!this.used) return false;
    let changed = false;
    const visit = (collection: PrimitiveCollection) => {
      for (let i = 0; i < collection.length; i++) {
        const primitive: unknown = collection.get(i);
        if (primitive instanceof PrimitiveCollection) visit(primitive);
        else if (primitive instanceof Cesium3DTileset || primitive instanceof Model) changed = this.apply(primitive) || changed;
      }
    };
    visit(root);
    return changed;
  }

  private apply(target: Clippable): boolean {
    if (target.isDestroyed()) return false;
    // The tileset's clipping frame is a getter Cesium keeps out of its typings (it is what its own
    // clipping shader reads: the root's transform, or ENU at the bounding sphere's centre without one).
    const frame =
      target instanceof Cesium3DTileset
        ? (target as unknown as { clippingPlanesOriginMatrix: Matrix4 }).clippingPlanesOriginMatrix
        : target.modelMatrix;
    let state = this.applied.get(target);
    if (state && state.clip === this.clip && (!this.clip || Matrix4.equals(state.frame, frame))) return false;
    if (!state) {
      const planes = target.clippingPlanes as ClippingPlaneCollection | undefined;
      if (!this.clip || !planes || planes.length !== PLANE_SLOTS) return false;
      state = { planes, clip: null, frame: Matrix4.clone(frame) };
      this.applied.set(target, state);
    }
    state.clip = this.clip;
    state.frame = Matrix4.clone(frame, state.frame);
    if (!this.clip || !this.enu) {
      state.planes.enabled = false;
      return true;
    }
    for (let i = 0; i < PLANE_SLOTS; i++) {
      const plane = state.planes.get(i);
      const wanted = this.clip.planes[i];
      plane.normal = wanted ? new Cartesian3(wanted.normal[0], wanted.normal[1], wanted.normal[2]) : Cartesian3.UNIT_Z;
      plane.distance = -(wanted ? wanted.offsetMeters : UNUSED_OFFSET_METERS);
    }
    state.planes.modelMatrix = Matrix4.multiply(Matrix4.inverse(frame, new Matrix4()), this.enu, new Matrix4());
    state.planes.enabled = true;
    return true;
  }
}
