import type { CameraBookmark, Community, LonLat } from '../core/model/types';
import type { ImportedFeature } from '../data/formats/importResult';
import type { Rgb } from '../layers/buildingColorModes';
import type { LayerId } from '../layers/layerCatalog';

/** Streets reached within each walking-time band, nearest band first (drawn on top of the others). */
export interface ServiceReachOverlay {
  bands: { limitSeconds: number; /** [lon1, lat1, lon2, lat2] per segment */ segments: Float64Array }[];
}

/** A user-imported layer to draw; polygons with a height are extruded. */
export interface ImportedLayerView {
  id: string;
  features: readonly ImportedFeature[];
  color: Rgb;
}

/** How heavy the 3D rendering may be. `light` is for software WebGL (tests, old kiosks). */
export type RenderProfile = 'full' | 'light';

export interface SceneCallbacks {
  /** A community building was clicked (null: clicked elsewhere). */
  onPickBuilding(buildingId: string | null): void;
  onHoverBuilding(buildingId: string | null): void;
  /** The camera came to rest after a move. */
  onCameraMoved(camera: CameraBookmark): void;
}

/**
 * What the app needs from a 3D engine. Nothing here names Cesium or three.js types, so the app and
 * the panels stay engine-free; `engine/cesium/CesiumAdapter` is the implementation.
 */
export interface SceneAdapter {
  /**
   * Replaces the drawn community, viewed from `camera` (default: the package's bookmark); resolves
   * when it is fully drawn (first complete frame), rejects when superseded by another call.
   */
  showCommunity(community: Community, colors: ReadonlyMap<string, Rgb>, camera?: CameraBookmark): Promise<void>;
  setBuildingColors(colors: ReadonlyMap<string, Rgb>): void;
  setLayerVisible(layer: LayerId, visible: boolean): void;
  setSelectedBuilding(buildingId: string | null): void;
  setHoveredBuilding(buildingId: string | null): void;
  /** Draws (or with null, clears) the streets reached from the chosen category's facilities. */
  setServiceReach(overlay: ServiceReachOverlay | null): void;
  /** Draws (or clears) the walking route of the selected building to its nearest facility. */
  setRoute(coordinates: readonly LonLat[] | null): void;
  /** Draws exactly these imported layers (others are removed and their GPU memory freed). */
  setImportedLayers(layers: readonly ImportedLayerView[]): void;
  flyTo(camera: CameraBookmark, durationSeconds?: number): void;
  getCamera(): CameraBookmark;
  /** Window (CSS pixel) position of a building's roof centre, or null when off screen. */
  buildingScreenPosition(buildingId: string): { x: number; y: number } | null;
  /** Resolves after the next rendered frame (rendering is on demand). */
  nextFrame(): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
}
