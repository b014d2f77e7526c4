import type { CameraBookmark, Community, LonLat } from '../core/model/types';
import type { ImportedFeature } from '../data/formats/importResult';
import type { Rgb } from '../layers/buildingColorModes';
import type { LayerId } from '../layers/layerCatalog';
import type { InspectorColorMode } from '../layers/unitColorModes';
import type { BuildingUnitLayout } from '../layers/unitLayout';
import type { RenderQuality } from './quality';

export type { LabelDensity, RenderQuality } from './quality';

/** Streets reached within each walking-time band, nearest band first (drawn on top of the others). */
export interface ServiceReachOverlay {
  bands: { limitSeconds: number; /** [lon1, lat1, lon2, lat2] per segment */ segments: Float64Array }[];
}

export type { ModelPlacement } from '../core/model/placement';
import type { ModelPlacement } from '../core/model/placement';

/** A user-imported layer to draw: vector features (polygons with a height are extruded), a 3D Tiles set or a glTF model. */
export type ImportedLayerView =
  | { id: string; kind: 'features'; features: readonly ImportedFeature[]; color: Rgb }
  | { id: string; kind: 'tileset'; url: string }
  | { id: string; kind: 'model'; url: string; placement: ModelPlacement };

/** How heavy the 3D rendering may be. `light` is for software WebGL (tests, old kiosks). */
export type RenderProfile = 'full' | 'light';

export interface SceneCallbacks {
  /** A community building was clicked (null: clicked elsewhere). */
  onPickBuilding(buildingId: string | null): void;
  onHoverBuilding(buildingId: string | null): void;
  /** The camera came to rest after a move. */
  onCameraMoved(camera: CameraBookmark): void;
  /** A feature of an imported 3D Tiles set or model was clicked: its layer and attributes (null: none). */
  onPickImportedFeature?(picked: { layerId: string; properties: Record<string, unknown> } | null): void;
  /** An imported tileset or model could not be loaded (bad URL, not 3D Tiles, broken file). */
  onImportedLayerError?(layerId: string, message: string): void;
  /**
   * A frame was rendered; `milliseconds` runs from its start to the start of the next animation
   * frame, so GPU back-pressure counts too. Frames are rendered on demand: none while nothing moves.
   */
  onFrameTime?(milliseconds: number): void;
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
  /** Moves the camera; resolves when the flight ends (or is interrupted by another). */
  flyTo(camera: CameraBookmark, durationSeconds?: number): Promise<void>;
  getCamera(): CameraBookmark;
  /** Window (CSS pixel) position of a building's roof centre, or null when off screen. */
  buildingScreenPosition(buildingId: string): { x: number; y: number } | null;
  /** True when every imported tileset and model has loaded and the tiles in view are drawn. */
  importedLayersLoaded(): boolean;
  /** Resolves after the next rendered frame (rendering is on demand). */
  nextFrame(): Promise<void>;
  /**
   * Renders a frame and resolves with it as a PNG data URL (the one-click report's 3D view). Read
   * within that frame, while the WebGL drawing buffer still holds it (no preserveDrawingBuffer).
   */
  snapshot(): Promise<string>;
  /** Trades picture quality for frame time (resolution, anti-aliasing, label density). */
  setQuality(quality: RenderQuality): void;
  destroy(): void;
  isDestroyed(): boolean;
}

/** What the 分层分户 inspector reports back; ids are house ids. */
export interface BuildingInspectorCallbacks {
  onHoverUnit(unitId: string | null): void;
  /** A unit was clicked (null: clicked beside the building). Drags do not pick. */
  onPickUnit(unitId: string | null): void;
}

export interface BuildingInspectorView {
  /** Extra gap between floors, metres (0: floors stacked as built). */
  explodeMeters: number;
  colorMode: InspectorColorMode;
}

/**
 * The floors-and-units view of one building (`engine/three/BuildingInspector`). Renders on demand;
 * the camera orbits the building (drag) and zooms (wheel). No three.js types here.
 */
export interface BuildingInspectorAdapter {
  /** Draws `layout`, replacing what was drawn; the camera is framed anew only for another building. */
  show(layout: BuildingUnitLayout, view: BuildingInspectorView): void;
  setColorMode(mode: InspectorColorMode): void;
  setExplode(explodeMeters: number): void;
  /** Marks exactly these floors (1-based), overriding the layout's marks. */
  highlightFloors(floors: readonly number[]): void;
  setSelectedUnit(unitId: string | null): void;
  /** Window (CSS pixel) position where a click picks this unit, or null when it cannot be seen. */
  unitScreenPosition(unitId: string): { x: number; y: number } | null;
  /** Floors drawn. */
  floorCount(): number;
  /** Resolves after the next rendered frame. */
  nextFrame(): Promise<void>;
  /** Frees every GPU resource, the canvas and the listeners. */
  dispose(): void;
  isDestroyed(): boolean;
}
