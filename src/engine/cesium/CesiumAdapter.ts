import {
  type BillboardCollection,
  Cartesian2,
  Cartesian3,
  Cartographic,
  DirectionalLight,
  EllipsoidTerrainProvider,
  JulianDate,
  type LabelCollection,
  Math as CesiumMath,
  Matrix4,
  PrimitiveCollection,
  SceneTransforms,
  ScreenSpaceEventHandler,
  ScreenSpaceEventType,
  ShadowMode,
  SunLight,
  Transforms,
  type Primitive,
  type TerrainProvider,
  type Viewer,
} from 'cesium';
import type { CameraBookmark, Community, Facility } from '../../core/model/types';
import { pointInPolygon, ringCentroid } from '../../core/geo/polygon';
import type { Rgb } from '../../layers/buildingColorModes';
import {
  BASE_COLORS,
  BOUNDARY_COLOR,
  CONTEXT_BUILDING_COLOR,
  LAYER_IDS,
  NETWORK_COLORS,
  REUSE_COLORS,
  type LayerId,
} from '../../layers/layerCatalog';
import type {
  LayerKind,
  LayerView,
  PointerTool,
  RenderProfile,
  RenderQuality,
  SceneAdapter,
  SceneCallbacks,
  SceneClip,
  SceneOptions,
} from '../contract';
import { QUALITY_LEVELS } from '../quality';
import { LAYER_RENDERERS } from './renderers';
import type { DrawnLayer, LayerRenderer } from './renderers/layerRenderer';
import { Cesium3DTileFeature, TileFeatureHighlight } from './renderers/tileset';
import { createOfflineViewer } from './offlineViewer';
import { SceneClipper } from './sceneClip';
import { dropCancelledHeightCallbacks, levelZeroTilesOf } from './heightCallbackPairs';
import { BUILDING_PICK_PREFIX, BuildingLayer, CONTEXT_PICK_PREFIX, type CommunityBuildings } from './renderers/buildingLayer';
import { TiledBuildingLayer } from './renderers/tiledBuildingLayer';
import { createFacilityLayer, isMinorCategory } from './renderers/facilityIcons';
import { createLineBatch } from './renderers/lineBatch';
import { createPolygonBatch } from './renderers/polygonBatch';
import { groundHeightAt, scenePointAt } from './scenePointer';

// Flat layers are lifted a little above the ellipsoid and above each other so they never z-fight.
const BASE_HEIGHT_METERS: Record<string, number> = { ground: 0.2, water: 0.5, green: 0.5, plaza: 0.5, road: 0.8 };
const REUSE_HEIGHT_METERS = 1.1;
const NETWORK_HEIGHT_METERS = 1.5;
const BOUNDARY_HEIGHT_METERS = 2;

/**
 * Communities with more buildings than this are tiled in the page. The batched Primitive builds all
 * geometry before its first frame; tiles draw what is in view. `npm run bench` (software WebGL, shared
 * 2-core machine, every tile loaded): first complete frame at 10,000 buildings 22.4 s batched vs 26.9 s
 * tiled, at 50,000 78.4 s vs 49.5 s — the crossing lies between, near 20,000.
 */
export const DEFAULT_TILED_BUILDINGS_ABOVE = 20_000;

interface CommunityScene {
  community: Community;
  collections: Record<LayerId, PrimitiveCollection>;
  buildings: CommunityBuildings;
  /** Primitives built in workers (and the tiled buildings), with the layer they belong to. */
  asyncPrimitives: { layer: LayerId; primitive: { readonly ready: boolean; shadows: ShadowMode } }[];
  billboards: BillboardCollection;
  /** Facility names, in the order of community.facilities. */
  labels: LabelCollection;
}

