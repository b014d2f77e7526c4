import {
  BoxGeometry,
  DirectionalLight,
  EdgesGeometry,
  GridHelper,
  HemisphereLight,
  LineBasicMaterial,
  LineSegments,
  PerspectiveCamera,
  Raycaster,
  Scene,
  Vector2,
  Vector3,
  WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { InspectorColorMode } from '../../layers/unitColorModes';
import type { BuildingUnitLayout } from '../../layers/unitLayout';
import type {
  BuildingInspectorAdapter,
  BuildingInspectorCallbacks,
  BuildingInspectorView,
  InspectorClip,
  RenderProfile,
} from '../contract';
import { FloorLabels } from './FloorLabels';
import { UnitStack } from './UnitStack';

/** The app's background (--bg in styles.css), so the canvas reads as part of the page. */
const BACKGROUND = 0x0a1018;
const HOVER_COLOR = 0xffe066;
const SELECTED_COLOR = 0xffffff;
/** Initial view: 30° round from the front façade, 25° above the horizon — shows the front and one end. */
const VIEW_HEADING_RAD = (30 * Math.PI) / 180;
const VIEW_ELEVATION_RAD = (25 * Math.PI) / 180;
/** A pointer that moved further than this between down and up was dragging the camera, not clicking. */
const CLICK_TOLERANCE_PX = 5;
/** Outlines sit just outside the unit box so they are not hidden by its faces. */
const OUTLINE_MARGIN_METERS = 0.12;
const LABEL_OFFSET_METERS = 2.2;

/**
 * The 分层分户 inspector: the floors of one building pulled apart ("exploded") with one box per
 * home, coloured by occupancy, right type or age mix. three.js, rendered on demand (a frame only
 * after a change or a camera move), so an open inspector costs nothing while nobody touches it.
 */
export class BuildingInspector implements BuildingInspectorAdapter {
  private readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera = new PerspectiveCamera(40, 1, 0.1, 2000);
  private readonly controls: OrbitControls;
  private readonly raycaster = new Raycaster();
  private readonly labels: FloorLabels;
  private readonly outlineGeometry = unitBoxEdges();
  private readonly hoverOutline = new LineSegments(this.outlineGeometry, new LineBasicMaterial({ color: HOVER_COLOR }));
  private readonly selectedOutline = new LineSegments(this.outlineGeometry, new LineBasicMaterial({ color: SELECTED_COLOR }));
  private readonly listeners = new AbortController();
  private readonly resizeObserver: ResizeObserver;
  private stack: UnitStack | null = null;
  private grid: GridHelper | null = null;
  private hoveredUnitId: string | null = null;
  private selectedUnitId: string | null = null;
  private clip: InspectorClip | null = null;
  private frameRequest = 0;
  private hoverRequest = 0;
  private frameWaiters: (() => void)[] = [];
  private pointerDown: { x: number; y: number } | null = null;
  private destroyed = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly callbacks: BuildingInspectorCallbacks,
    profile: RenderProfile = 'full',
  ) {
    // Software WebGL (`light`) pays dearly for MSAA and high-DPI buffers; boxes read fine without.
    // No preserveDrawingBuffer: page screenshots come from the compositor, not from readPixels.
    this.renderer = new WebGLRenderer({ antialias: profile === 'full' });
    this.renderer.setPixelRatio(profile === 'light' ? 1 : Math.min(window.devicePixelRatio, 2));
    this.renderer.setClearColor(BACKGROUND);
    const canvas = this.renderer.domElement;
    canvas.style.display = 'block';
    canvas.dataset.testid = 'inspector-canvas';
    container.appendChild(canvas);
    this.labels = new FloorLabels(container);

    this.scene.add(new HemisphereLight(0xdfe8f5, 0x39424f, 2.2));
    const sun = new DirectionalLight(0xffffff, 1.6);
    sun.position.set(0.6, 1, 0.8);
    this.scene.add(sun);
    this.hoverOutline.visible = false;
    this.selectedOutline.visible = false;
    this.scene.add(this.hoverOutline, this.selectedOutline);

    this.controls = new OrbitControls(this.camera, canvas);
    // Stay above ground: looking up through the slabs explains nothing.
    this.controls.maxPolarAngle = Math.PI / 2 - 0.05;
    this.controls.addEventListener('change', () => this.requestRender());

    const signal = this.listeners.signal;
    canvas.addEventListener('pointerdown', (e) => (this.pointerDown = { x: e.clientX, y: e.clientY }), { signal });
    canvas.addEventListener('pointerup', (e) => this.onPointerUp(e), { signal });
    canvas.addEventListener('pointermove', (e) => this.onPointerMove(e), { signal });
    canvas.addEventListener('pointerleave', () => this.setHovered(null), { signal });

    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
    this.resize();
  }

  show(layout: BuildingUnitLayout, view: BuildingInspectorView): void {
    const sameBuilding = this.stack?.layout.buildingId === layout.buildingId;
    this.clearStack();
    this.stack = new UnitStack(layout, view.colorMode);
    this.stack.setExplode(view.explodeMeters);
    this.scene.add(this.stack.group);
    const gridSize = Math.ceil((Math.max(layout.lengthMeters, layout.depthMeters) * 2) / 10) * 10;
    this.grid = new GridHelper(gridSize, gridSize / 2, 0x2a3a4e, 0x1a2636);
    this.grid.position.y = -0.02;
    this.scene.add(this.grid);
    this.labels.set(
      layout.floors.map((f) => ({ floor: f.floor, anchor: this.labelAnchor(f.floor), marked: this.stack!.isMarked(f.floor) })),
    );
    this.applyClip();
    if (!sameBuilding) {
      this.hoveredUnitId = null;
      this.frameCamera();
    } else this.recentre();
    this.refreshOutlines();
    this.requestRender();
  }

  setColorMode(mode: InspectorColorMode): void {
    this.stack?.setColorMode(mode);
    this.requestRender();
  }

  setExplode(explodeMeters: number): void {
    if (!this.stack) return;
    this.stack.setExplode(explodeMeters);
    this.applyClip();
    this.updateLabelAnchors();
    this.recentre();
    this.refreshOutlines();
    this.requestRender();
  }

  highlightFloors(floors: readonly number[]): void {
    if (!this.stack) return;
    this.stack.setMarkedFloors(floors);
    this.updateLabelAnchors();
    this.requestRender();
  }

  setSelectedUnit(unitId: string | null): void {
    this.selectedUnitId = unitId;
    this.refreshOutlines();
    this.requestRender();
  }

  setClip(clip: InspectorClip | null): void {
    this.clip = clip;
    this.applyClip();
    this.requestRender();
  }

  unitScreenPosition(unitId: string): { x: number; y: number } | null {
    const bounds = this.stack?.unitBounds(unitId);
    if (!bounds) return null;
    this.camera.updateMatrixWorld();
    const { center, size } = bounds;
    // The centre of the box, then of the faces the camera sees: the first point whose ray picks this unit.
    const toCamera = this.camera.position.clone().sub(center);
    const candidates = [
      center,
      center.clone().add(new Vector3(0, 0, Math.sign(toCamera.z) * size.z * 0.49)),
      center.clone().add(new Vector3(Math.sign(toCamera.x) * size.x * 0.49, 0, 0)),
      center.clone().add(new Vector3(0, Math.sign(toCamera.y) * size.y * 0.49, 0)),
    ];
    const rect = this.renderer.domElement.getBoundingClientRect();
    for (const point of candidates) {
      const ndc = point.clone().project(this.camera);
      if (ndc.z >= 1 || Math.abs(ndc.x) > 0.98 || Math.abs(ndc.y) > 0.98) continue;
      if (this.pickAt(new Vector2(ndc.x, ndc.y)) !== unitId) continue;
      return { x: rect.left + ((ndc.x + 1) / 2) * rect.width, y: rect.top + ((1 - ndc.y) / 2) * rect.height };
    }
    return null;
  }

  floorCount(): number {
    return this.stack?.layout.floors.length ?? 0;
  }

  nextFrame(): Promise<void> {
    if (this.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      this.frameWaiters.push(resolve);
      this.requestRender();
    });
  }

  dispose(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    cancelAnimationFrame(this.frameRequest);
    cancelAnimationFrame(this.hoverRequest);
    this.listeners.abort();
    this.resizeObserver.disconnect();
    this.controls.dispose();
    this.clearStack();
    this.outlineGeometry.dispose();
    this.hoverOutline.material.dispose();
    this.selectedOutline.material.dispose();
    this.scene.clear();
    this.labels.dispose();
    this.renderer.dispose();
    // Browsers cap live WebGL contexts (~16): give this one back now rather than at garbage collection.
    this.renderer.forceContextLoss();
    this.renderer.domElement.remove();
    // Nobody waits forever on a frame that will never come.
    for (const resolve of this.frameWaiters.splice(0)) resolve();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  private requestRender(): void {
    if (this.destroyed || this.frameRequest) return;
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.renderer.render(this.scene, this.camera);
      const canvas = this.renderer.domElement;
      this.labels.update(this.camera, canvas.clientWidth, canvas.clientHeight);
      for (const resolve of this.frameWaiters.splice(0)) resolve();
    });
  }

  private resize(): void {
    const width = Math.max(1, this.container.clientWidth);
    const height = Math.max(1, this.container.clientHeight);
    this.renderer.setSize(width, height);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    this.requestRender();
  }

  /** Looks at the whole stack from the front-right, far enough for it to fit the narrower field of view. */
  private frameCamera(): void {
    if (!this.stack) return;
    const { lengthMeters, depthMeters } = this.stack.layout;
    const height = this.stack.heightMeters();
    const target = new Vector3(0, height / 2, 0);
    const radius = 0.5 * Math.hypot(lengthMeters + 2 * LABEL_OFFSET_METERS, height, depthMeters);
    const verticalFov = (this.camera.fov * Math.PI) / 180;
    const horizontalFov = 2 * Math.atan(Math.tan(verticalFov / 2) * this.camera.aspect);
    const distance = (radius / Math.sin(Math.min(verticalFov, horizontalFov) / 2)) * 1.05;
    const direction = new Vector3(
      Math.sin(VIEW_HEADING_RAD) * Math.cos(VIEW_ELEVATION_RAD),
      Math.sin(VIEW_ELEVATION_RAD),
      Math.cos(VIEW_HEADING_RAD) * Math.cos(VIEW_ELEVATION_RAD),
    );
    this.camera.position.copy(target).addScaledVector(direction, distance);
    this.camera.near = distance / 100;
    this.camera.far = distance * 20;
    this.camera.updateProjectionMatrix();
    this.controls.target.copy(target);
    this.controls.minDistance = radius * 0.3;
    this.controls.maxDistance = distance * 4;
    this.controls.update();
  }

  /** Keeps the orbit centred on the stack when its height changes, without moving the view direction. */
  private recentre(): void {
    if (!this.stack) return;
    const target = new Vector3(0, this.stack.heightMeters() / 2, 0);
    this.camera.position.add(target.clone().sub(this.controls.target));
    this.controls.target.copy(target);
    this.controls.update();
  }

  /** Global clipping planes cut the stack, its plates and outlines alike (the grid lies below any section). */
  private applyClip(): void {
    const planes = this.clip && this.stack ? [this.stack.clipPlane(this.clip)] : [];
    this.renderer.clippingPlanes = planes;
    this.stack?.setCutOpen(planes.length > 0);
    // A section's plane keeps y ≤ constant: floors starting at or above it are gone, and so are their labels.
    const cutY = this.clip?.kind === 'section' && planes[0] ? planes[0].constant : Infinity;
    const stack = this.stack;
    this.labels.hideFloors(new Set(stack ? stack.layout.floors.filter((f) => stack.floorBaseY(f.floor) >= cutY).map((f) => f.floor) : []));
  }

  private labelAnchor(floor: number): Vector3 {
    const layout = this.stack!.layout;
    return new Vector3(
      -layout.lengthMeters / 2 - LABEL_OFFSET_METERS,
      this.stack!.floorBaseY(floor) + layout.floorHeightMeters / 2,
      layout.depthMeters / 2,
    );
  }

  private updateLabelAnchors(): void {
    for (const f of this.stack?.layout.floors ?? [])
      this.labels.setAnchor(f.floor, this.labelAnchor(f.floor), this.stack!.isMarked(f.floor));
  }

  private clearStack(): void {
    if (this.stack) {
      this.scene.remove(this.stack.group);
      this.stack.dispose();
      this.stack = null;
    }
    if (this.grid) {
      this.scene.remove(this.grid);
      this.grid.dispose();
      this.grid = null;
    }
  }

  private refreshOutlines(): void {
    this.placeOutline(this.hoverOutline, this.hoveredUnitId !== this.selectedUnitId ? this.hoveredUnitId : null);
    this.placeOutline(this.selectedOutline, this.selectedUnitId);
  }

  private placeOutline(outline: LineSegments, unitId: string | null): void {
    const bounds = unitId ? this.stack?.unitBounds(unitId) : null;
    outline.visible = Boolean(bounds);
    if (!bounds) return;
    outline.position.copy(bounds.center);
    outline.scale.copy(bounds.size).addScalar(2 * OUTLINE_MARGIN_METERS);
  }

  private ndcOf(event: PointerEvent): Vector2 {
    const rect = this.renderer.domElement.getBoundingClientRect();
    return new Vector2(((event.clientX - rect.left) / rect.width) * 2 - 1, -((event.clientY - rect.top) / rect.height) * 2 + 1);
  }

  private pickAt(ndc: Vector2): string | null {
    if (!this.stack) return null;
    this.raycaster.setFromCamera(ndc, this.camera);
    return this.stack.pick(this.raycaster, this.renderer.clippingPlanes);
  }

  private onPointerUp(event: PointerEvent): void {
    const down = this.pointerDown;
    this.pointerDown = null;
    if (!down || event.button !== 0) return;
    if (Math.hypot(event.clientX - down.x, event.clientY - down.y) > CLICK_TOLERANCE_PX) return;
    this.callbacks.onPickUnit(this.pickAt(this.ndcOf(event)));
  }

  /** Picks at most once a frame: a raycast per mouse event is wasted work. */
  private onPointerMove(event: PointerEvent): void {
    if (event.buttons !== 0 || this.hoverRequest) return;
    const ndc = this.ndcOf(event);
    this.hoverRequest = requestAnimationFrame(() => {
      this.hoverRequest = 0;
      this.setHovered(this.pickAt(ndc));
    });
  }

  private setHovered(unitId: string | null): void {
    if (unitId === this.hoveredUnitId) return;
    this.hoveredUnitId = unitId;
    this.callbacks.onHoverUnit(unitId);
    this.refreshOutlines();
    this.requestRender();
  }
}

/** The 12 edges of a unit cube; the cube itself is only input, never drawn, so it is freed at once. */
function unitBoxEdges(): EdgesGeometry {
  const cube = new BoxGeometry(1, 1, 1);
  const edges = new EdgesGeometry(cube);
  cube.dispose();
  return edges;
}
