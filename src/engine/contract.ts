import type { IssueMessage } from '../core/errors';
import type { CameraBookmark, Community } from '../core/model/types';
import type { Rgb } from '../layers/buildingColorModes';
import type { LayerId } from '../layers/layerCatalog';
import type { InspectorColorMode } from '../layers/unitColorModes';
import type { BuildingUnitLayout } from '../layers/unitLayout';
import type { RenderQuality } from './quality';

export type { LabelDensity, RenderQuality } from './quality';

/**
 * The layers drawn over the community, by kind. Each kind's view (what the app gives to draw) is
 * declared by its renderer, `engine/cesium/renderers/<kind>.ts`, which adds an entry here by
 * declaration merging (`declare module '../../contract' { interface LayerViewKinds { … } }`) and is
 * listed in `renderers/index.ts`. The app builds views as plain data and never sees a renderer.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface LayerViewKinds {}
export type LayerKind = keyof LayerViewKinds;
/** A layer to draw: a stable id (diffed across calls), its kind and that kind's view. */
export type LayerView<K extends LayerKind = LayerKind> = { [P in K]: { id: string; kind: P } & LayerViewKinds[P] }[K];

/** A point of the scene under the pointer, for the planner's tools (measuring). Heights are ellipsoidal metres. */
export interface ScenePoint {
  lon: number;
  lat: number;
  heightMeters: number;
  /** Height of the ground (terrain, or 0 on the ellipsoid) at this longitude and latitude. */
  groundHeightMeters: number;
  /** The community building hit (null: the ground or anything else). */
  buildingId: string | null;
  /** Metres one CSS pixel spans at this point: how far a snap may reach for a tolerance in pixels. */
  metersPerPixel: number;
}

/** A tool that takes the pointer over the scene: while set, clicks go to it instead of selecting buildings. */
export interface PointerTool {
  /** A click (or tap) on the scene; null: nothing under the pointer (the sky). */
  onClick(point: ScenePoint | null): void;
  /** A double click (the second click of it has already come through onClick). */
  onDoubleClick?(): void;
}

/**
 * A clip through the scene's 3D Tiles and models (剖切), in a local frame at `origin` (x east, y north,
 * z up, metres; z from the ellipsoid). What is kept lies on the normal's side of EVERY plane
 * (normal · p ≥ offsetMeters): one plane keeps a half-space, six make a box (six at most).
 */
export interface SceneClip {
  origin: { lon: number; lat: number };
  planes: readonly { normal: readonly [number, number, number]; offsetMeters: number }[];
}

/** How heavy the 3D rendering may be. `light` is for software WebGL (tests, old kiosks). */
export type RenderProfile = 'full' | 'light';

/** How the view draws, beyond the profile. */
export interface SceneOptions {
  /** Building count above which a community's buildings are tiled (3D Tiles in the page) instead of batched; default 20,000. */
  tiledBuildingsAbove?: number;
}

export interface SceneCallbacks {
  /** A community building was clicked (null: clicked elsewhere). */
  onPickBuilding(buildingId: string | null): void;
  onHoverBuilding(buildingId: string | null): void;
  /** The camera came to rest after a move. */
  onCameraMoved(camera: CameraBookmark): void;
  /** A feature of a pickable layer (3D Tiles, a model, imported points) was clicked: its layer and attributes (null: none). */
  onPickLayerFeature?(picked: { layerId: string; properties: Record<string, unknown> } | null): void;
  /** A layer could not be loaded (bad URL, not 3D Tiles, broken file); the others keep working. `issue`: the same, translatable. */
  onLayerError?(layerId: string, message: string, issue?: IssueMessage): void;
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
  /**
   * Draws exactly these layers (analysis overlays, imported data): a layer whose view is unchanged
   * (the same values in every field, compared by identity) is kept, a changed one is updated in place where its renderer can, others are
   * removed and their GPU memory freed. Layers never hold up `showCommunity`.
   */
  setLayers(layers: readonly LayerView[]): void;
  /** Moves the camera; resolves when the flight ends (or is interrupted by another). */
  flyTo(camera: CameraBookmark, durationSeconds?: number): Promise<void>;
  getCamera(): CameraBookmark;
  /** Window (CSS pixel) position of a building's roof centre, or null when off screen. */
  buildingScreenPosition(buildingId: string): { x: number; y: number } | null;
  /** Window (CSS pixel) position of a point in space, or null when off screen (browser tests click there). */
  worldScreenPosition(lon: number, lat: number, heightMeters: number): { x: number; y: number } | null;
  /** Hands clicks on the scene to `tool` (null: back to picking buildings); a crosshair shows the tool is on. */
  setPointerTool(tool: PointerTool | null): void;
  /** Ground height (m) at a longitude and latitude from the terrain drawn now (0 on the ellipsoid or where no tile is loaded). */
  groundHeight(lon: number, lat: number): number;
  /** True when every layer of `setLayers` is on screen (built, loaded, the tiles in view drawn). */
  layersLoaded(): boolean;
  /** Resolves after the next rendered frame (rendering is on demand). */
  nextFrame(): Promise<void>;
  /**
   * Renders a frame and resolves with it as a PNG data URL (the one-click report's 3D view). Read
   * within that frame, while the WebGL drawing buffer still holds it (no preserveDrawingBuffer).
   */
  snapshot(): Promise<string>;
  /** Trades picture quality for frame time (resolution, anti-aliasing, label density). */
  setQuality(quality: RenderQuality): void;
  /**
   * Shadow playback: the sun of this instant (ms) lights the scene and buildings cast shadows;
   * null turns shadows off and brings the fixed light back. For the picture only.
   */
  setSunShadows?(instantMs: number | null): void;
  /**
   * Clips every 3D Tiles layer and model (imported, the city's) to `clip`; null removes it. The
   * community's extruded buildings are not touched: the app draws their clipped parts as a layer.
   */
  setClip?(clip: SceneClip | null): void;
  destroy(): void;
  isDestroyed(): boolean;
}

/** What the 分层分户 inspector reports back; ids are house ids. */
export interface BuildingInspectorCallbacks {
  onHoverUnit(unitId: string | null): void;
  /** A unit was clicked (null: clicked beside the building). Drags do not pick. */
  onPickUnit(unitId: string | null): void;
}

/**
 * A cut through the inspected building: a horizontal section at a height above its ground (the
 * floors above it gone, the floor it crosses cut open), or a lengthwise cut through its middle that
 * takes the front half away so the homes inside show.
 */
export type InspectorClip = { kind: 'section'; heightMeters: number } | { kind: 'lengthwise' };

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
  /** Cuts the building open (null: whole again); clicks and unitScreenPosition skip what is cut away. */
  setClip(clip: InspectorClip | null): void;
  /** Floors drawn. */
  floorCount(): number;
  /** Resolves after the next rendered frame. */
  nextFrame(): Promise<void>;
  /** Frees every GPU resource, the canvas and the listeners. */
  dispose(): void;
  isDestroyed(): boolean;
}
