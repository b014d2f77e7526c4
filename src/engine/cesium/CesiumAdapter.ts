import {
  BillboardCollection,
  Cartesian2,
  Cartesian3,
  Cartographic,
  DirectionalLight,
  LabelCollection,
  Math as CesiumMath,
  Matrix4,
  PrimitiveCollection,
  SceneTransforms,
  ScreenSpaceEventHandler,
  ScreenSpaceEventType,
  Transforms,
  type Model,
  type Primitive,
  type Viewer,
} from 'cesium';
import type { CameraBookmark, Community, Facility, LonLat } from '../../core/model/types';
import { pointInPolygon, ringCentroid } from '../../core/geo/polygon';
import type { Rgb } from '../../layers/buildingColorModes';
import {
  BASE_COLORS,
  BOUNDARY_COLOR,
  CONTEXT_BUILDING_COLOR,
  LAYER_IDS,
  NETWORK_COLORS,
  REACH_BAND_COLORS,
  REUSE_COLORS,
  ROUTE_COLOR,
  type LayerId,
} from '../../layers/layerCatalog';
import type { ImportedLayerView, RenderProfile, RenderQuality, SceneAdapter, SceneCallbacks, ServiceReachOverlay } from '../contract';
import { QUALITY_LEVELS } from '../quality';
import { createImportedLayer } from './renderers/importedLayer';
import { Cesium3DTileFeature, featureProperties, loadModel, loadTileset, placementMatrix, TileFeatureHighlight } from './renderers/importedModels';
import { createOfflineViewer } from './offlineViewer';
import { dropCancelledHeightCallbacks, levelZeroTilesOf } from './heightCallbackPairs';
import { BUILDING_PICK_PREFIX, BuildingLayer, CONTEXT_PICK_PREFIX } from './renderers/buildingLayer';
import { createFacilityLayer, isMinorCategory } from './renderers/facilityIcons';
import { createLineBatch } from './renderers/lineBatch';
import { createPolygonBatch } from './renderers/polygonBatch';

// Flat layers are lifted a little above the ellipsoid and above each other so they never z-fight.
const BASE_HEIGHT_METERS: Record<string, number> = { ground: 0.2, water: 0.5, green: 0.5, plaza: 0.5, road: 0.8 };
const REUSE_HEIGHT_METERS = 1.1;
const NETWORK_HEIGHT_METERS = 1.5;
const BOUNDARY_HEIGHT_METERS = 2;
// Reached streets sit just above the plain network, nearer bands above farther ones; the route on top.
const REACH_HEIGHT_METERS = [2.6, 2.4, 2.2];
const ROUTE_HEIGHT_METERS = 3;

/** Layers drawn from analysis results; they live across communities and never hold up data-ready. */
const OVERLAY_LAYERS = ['serviceReach', 'route'] as const satisfies readonly LayerId[];

interface CommunityScene {
  community: Community;
  collections: Record<LayerId, PrimitiveCollection>;
  buildings: BuildingLayer;
  /** Primitives built in workers, with the layer they belong to. */
  asyncPrimitives: { layer: LayerId; primitive: Primitive }[];
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
  private readonly overlays = {
    serviceReach: new PrimitiveCollection(),
    route: new PrimitiveCollection(),
  };
  /** User-imported layers by id, with the view they were drawn from (to redraw only on change). */
  private readonly importedRoot = new PrimitiveCollection();
  private readonly imported = new Map<string, { view: ImportedLayerView; collection: PrimitiveCollection; pending: Primitive[] }>();
  private readonly tileHighlight = new TileFeatureHighlight();
  private quality: RenderQuality = QUALITY_LEVELS[0];
  /** Start of the frame being rendered, and the animation frame that will time it. */
  private frameStartMs = 0;
  private frameProbe = 0;