/** The only place that knows Cesium: draws a community and reports picks and camera moves. */
export class CesiumAdapter implements SceneAdapter {
  private readonly viewer: Viewer;
  private readonly handler: ScreenSpaceEventHandler;
  private current: CommunityScene | null = null;
  private readonly visibility = Object.fromEntries(LAYER_IDS.map((id) => [id, true])) as Record<LayerId, boolean>;
  private destroyed = false;
  /** Kept across communities so a share link's selection shows in the first complete frame. */
  private selectedBuildingId: string | null = null;
  private hoverFrame = 0;
  private readonly removeListeners: (() => void)[] = [];
  /** The layers of setLayers by id, with the view each was drawn from (to redraw only on change). */
  private readonly layersRoot = new PrimitiveCollection();
  private readonly layers = new Map<string, { view: LayerView; drawn: DrawnLayer }>();
  private readonly tileHighlight = new TileFeatureHighlight();
  private readonly clipper = new SceneClipper();
  private quality: RenderQuality = QUALITY_LEVELS[0];
  /** The shadow playback's instant (ms), or null while it is off. */
  private sunShadowsAt: number | null = null;
  /** Start of the frame being rendered, and the animation frame that will time it. */
  private frameStartMs = 0;
  private frameProbe = 0;
  /** A planner's tool (measuring) that takes the clicks; null: clicks select buildings. */
  private pointerTool: PointerTool | null = null;

  constructor(
    container: HTMLElement,
    creditContainer: HTMLElement,
    private readonly profile: RenderProfile,
    private readonly callbacks: SceneCallbacks,
    private readonly options: SceneOptions = {},
  ) {
    // The base feature lays the imagery (Natural Earth by default, models/base.json) as a layer.
    this.viewer = createOfflineViewer(container, profile, creditContainer, { bundledImagery: false });
    const scene = this.viewer.scene;
    scene.primitives.add(this.layersRoot);
    this.handler = new ScreenSpaceEventHandler(scene.canvas);
    this.handler.setInputAction((event: { position: Cartesian2 }) => {
      const picked = this.viewer.scene.pick(event.position) as { id?: unknown; primitive?: unknown } | undefined;
      if (this.pointerTool) {
        this.pointerTool.onClick(scenePointAt(this.viewer.scene, event.position, this.buildingIdOf(picked)));
        return;
      }
      this.callbacks.onPickBuilding(this.buildingIdOf(picked));
      this.pickLayerFeature(picked);
    }, ScreenSpaceEventType.LEFT_CLICK);
    this.handler.setInputAction(() => this.pointerTool?.onDoubleClick?.(), ScreenSpaceEventType.LEFT_DOUBLE_CLICK);
    this.handler.setInputAction((event: { endPosition: Cartesian2 }) => {
      // Picking renders a frame; once per animation frame is plenty.
      if (this.hoverFrame) return;
      const position = Cartesian2.clone(event.endPosition);
      this.hoverFrame = requestAnimationFrame(() => {
        this.hoverFrame = 0;
        if (!this.destroyed) this.callbacks.onHoverBuilding(this.buildingAt(position));
      });
    }, ScreenSpaceEventType.MOUSE_MOVE);
    this.removeListeners.push(
      scene.camera.moveEnd.addEventListener(() => {
        // Each moving frame queues a globe-height registration and its removal on the tile under the camera (see heightCallbackPairs.ts).
        dropCancelledHeightCallbacks(levelZeroTilesOf(scene.globe));
        this.callbacks.onCameraMoved(this.getCamera());
      }),
    );
    // The clip reaches tilesets and models (those added since included) before the scene updates them: a
    // collection switched on after that update would be drawn before its plane texture exists.
    this.removeListeners.push(
      scene.preUpdate.addEventListener(() => {
        if (this.clipper.sync(scene.primitives)) scene.requestRender();
      }),
    );
    // Keep per-instance colour updates flowing into the batched buildings.
    this.removeListeners.push(
      scene.preRender.addEventListener(() => {
        if (this.current?.buildings.sync()) scene.requestRender();
        // Line and polygon batches build in workers and tilesets stream tiles: keep frames coming until all is drawn.
        if (!this.layersLoaded()) scene.requestRender();
        this.frameStartMs = performance.now();
      }),
    );
    // A frame's time runs to the start of the next animation frame: what the screen waited for it.
    this.removeListeners.push(
      scene.postRender.addEventListener(() => {
        if (!this.callbacks.onFrameTime || this.frameProbe) return;
        const start = this.frameStartMs;
        this.frameProbe = requestAnimationFrame(() => {
          this.frameProbe = 0;
          if (!this.destroyed) this.callbacks.onFrameTime?.(performance.now() - start);
        });
      }),
    );
  }

  private buildingAt(position: Cartesian2): string | null {
    return this.buildingIdOf(this.viewer.scene.pick(position));
  }

