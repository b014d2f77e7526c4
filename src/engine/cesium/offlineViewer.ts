import { buildModuleUrl, Color, EllipsoidTerrainProvider, ImageryLayer, JulianDate, TileMapServiceImageryProvider, Viewer } from 'cesium';
import 'cesium/Build/Cesium/Widgets/widgets.css';
import type { RenderProfile } from '../contract';

/**
 * Cesium fetches its workers and assets at run time from CESIUM_BASE_URL; the build serves them from
 * `<app>/cesium/`. Read lazily by buildModuleUrl, so setting it when this module loads is early enough.
 * `document.baseURI` keeps it right under any base path.
 */
(window as unknown as { CESIUM_BASE_URL: string }).CESIUM_BASE_URL = new URL(
  'cesium/',
  new URL(import.meta.env.BASE_URL, document.baseURI),
).href;

/** A fixed instant (10:00 Beijing time at the spring equinox) so lighting and screenshots never depend on the clock. */
const FIXED_TIME = JulianDate.fromIso8601('2026-03-20T02:00:00Z');

/** Cesium's bundled Natural Earth II (levels 0–2), dimmed: at street scale it is a blurry green, and the community's own base map should lead. */
export function naturalEarthLayer(): ImageryLayer {
  const layer = ImageryLayer.fromProviderAsync(TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII')));
  layer.brightness = 0.45;
  layer.saturation = 0.35;
  return layer;
}

/**
 * A Viewer that never calls the internet: no Cesium ion token, no online imagery, geocoder or base
 * layer picker. The globe shows Cesium's bundled Natural Earth II, unless `bundledImagery` is false
 * (the app lays its base imagery as layers, from models/base.json); the community draws its own
 * vector base on top.
 */
export function createOfflineViewer(
  container: HTMLElement,
  profile: RenderProfile,
  creditContainer: HTMLElement,
  { bundledImagery = true }: { bundledImagery?: boolean } = {},
): Viewer {
  const light = profile === 'light';
  const viewer = new Viewer(container, {
    baseLayer: bundledImagery ? naturalEarthLayer() : false,
    terrainProvider: new EllipsoidTerrainProvider(),
    baseLayerPicker: false,
    geocoder: false,
    homeButton: false,
    sceneModePicker: false,
    navigationHelpButton: false,
    animation: false,
    timeline: false,
    fullscreenButton: false,
    infoBox: false,
    selectionIndicator: false,
    creditContainer,
    // Software WebGL (SwiftShader) is 4× faster without MSAA, sky and atmosphere.
    msaaSamples: light ? 1 : 4,
    skyBox: light ? false : undefined,
    skyAtmosphere: light ? false : undefined,
    // Render on demand: an all-day screen that is not moving costs almost nothing.
    requestRenderMode: true,
    maximumRenderTimeChange: Number.POSITIVE_INFINITY,
  });
  const { scene, clock } = viewer;
  clock.currentTime = FIXED_TIME.clone();
  clock.shouldAnimate = false;
  scene.backgroundColor = Color.fromCssColorString('#0a1018');
  scene.globe.baseColor = Color.fromCssColorString('#1b2430');
  scene.globe.enableLighting = false;
  scene.globe.showGroundAtmosphere = !light;
  scene.fog.enabled = !light;
  if (scene.sun) scene.sun.show = !light;
  if (scene.moon) scene.moon.show = false;
  scene.highDynamicRange = false;

  // Stop the globe from eating the mouse wheel past street level.
  scene.screenSpaceCameraController.minimumZoomDistance = 30;
  scene.screenSpaceCameraController.maximumZoomDistance = 60000;
  return viewer;
}