  constructor(
    container: HTMLElement,
    creditContainer: HTMLElement,
    private readonly profile: RenderProfile,
    private readonly callbacks: SceneCallbacks,
  ) {
    this.viewer = createOfflineViewer(container, profile, creditContainer);
    const scene = this.viewer.scene;
    for (const id of OVERLAY_LAYERS) scene.primitives.add(this.overlays[id]);
    scene.primitives.add(this.importedRoot);
    this.handler = new ScreenSpaceEventHandler(scene.canvas);
    this.handler.setInputAction((event: { position: Cartesian2 }) => {
      const picked = this.viewer.scene.pick(event.position) as { id?: unknown; primitive?: unknown } | undefined;
      this.callbacks.onPickBuilding(buildingIdOf(picked));
      this.pickImported(picked);
    }, ScreenSpaceEventType.LEFT_CLICK);
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
    // Keep per-instance colour updates flowing into the batched buildings.
    this.removeListeners.push(
      scene.preRender.addEventListener(() => {
        if (this.current?.buildings.sync()) scene.requestRender();
        // Overlay lines are built in workers; keep frames coming until they are on screen.
        if (OVERLAY_LAYERS.some((id) => collectionPending(this.overlays[id]))) scene.requestRender();
        // Imported batches build in workers and tilesets stream tiles: keep frames coming until all is drawn.
        if (!this.importedLayersLoaded()) scene.requestRender();
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
    return buildingIdOf(this.viewer.scene.pick(position) as { id?: unknown } | undefined);
  }

  /** A click on an imported tileset feature or model reports its layer and attributes. */
  private pickImported(picked: { primitive?: unknown } | undefined): void {
    const feature = picked instanceof Cesium3DTileFeature ? picked : null;
    const owner = feature ? feature.tileset : picked?.primitive;
    const layerId = [...this.imported].find(([, layer]) => layer.collection.contains(owner as Primitive))?.[0];
    this.tileHighlight.set(feature && layerId ? feature : null, this.viewer.scene);
    if (!layerId) {
      this.callbacks.onPickImportedFeature?.(null);
      return;
    }
    this.callbacks.onPickImportedFeature?.({ layerId, properties: feature ? featureProperties(feature) : {} });
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

    const buildings = new BuildingLayer(community.buildings, colors, BUILDING_PICK_PREFIX);
    buildings.setSelected(this.selectedBuildingId);
    addAsync('buildings', buildings.primitive);

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
    addAsync('boundary', createLineBatch([{ key: 'boundary', coordinates: boundary[0], color: BOUNDARY_COLOR }], 4, BOUNDARY_HEIGHT_METERS));

    const roofOf = new Map(community.buildings.map((b) => [b.id, b.heightMeters]));
    // Same breakpoints as the CSS: 4K walls get larger icons and names.
    const uiScale = Math.max(1, this.viewer.scene.canvas.clientWidth / 1920);
    const facilityLayer = createFacilityLayer(community.facilities, (f: Facility) => (f.buildingId ? (roofOf.get(f.buildingId) ?? 0) : 0), uiScale);
    collections.facilities.add(facilityLayer.billboards);
    collections.facilities.add(facilityLayer.labels as LabelCollection);
    const built = { community, collections, buildings, asyncPrimitives, billboards: facilityLayer.billboards, labels: facilityLayer.labels };
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
    scene.requestRender();
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

  private clearCommunity(): void {
    if (!this.current) return;
    for (const id of LAYER_IDS) this.viewer.scene.primitives.remove(this.current.collections[id]);
    this.current = null;
  }

  setBuildingColors(colors: ReadonlyMap<string, Rgb>): void {
    this.current?.buildings.setColors(colors);
    this.viewer.scene.requestRender();
  }

  setLayerVisible(layer: LayerId, visible: boolean): void {
    this.visibility[layer] = visible;
    if (this.current) this.current.collections[layer].show = visible;
    if (layer === 'serviceReach' || layer === 'route') this.overlays[layer].show = visible;
    this.viewer.scene.requestRender();
  }

  setServiceReach(overlay: ServiceReachOverlay | null): void {
    const collection = this.overlays.serviceReach;
    collection.removeAll();
    // A street reached in 5 minutes is also in the 10- and 15-minute bands: nearer bands sit higher.
    overlay?.bands.forEach((band, i) => {
      const items = [];
      for (let k = 0; k + 3 < band.segments.length; k += 4) {
        items.push({
          key: `reach:${i}:${k}`,
          coordinates: [
            [band.segments[k], band.segments[k + 1]],
            [band.segments[k + 2], band.segments[k + 3]],
          ] as LonLat[],
          color: REACH_BAND_COLORS[Math.min(i, REACH_BAND_COLORS.length - 1)],
        });
      }
      if (items.length) collection.add(createLineBatch(items, 5, REACH_HEIGHT_METERS[i] ?? 2));
    });
    this.viewer.scene.requestRender();
  }

  setRoute(coordinates: readonly LonLat[] | null): void {
    const collection = this.overlays.route;
    collection.removeAll();
    if (coordinates && coordinates.length >= 2) {
      collection.add(createLineBatch([{ key: 'route', coordinates, color: ROUTE_COLOR }], 7, ROUTE_HEIGHT_METERS));
    }
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

  setImportedLayers(layers: readonly ImportedLayerView[]): void {
    const wanted = new Map(layers.map((l) => [l.id, l]));
    for (const [id, drawn] of this.imported) {
      const next = wanted.get(id);
      if (next && sameImportedView(next, drawn.view)) continue;
      // A moved model keeps its GPU resources: only its matrix changes.
      if (next?.kind === 'model' && drawn.view.kind === 'model' && next.url === drawn.view.url) {
        const model = drawn.collection.length ? (drawn.collection.get(0) as Model) : null;
        if (model) model.modelMatrix = placementMatrix(next.placement);
        drawn.view = next;
        continue;
      }
      this.importedRoot.remove(drawn.collection); // destroys its primitives
      this.imported.delete(id);
    }
    for (const layer of layers) {
      if (this.imported.has(layer.id)) continue;
      if (layer.kind === 'features') {
        const { collection, pending } = createImportedLayer(layer.id, layer.features, layer.color);
        this.importedRoot.add(collection);
        this.imported.set(layer.id, { view: layer, collection, pending });
      } else {
        const collection = new PrimitiveCollection();
        this.importedRoot.add(collection);
        const entry = { view: layer, collection, pending: [] as Primitive[] };
        this.imported.set(layer.id, entry);
        const loading = layer.kind === 'tileset' ? loadTileset(layer.url) : loadModel(layer.url, layer.id, layer.placement);
        loading.then(
          (primitive) => {
            // Removed or replaced while loading: free it at once.
            if (this.destroyed || this.imported.get(layer.id) !== entry) return void primitive.destroy();
            collection.add(primitive);
            this.viewer.scene.requestRender();
          },
          (error: Error) => {
            if (this.imported.get(layer.id) === entry) this.callbacks.onImportedLayerError?.(layer.id, error.message);
          },
        );
      }
    }
    this.viewer.scene.requestRender();
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
    const world = Cartesian3.fromDegrees(lon, lat, building.heightMeters);
    const onCanvas = SceneTransforms.worldToWindowCoordinates(this.viewer.scene, world);
    if (!onCanvas) return null;
    const rect = this.viewer.scene.canvas.getBoundingClientRect();
    return { x: rect.left + onCanvas.x, y: rect.top + onCanvas.y };
  }

  importedLayersLoaded(): boolean {
    for (const { view, collection, pending } of this.imported.values()) {
      if (pending.some((p) => !p.ready)) return false;
      if (view.kind === 'features') continue;
      const primitive = collection.length ? (collection.get(0) as { tilesLoaded?: boolean; ready?: boolean }) : null;
      if (!primitive) return false;
      if (view.kind === 'tileset' ? !primitive.tilesLoaded : !primitive.ready) return false;
    }
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
    for (const id of OVERLAY_LAYERS) this.viewer.scene.primitives.remove(this.overlays[id]);
    this.viewer.scene.primitives.remove(this.importedRoot);
    this.imported.clear();
    this.viewer.destroy();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

function buildingIdOf(picked: { id?: unknown } | undefined): string | null {
  const id = picked?.id;
  return typeof id === 'string' && id.startsWith(BUILDING_PICK_PREFIX) ? id.slice(BUILDING_PICK_PREFIX.length) : null;
}

function sameImportedView(a: ImportedLayerView, b: ImportedLayerView): boolean {
  if (a.kind === 'features' && b.kind === 'features') return a.features === b.features && a.color === b.color;
  if (a.kind === 'tileset' && b.kind === 'tileset') return a.url === b.url;
  if (a.kind === 'model' && b.kind === 'model') return a.url === b.url && a.placement === b.placement;
  return false;
}

function collectionPending(collection: PrimitiveCollection): boolean {
  for (let i = 0; i < collection.length; i++) if (!(collection.get(i) as Primitive).ready) return true;
  return false;
}

function billboardsReady(billboards: BillboardCollection): boolean {
  for (let i = 0; i < billboards.length; i++) if (!billboards.get(i).ready) return false;
  return true;
}
