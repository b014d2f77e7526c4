import type { StoreApi } from 'zustand/vanilla';
import { FrameGovernor } from '../core/perf/frameGovernor';
import type { SceneAdapter, SceneCallbacks } from '../engine/contract';
import { QUALITY_LEVELS, type RenderQuality } from '../engine/quality';
import { FEATURES } from '../features/registry';
import type { AppStore, CameraState } from '../stores/appStore';
import { bindSceneToStore } from './bindScene';

/** What keeps a screen running all day (large-screen mode); the planner runs without them. */
export interface AllDayOptions {
  /** Lower and raise render quality with the frame time (core/perf/frameGovernor). */
  governor: boolean;
  /** Seconds `data-ready` may stay away before the view is rebuilt; null: no watchdog. */
  watchdogSeconds: number | null;
}

/**
 * After this many rebuilds without data-ready in between, the watchdog reloads the page. Each
 * rebuild doubles the wait before the next strike: a slow machine that needs longer than the limit
 * for a first complete frame gets there instead of being rebuilt forever.
 */
const REBUILDS_BEFORE_RELOAD = 2;
/** First wait before a view is rebuilt after a lost context, doubled on each failed attempt. */
const REBUILD_DELAY_MS = 250;
const MAX_REBUILD_DELAY_MS = 30_000;

export type AdapterFactory = (container: HTMLElement, callbacks: SceneCallbacks) => SceneAdapter;

/**
 * Owns the 3D adapter of a viewport and keeps it alive: when the WebGL context is lost (GPU reset,
 * driver update, too many contexts) the adapter is destroyed and built anew, and the scene returns
 * to data-ready from the store; a watchdog rebuilds it — and in the end reloads the page — when
 * data-ready stays away too long; a frame-time governor trades picture quality for frame time.
 */
