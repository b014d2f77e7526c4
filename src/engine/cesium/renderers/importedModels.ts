import {
  Cartesian3,
  Cesium3DTileFeature,
  Cesium3DTileset,
  Color,
  HeadingPitchRoll,
  Math as CesiumMath,
  Matrix4,
  Model,
  Transforms,
  type Scene,
} from 'cesium';
import type { ModelPlacement } from '../../../core/model/placement';

/** Loads a 3D Tiles tileset (1.0 or 1.1) from a URL; rejects with a message naming the URL. */
export async function loadTileset(url: string): Promise<Cesium3DTileset> {
  try {
    // Screen-space error 16 (Cesium's default) keeps the number of loaded tiles low on big city sets.
    return await Cesium3DTileset.fromUrl(url, { maximumScreenSpaceError: 16 });
  } catch (error) {
    throw new Error(`${url}: not a readable 3D Tiles tileset (${(error as Error).message})`);
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
    return await Model.fromGltfAsync({ url, modelMatrix: placementMatrix(placement) });
  } catch (error) {
    throw new Error(`${name}: not a readable glTF/GLB model (${(error as Error).message})`);
  }
}

/** All attributes of a picked 3D Tiles feature (batch table or EXT_structural_metadata property table). */
export function featureProperties(feature: Cesium3DTileFeature): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const id of feature.getPropertyIds()) properties[id] = feature.getProperty(id);
  return properties;
}

/** Highlights one picked tile feature at a time, restoring the colour of the one before. */
export class TileFeatureHighlight {
  private feature: Cesium3DTileFeature | null = null;
  private previous = new Color();

  set(feature: Cesium3DTileFeature | null, scene: Scene): void {
    if (this.feature && !this.feature.tileset.isDestroyed()) this.feature.color = this.previous;
    this.feature = feature;
    if (feature) {
      this.previous = Color.clone(feature.color, this.previous);
      feature.color = Color.CYAN;
    }
    scene.requestRender();
  }
}

export { Cesium3DTileFeature };
