import { BoundingSphere, type Cartesian2, Cartesian3, Cartographic, Math as CesiumMath, type Scene } from 'cesium';
import type { ScenePoint } from '../contract';

/**
 * The point of the scene under a window position, for the measuring tools: on a building, a tileset or a
 * model the depth buffer's position (`scene.pickPosition`), on open ground the exact intersection of the
 * pick ray with the globe (the depth buffer's precision falls with distance), then the ellipsoid.
 */
export function scenePointAt(scene: Scene, position: Cartesian2, buildingId: string | null): ScenePoint | null {
  let world: Cartesian3 | undefined;
  const picked: unknown = scene.pick(position);
  if (picked && scene.pickPositionSupported) world = scene.pickPosition(position, new Cartesian3());
  if (!world || !Number.isFinite(world.x)) {
    const ray = scene.camera.getPickRay(position);
    world = (ray && scene.globe.pick(ray, scene)) || scene.camera.pickEllipsoid(position, scene.globe.ellipsoid);
  }
  if (!world) return null;
  const where = Cartographic.fromCartesian(world);
  if (!where) return null;
  const ground = groundHeightAt(scene, where.longitude, where.latitude);
  const pixel = scene.camera.getPixelSize(new BoundingSphere(world, 0), scene.drawingBufferWidth, scene.drawingBufferHeight);
  // getPixelSize is in drawing-buffer pixels; a tolerance is asked for in CSS pixels.
  const cssScale = scene.drawingBufferWidth / Math.max(1, scene.canvas.clientWidth);
  return {
    lon: CesiumMath.toDegrees(where.longitude),
    lat: CesiumMath.toDegrees(where.latitude),
    // Off any primitive the point is on the ground: take the globe's height, not the depth buffer's.
    heightMeters: picked ? where.height : ground,
    groundHeightMeters: ground,
    buildingId,
    metersPerPixel: pixel * cssScale,
  };
}

/** Height of the loaded terrain at a longitude and latitude (radians); 0 on the ellipsoid or outside loaded tiles. */
export function groundHeightAt(scene: Scene, longitude: number, latitude: number): number {
  return scene.globe.getHeight(new Cartographic(longitude, latitude)) ?? 0;
}