export class SceneHost {
  private adapter: SceneAdapter | null = null;
  private unbind: (() => void) | null = null;
  private disposed = false;
  private readonly governor: FrameGovernor | null;
  private rebuildTimer: ReturnType<typeof setTimeout> | undefined;
  private rebuildDelayMs = REBUILD_DELAY_MS;
  private watchdogTimer: ReturnType<typeof setTimeout> | undefined;
  private watchdogStrikes = 0;
  private readonly unsubscribeReady: () => void;
  /** Adapters built after the first (context losses and watchdog rebuilds), for diagnostics. */
  rebuilds = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly createAdapter: AdapterFactory,
    private readonly store: AppStore,
    private readonly cameraStore: StoreApi<CameraState>,
    private readonly options: AllDayOptions | null,
    /** How the watchdog reloads the page in the end (replaced in unit tests). */
    private readonly reloadPage: () => void = () => window.location.reload(),
  ) {
    this.governor = options?.governor ? new FrameGovernor({ levelCount: QUALITY_LEVELS.length }) : null;
    // Non-bubbling WebGL events reach an ancestor in the capture phase: no engine internals needed.
    container.addEventListener('webglcontextlost', this.onContextLost, true);
    this.unsubscribeReady = store.subscribe((s, prev) => {
      if (s.sceneReady === prev.sceneReady) return;
      if (s.sceneReady) {
        this.watchdogStrikes = 0;
        this.rebuildDelayMs = REBUILD_DELAY_MS;
        clearTimeout(this.watchdogTimer);
      } else this.armWatchdog();
    });
    this.build();
    if (!store.getState().sceneReady) this.armWatchdog();
  }

  /** The adapter on screen (null between a lost context and its rebuild). */
  get current(): SceneAdapter | null {
    return this.adapter;
  }

  get quality(): { level: number } & RenderQuality {
    const level = this.governor?.level ?? 0;
    return { level, ...QUALITY_LEVELS[level] };
  }

  /**
   * Loses the WebGL context of the viewport's canvas on purpose (WEBGL_lose_context), as a GPU reset
   * would. For tests and drills; false when the extension is missing.
   */
  loseContext(): boolean {
    const canvas = this.container.querySelector('canvas');
    const gl = (canvas?.getContext('webgl2') ?? canvas?.getContext('webgl')) as WebGLRenderingContext | null | undefined;
    const extension = gl?.getExtension('WEBGL_lose_context');
    extension?.loseContext();
    return Boolean(extension);
  }

  destroy(): void {
    this.disposed = true;
    clearTimeout(this.rebuildTimer);
    clearTimeout(this.watchdogTimer);
    this.unsubscribeReady();
    this.container.removeEventListener('webglcontextlost', this.onContextLost, true);
    this.teardown();
  }

  private build(): void {
    if (this.disposed) return;
    this.teardown();
    const governor = this.governor;
    let adapter: SceneAdapter;
    try {
      adapter = this.createAdapter(this.container, {
        onPickBuilding: (id) => this.store.getState().selectBuilding(id),
        onHoverBuilding: (id) => this.store.getState().hoverBuilding(id),
        onCameraMoved: (camera) => this.cameraStore.getState().setCamera(camera),
        // Imported and base layers are pickable or load from outside (tilesets, models, tiles); each feature hears of its own.
        onPickLayerFeature: (picked) => {
          for (const { layerEvents } of FEATURES)
            layerEvents?.picked(this.store, picked && layerEvents.owns(picked.layerId) ? picked : null);
        },
        onLayerError: (id, message, issue) => {
          for (const { layerEvents } of FEATURES) if (layerEvents?.owns(id)) layerEvents.failed(this.store, id, message, issue);
        },
        onFrameTime: governor
          ? (ms) => {
              if (governor.observe(ms, performance.now())) this.adapter?.setQuality(QUALITY_LEVELS[governor.level]);
            }
          : undefined,
      });
    } catch (error) {
      // No WebGL right now (the GPU may still be resetting): try again, waiting longer each time. A
      // half-built viewer may have left its widgets (and an error panel) in the container: clear it.
      this.container.replaceChildren();
      console.warn(`3D view could not be created, retrying in ${this.rebuildDelayMs} ms:`, error);
      this.scheduleRebuild();
      return;
    }
    if (governor && governor.level > 0) adapter.setQuality(QUALITY_LEVELS[governor.level]);
    this.adapter = adapter;
    this.unbind = bindSceneToStore(adapter, this.store, this.cameraStore);
  }

  private teardown(): void {
    this.unbind?.();
    this.unbind = null;
    const adapter = this.adapter;
    this.adapter = null;
    try {
      adapter?.destroy();
    } catch (error) {
      // Freeing GPU objects of a lost context may fail; the adapter is dropped all the same.
      console.warn('3D view could not be destroyed cleanly:', error);
    }
  }

  private rebuild(): void {
    this.rebuilds++;
    this.build();
  }

  private scheduleRebuild(): void {
    clearTimeout(this.rebuildTimer);
    const delay = this.rebuildDelayMs;
    this.rebuildDelayMs = Math.min(this.rebuildDelayMs * 2, MAX_REBUILD_DELAY_MS);
    this.rebuildTimer = setTimeout(() => this.rebuild(), delay);
  }

  private readonly onContextLost = (event: Event) => {
    if (this.disposed) return;
    // Only the engine's own canvas matters here; a canvas of a chart or an inspector is not ours.
    const target = event.target as Element | null;
    if (this.adapter === null || target?.tagName !== 'CANVAS' || !this.container.contains(target)) return;
    this.store.getState().setSceneReady(false);
    // Stop drawing into the dead context at once, then build a new view with a new context.
    this.teardown();
    this.scheduleRebuild();
  };

  private armWatchdog(): void {
    clearTimeout(this.watchdogTimer);
    const limit = this.options?.watchdogSeconds;
    if (!limit || this.disposed) return;
    const seconds = limit * 2 ** this.watchdogStrikes;
    this.watchdogTimer = setTimeout(() => {
      if (this.disposed || this.store.getState().sceneReady) return;
      this.watchdogStrikes++;
      if (this.watchdogStrikes > REBUILDS_BEFORE_RELOAD) {
        console.warn(`data-ready missing for ${seconds} s after ${REBUILDS_BEFORE_RELOAD} rebuilds: reloading the page`);
        this.reloadPage();
        return;
      }
      console.warn(`data-ready missing for ${seconds} s: rebuilding the 3D view`);
      this.rebuild();
      this.armWatchdog();
    }, seconds * 1000);
  }
}