  /** The community building a pick hit (batched: its instance id; tiled: its feature's id), or null. */
  private buildingIdOf(picked: unknown): string | null {
    return this.current?.buildings.buildingIdOf(picked) ?? null;
  }

  /** A click on a feature of a pickable layer (a tileset feature, a model, a point) reports its layer and attributes. */
  private pickLayerFeature(picked: { primitive?: unknown } | undefined): void {
    const feature = picked instanceof Cesium3DTileFeature ? picked : null;
    const owner = (feature ? feature.tileset : picked?.primitive) as Primitive | undefined;
    const hit = owner ? [...this.layers].find(([, layer]) => layer.drawn.pickProperties && layer.drawn.root?.contains(owner)) : undefined;
    this.tileHighlight.set(feature && hit ? feature : null, this.viewer.scene);
    if (!hit) {
      this.callbacks.onPickLayerFeature?.(null);
      return;
    }
    const [layerId, { drawn }] = hit;
    this.callbacks.onPickLayerFeature?.({ layerId, properties: drawn.pickProperties?.(picked) ?? {} });
  }

  async showCommunity(community: Community, colors: ReadonlyMap<string, Rgb>, view?: CameraBookmark): Promise<void> {
    const scene = this.viewer.scene;
    this.clearCommunity();
    const built = this.buildCommunityScene(community, colors);
    this.current = built;
    for (const id of LAYER_IDS) {
      built.collections[id].show = this.visibility[id];
      scene.primitives.add(built.collections[id]);
    }
    this.setLight(community.manifest.centre);
    this.applySunShadows();
    const camera = view ?? community.manifest.camera;
    if (camera) void this.flyTo(camera, 0);
    await this.whenCompletelyDrawn(built);
  }

  private buildCommunityScene(community: Community, colors: ReadonlyMap<string, Rgb>): CommunityScene {
    const collections = Object.fromEntries(LAYER_IDS.map((id) => [id, new PrimitiveCollection()])) as Record<LayerId, PrimitiveCollection>;
    const asyncPrimitives: CommunityScene['asyncPrimitives'] = [];
    const addAsync = (layer: LayerId, primitive: Primitive) => {
      collections[layer].add(primitive);
      asyncPrimitives.push({ layer, primitive });
    };

    const buildings = this.communityBuildings(community, colors);
    buildings.setSelected(this.selectedBuildingId);
    collections.buildings.add(buildings instanceof TiledBuildingLayer ? buildings.root : buildings.primitive);
    asyncPrimitives.push({ layer: 'buildings', primitive: buildings.primitive });

    // The community's own model replaces context buildings that stand inside its boundary.
    const boundary = community.manifest.boundary;
    const context = community.context.flatMap((c) => c.buildings).filter((b) => !pointInPolygon(ringCentroid(b.footprint), boundary));
    if (context.length) addAsync('context', new BuildingLayer(context, CONTEXT_BUILDING_COLOR, CONTEXT_PICK_PREFIX).primitive);

    if (community.base.length) {
      addAsync(
        'base',
        createPolygonBatch(
          community.base.map((s, i) => ({
            key: `base:${i}`,
            polygon: s.polygon,
            heightMeters: BASE_HEIGHT_METERS[s.kind] ?? 0.5,
            color: BASE_COLORS[s.kind],
          })),
          { pickable: false },
        ),
      );
    }
    if (community.reuse.length) {
      const heightOf = new Map(community.buildings.map((b) => [b.id, b.heightMeters]));
      addAsync(
        'reuse',
        createPolygonBatch(
          community.reuse.map((r) => {
            const buildingHeight = r.buildingId ? heightOf.get(r.buildingId) : undefined;
            return {
              key: `reuse:${r.id}`,
              polygon: r.footprint,
              heightMeters: REUSE_HEIGHT_METERS,
              // An idle building is wrapped in a translucent shell; open plots get a low slab.
              extrudedHeightMeters: buildingHeight ? buildingHeight + 1.5 : REUSE_HEIGHT_METERS + 2,
              color: REUSE_COLORS[r.kind],
              alpha: 0.55,
            };
          }),
          { translucent: true },
        ),
      );
    }
    if (community.network.length) {
      addAsync(
        'network',
        createLineBatch(
          community.network.map((line) => ({ key: `network:${line.id}`, coordinates: line.coordinates, color: NETWORK_COLORS[line.kind] })),
          3,
          NETWORK_HEIGHT_METERS,
        ),
      );
    }
    addAsync(
      'boundary',
      createLineBatch([{ key: 'boundary', coordinates: boundary[0], color: BOUNDARY_COLOR }], 4, BOUNDARY_HEIGHT_METERS),
    );

    const roofOf = new Map(community.buildings.map((b) => [b.id, b.heightMeters]));
    // Same breakpoints as the CSS: 4K walls get larger icons and names.
    const uiScale = Math.max(1, this.viewer.scene.canvas.clientWidth / 1920);
    const facilityLayer = createFacilityLayer(
      community.facilities,
      (f: Facility) => (f.buildingId ? (roofOf.get(f.buildingId) ?? 0) : 0),
      uiScale,
    );
    collections.facilities.add(facilityLayer.billboards);
    collections.facilities.add(facilityLayer.labels as LabelCollection);
    const built = {
      community,
      collections,
      buildings,
      asyncPrimitives,
      billboards: facilityLayer.billboards,
      labels: facilityLayer.labels,
    };
    this.applyLabelDensity(built);
    return built;
  }

