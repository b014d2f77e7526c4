import { Cartesian3, HeadingPitchRoll, Math as CesiumMath, Matrix4, Model, PrimitiveCollection, Transforms } from 'cesium';
import type { ModelPlacement } from '../../../core/model/placement';
import { createClipPlanes } from '../sceneClip';
import { drawAsyncPrimitive, type LayerRenderer } from './layerRenderer';

/** A glTF/GLB model (an object URL for a dropped file) standing where the user placed it. */
export interface ModelView {
  url: string;
  /** The file name, for messages. */
  name: string;
  placement: ModelPlacement;
}

declare module '../../contract' {
  interface LayerViewKinds {
    model: ModelView;
  }
}

/** The model matrix of a placement: east-north-up at the position, turned by the heading, scaled. */
export function placementMatrix(p: ModelPlacement): Matrix4 {
  const origin = Cartesian3.fromDegrees(p.lon, p.lat, p.heightMeters);
  const frame = Transforms.headingPitchRollToFixedFrame(origin, new HeadingPitchRoll(CesiumMath.toRadians(p.headingDeg), 0, 0));
  return Matrix4.multiplyByUniformScale(frame, p.scale, new Matrix4());
}

/** Loads a glTF/GLB model placed on the globe; rejects with a message naming the file. */
export async function loadModel(url: string, name: string, placement: ModelPlacement): Promise<Model> {
  try {
    // Created with (switched-off) clipping planes: the clip tool may cut it later (sceneClip.ts).
    return await Model.fromGltfAsync({ url, modelMatrix: placementMatrix(placement), clippingPlanes: createClipPlanes() });
  } catch (error) {
    throw new Error(`${name}: not a readable glTF/GLB model (${(error as Error).message})`, { cause: error });
  }
}

export const modelRenderer: LayerRenderer<'model'> = {
  draw(view, context) {
    const root = new PrimitiveCollection();
    let placement = view.placement;
    // The user may move the model while it loads: it arrives where it was moved to.
    const model = loadModel(view.url, view.name, placement).then((m) => {
      m.modelMatrix = placementMatrix(placement);
      return m;
    });
    const loading = drawAsyncPrimitive(model, context, (m) => m.ready, root);
    return {
      root,
      loaded: loading.loaded,
      destroy: loading.destroy,
      pickProperties: () => ({}),
      // A moved model keeps its GPU resources: only its matrix changes.
      update: (next) => {
        if (next.url !== view.url) return false;
        placement = next.placement;
        const model = loading.primitive();
        if (model) model.modelMatrix = placementMatrix(placement);
        return true;
      },
    };
  },
};
