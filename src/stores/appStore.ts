import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataIssue } from '../core/errors';
import type { CameraBookmark, Community } from '../core/model/types';
import { summariseBuildings, type BuildingSummary } from '../data/community/buildingSummaries';
import type { Role } from '../data/privacy/mask';
import type { Language } from '../i18n/translate';
import type { ColorMode } from '../layers/buildingColorModes';
import { defaultLayerVisibility, type LayerId } from '../layers/layerCatalog';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface CommunitySlice {
  status: LoadStatus;
  /** The community on screen; kept while another one loads, and when a load fails. */
  community: Community | null;
  summaries: Map<string, BuildingSummary>;
  loadError: { message: string; issues: DataIssue[] } | null;
  /** True once the scene has drawn the community completely (drives `<html data-ready>`). */
  sceneReady: boolean;
  /** Readiness of the scene when the current load began, restored if that load fails. */
  sceneReadyBeforeLoading: boolean;
  beginLoading(): void;
  setCommunity(community: Community): void;
  failLoading(message: string, issues?: DataIssue[]): void;
  setSceneReady(ready: boolean): void;
}

export interface ViewSlice {
  language: Language;
  role: Role;
  colorMode: ColorMode;
  layers: Record<LayerId, boolean>;
  selectedBuildingId: string | null;
  hoveredBuildingId: string | null;
  setLanguage(language: Language): void;
  setRole(role: Role): void;
  setColorMode(mode: ColorMode): void;
  setLayerVisible(layer: LayerId, visible: boolean): void;
  selectBuilding(id: string | null): void;
  hoverBuilding(id: string | null): void;
}

export type AppState = CommunitySlice & ViewSlice;
export type AppStore = StoreApi<AppState>;

export interface InitialView {
  language?: Language;
  colorMode?: ColorMode;
  layers?: Partial<Record<LayerId, boolean>>;
  selectedBuildingId?: string | null;
}

export function createAppStore(initial: InitialView = {}): AppStore {
  return createStore<AppState>()((set, get) => ({
    status: 'idle',
    community: null,
    summaries: new Map(),
    loadError: null,
    sceneReady: false,
    sceneReadyBeforeLoading: false,
    beginLoading: () => set((s) => ({ status: 'loading', sceneReady: false, sceneReadyBeforeLoading: s.sceneReady, loadError: null })),
    setCommunity: (community) => {
      const keepSelection = get().selectedBuildingId;
      set({
        community,
        summaries: summariseBuildings(community),
        status: 'ready',
        loadError: null,
        selectedBuildingId: keepSelection && community.buildings.some((b) => b.id === keepSelection) ? keepSelection : null,
        hoveredBuildingId: null,
      });
    },
    // The previous community (if any) stays on screen: a failed load loses nothing.
    failLoading: (message, issues = []) =>
      set((s) => ({ status: 'error', loadError: { message, issues }, sceneReady: s.sceneReadyBeforeLoading })),
    setSceneReady: (sceneReady) => set({ sceneReady }),

    language: initial.language ?? 'zh-CN',
    role: 'public',
    colorMode: initial.colorMode ?? 'use',
    layers: { ...defaultLayerVisibility(), ...initial.layers },
    selectedBuildingId: initial.selectedBuildingId ?? null,
    hoveredBuildingId: null,
    setLanguage: (language) => set({ language }),
    setRole: (role) => set({ role }),
    setColorMode: (colorMode) => set({ colorMode }),
    setLayerVisible: (layer, visible) => set((s) => ({ layers: { ...s.layers, [layer]: visible } })),
    selectBuilding: (selectedBuildingId) => set({ selectedBuildingId }),
    hoverBuilding: (hoveredBuildingId) => set({ hoveredBuildingId }),
  }));
}

/**
 * The camera changes many times a second while the user moves, so it lives in its own store that
 * React never renders from; the share-link writer subscribes to it.
 */
export interface CameraState {
  camera: CameraBookmark | null;
  setCamera(camera: CameraBookmark): void;
}

export function createCameraStore(initial: CameraBookmark | null = null): StoreApi<CameraState> {
  return createStore<CameraState>()((set) => ({ camera: initial, setCamera: (camera) => set({ camera }) }));
}