  /** Hides facility names the quality level drops (minor categories first). */
  private applyLabelDensity(built: CommunityScene): void {
    const density = this.quality.labels;
    const facilities = built.community.facilities;
    for (let i = 0; i < built.labels.length; i++) {
      built.labels.get(i).show = density === 'all' || (density === 'major' && !isMinorCategory(facilities[i].category));
    }
  }

  setQuality(quality: RenderQuality): void {
    const previous = this.quality;
    this.quality = quality;
    const scene = this.viewer.scene;
    if (this.viewer.resolutionScale !== quality.resolutionScale) this.viewer.resolutionScale = quality.resolutionScale;
    // The light profile (software WebGL) never multisamples; the full one uses 4× like the viewer's default.
    const samples = quality.msaa && this.profile === 'full' ? 4 : 1;
    if (scene.msaaSamples !== samples) scene.msaaSamples = samples;
    if (this.current && previous.labels !== quality.labels) this.applyLabelDensity(this.current);
    for (const { drawn } of this.layers.values()) drawn.setQuality?.(quality);
    scene.requestRender();
  }

  setClip(clip: SceneClip | null): void {
    this.clipper.set(clip);
    this.viewer.scene.requestRender();
  }

  setSunShadows(instantMs: number | null): void {
    this.sunShadowsAt = instantMs;
    this.applySunShadows();
  }

  /**
   * Shadow playback: the sun of the instant (Cesium's SunLight follows the clock) and a shadow map
   * cast by the buildings onto each other, the base and the globe. Off: no shadow map (it costs a
   * depth pass per frame) and the fixed light.
   */
  private applySunShadows(): void {
    const { viewer } = this;
    const instant = this.sunShadowsAt;
    const on = instant !== null;
    for (const { layer, primitive } of this.current?.asyncPrimitives ?? [])
      primitive.shadows = !on ? ShadowMode.DISABLED : layer === 'base' ? ShadowMode.RECEIVE_ONLY : ShadowMode.ENABLED;
    if (on) {
      viewer.clock.currentTime = JulianDate.fromDate(new Date(instant));
      viewer.scene.light = new SunLight({ intensity: 2.2 });
      viewer.shadows = true;
      viewer.shadowMap.softShadows = false;
      viewer.shadowMap.darkness = 0.35;
      viewer.shadowMap.maximumDistance = 3000;
    } else {
      viewer.shadows = false;
      if (this.current) this.setLight(this.current.community.manifest.centre);
    }
    viewer.scene.requestRender();
  }

  /** Light from the south-east at 50° elevation, fixed, so buildings read well at any clock time. */
  private setLight([lon, lat]: [number, number]): void {
    const enu = Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(lon, lat));
    const azimuth = CesiumMath.toRadians(150);
    const elevation = CesiumMath.toRadians(50);
    const towardsSun = new Cartesian3(
      Math.sin(azimuth) * Math.cos(elevation),
      Math.cos(azimuth) * Math.cos(elevation),
      Math.sin(elevation),
    );
    const direction = Matrix4.multiplyByPointAsVector(enu, Cartesian3.negate(towardsSun, new Cartesian3()), new Cartesian3());
    this.viewer.scene.light = new DirectionalLight({ direction: Cartesian3.normalize(direction, direction), intensity: 2.2 });
  }

  /**
   * Resolves after the first frame in which every primitive of the community is built, colours are
   * applied and the globe's tiles are loaded — the moment a person sees the complete scene.
   */
  private whenCompletelyDrawn(built: CommunityScene): Promise<void> {
    const scene = this.viewer.scene;
    return new Promise((resolve, reject) => {
      let completeFrames = 0;
      const remove = scene.postRender.addEventListener(() => {
        if (this.current !== built || this.destroyed) {
          remove();
          reject(new Error('superseded'));
          return;
        }
        // Hidden layers are not updated by Cesium, so they never become ready: only wait for visible ones.
        const ready =
          built.asyncPrimitives.every(({ layer, primitive }) => !this.visibility[layer] || primitive.ready) &&
          scene.globe.tilesLoaded &&
          // Icons load their images only when shown: a scenario that hides the facilities must not wait for them.
          (!this.visibility.facilities || billboardsReady(built.billboards));
        completeFrames = ready ? completeFrames + 1 : 0;
        // One more frame after readiness so colour updates applied in preRender are on screen.
        if (completeFrames >= 2) {
          remove();
          resolve();
        } else scene.requestRender();
      });
      scene.requestRender();
    });
  }

  /**
   * Up to `tiledBuildingsAbove` buildings: one batched Primitive (every building at once, fastest to
   * recolour); above: 3D Tiles tiled in the page, drawn tile by tile as the camera needs them.
   */
  private communityBuildings(community: Community, colors: ReadonlyMap<string, Rgb>): CommunityBuildings {
    if (community.buildings.length > (this.options.tiledBuildingsAbove ?? DEFAULT_TILED_BUILDINGS_ABOVE)) {
      return new TiledBuildingLayer(community.buildings, colors, () => this.viewer.scene.requestRender());
    }
    return new BuildingLayer(community.buildings, colors, BUILDING_PICK_PREFIX);
  }

  private clearCommunity(): void {
    if (!this.current) return;
    for (const id of LAYER_IDS) this.viewer.scene.primitives.remove(this.current.collections[id]);
    this.current.buildings.destroy();
    this.current = null;
  }

  setBuildingColors(colors: ReadonlyMap<string, Rgb>): void {
    this.current?.buildings.setColors(colors);
    this.viewer.scene.requestRender();
  }

  setLayerVisible(layer: LayerId, visible: boolean): void {
    this.visibility[layer] = visible;
    if (this.current) this.current.collections[layer].show = visible;
    this.viewer.scene.requestRender();
  }

  setSelectedBuilding(buildingId: string | null): void {
    this.selectedBuildingId = buildingId;
    this.current?.buildings.setSelected(buildingId);
    this.viewer.scene.requestRender();
  }

  setHoveredBuilding(buildingId: string | null): void {
    this.current?.buildings.setHovered(buildingId);
    this.viewer.scene.requestRender();
  }

  setLayers(views: readonly LayerView[]): void {
    const wanted = new Map(views.map((view) => [view.id, view]));
    for (const [id, layer] of this.layers) {
      const next = wanted.get(id);
      // Views are rebuilt from state: one with the same fields (by identity) is the same layer.
      if (next && sameFields(next, layer.view)) {
        layer.view = next;
        continue;
      }
      if (next && next.kind === layer.view.kind && layer.drawn.update?.(next)) {
        layer.view = next;
        continue;
      }
      this.removeLayer(id);
    }
    for (const view of views) {
      if (this.layers.has(view.id)) continue;
      const renderer = LAYER_RENDERERS[view.kind] as LayerRenderer<LayerKind>;
      const drawn = renderer.draw(view, {
        scene: this.viewer.scene,
        imageryLayers: this.viewer.imageryLayers,
        setTerrain: (provider, previous) => this.setTerrain(provider, previous),
        quality: this.quality,
        fail: (message, issue) => {
          if (this.layers.get(view.id)?.drawn === drawn) this.callbacks.onLayerError?.(view.id, message, issue);
        },
      });
      if (drawn.root) this.layersRoot.add(drawn.root);
      this.layers.set(view.id, { view, drawn });
    }
    this.viewer.scene.requestRender();
  }

  private removeLayer(id: string): void {
    const layer = this.layers.get(id);
    if (!layer) return;
    layer.drawn.destroy?.();
    if (layer.drawn.root) this.layersRoot.remove(layer.drawn.root); // destroys its primitives
    this.layers.delete(id);
    this.viewer.scene.requestRender();
  }

  /** Lays a terrain under the globe; `null` goes back to the ellipsoid unless another terrain replaced `previous` meanwhile. */
  private setTerrain(provider: TerrainProvider | null, previous?: TerrainProvider): void {
    const scene = this.viewer.scene;
    if (provider) scene.terrainProvider = provider;
    else if (!previous || scene.terrainProvider === previous) scene.terrainProvider = new EllipsoidTerrainProvider();
    scene.requestRender();
  }

  flyTo(camera: CameraBookmark, durationSeconds = 1.5): Promise<void> {
    const destination = Cartesian3.fromDegrees(camera.lon, camera.lat, camera.heightMeters);
    const orientation = { heading: CesiumMath.toRadians(camera.headingDeg), pitch: CesiumMath.toRadians(camera.pitchDeg), roll: 0 };
    this.viewer.scene.requestRender();
    if (durationSeconds <= 0) {
      this.viewer.camera.setView({ destination, orientation });
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.viewer.camera.flyTo({ destination, orientation, duration: durationSeconds, complete: resolve, cancel: resolve });
    });
  }

  getCamera(): CameraBookmark {
    const camera = this.viewer.camera;
    const position = Cartographic.fromCartesian(camera.positionWC);
    return {
      lon: CesiumMath.toDegrees(position.longitude),
      lat: CesiumMath.toDegrees(position.latitude),
      heightMeters: position.height,
      headingDeg: CesiumMath.toDegrees(camera.heading),
      pitchDeg: CesiumMath.toDegrees(camera.pitch),
    };
  }

  buildingScreenPosition(buildingId: string): { x: number; y: number } | null {
    const building = this.current?.community.buildings.find((b) => b.id === buildingId);
    if (!building) return null;
    const [lon, lat] = ringCentroid(building.footprint);
    return this.worldScreenPosition(lon, lat, building.heightMeters);
  }

  worldScreenPosition(lon: number, lat: number, heightMeters: number): { x: number; y: number } | null {
    const onCanvas = SceneTransforms.worldToWindowCoordinates(this.viewer.scene, Cartesian3.fromDegrees(lon, lat, heightMeters));
    if (!onCanvas) return null;
    const rect = this.viewer.scene.canvas.getBoundingClientRect();
    return { x: rect.left + onCanvas.x, y: rect.top + onCanvas.y };
  }

  setPointerTool(tool: PointerTool | null): void {
    this.pointerTool = tool;
    this.viewer.scene.canvas.style.cursor = tool ? 'crosshair' : '';
  }

  groundHeight(lon: number, lat: number): number {
    return groundHeightAt(this.viewer.scene, CesiumMath.toRadians(lon), CesiumMath.toRadians(lat));
  }

  layersLoaded(): boolean {
    for (const { drawn } of this.layers.values()) if (!drawn.loaded()) return false;
    return true;
  }

  nextFrame(): Promise<void> {
    const scene = this.viewer.scene;
    return new Promise((resolve) => {
      const remove = scene.postRender.addEventListener(() => {
        remove();
        resolve();
      });
      scene.requestRender();
    });
  }

  snapshot(): Promise<string> {
    const scene = this.viewer.scene;
    return new Promise((resolve, reject) => {
      // The drawing buffer is only guaranteed until the frame is handed to the compositor (WebGL 1.0
      // spec §2.2, preserveDrawingBuffer: false), so the canvas is read in postRender, same task.
      const remove = scene.postRender.addEventListener(() => {
        remove();
        try {
          resolve(scene.canvas.toDataURL('image/png'));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      scene.requestRender();
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.hoverFrame) cancelAnimationFrame(this.hoverFrame);
    if (this.frameProbe) cancelAnimationFrame(this.frameProbe);
    for (const remove of this.removeListeners) remove();
    this.handler.destroy();
    this.clearCommunity();
    for (const id of [...this.layers.keys()]) this.removeLayer(id);
    this.viewer.scene.primitives.remove(this.layersRoot);
    this.viewer.destroy();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

function sameFields(a: object, b: object): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

function billboardsReady(billboards: BillboardCollection): boolean {
  for (let i = 0; i < billboards.length; i++) if (!billboards.get(i).ready) return false;
  return true;
}
