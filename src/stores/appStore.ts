import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataIssue } from '../core/errors';
import type { ServiceCoverage } from '../analysis/service-circles/computeServiceCoverage';
import type { ServiceGap } from '../analysis/service-circles/gaps';
import type { CameraBookmark, Community, FacilityCategory, LocalizedText } from '../core/model/types';
import type { ImportFailure, ImportResult } from '../data/formats/importResult';
import type { ModelPlacement } from '../core/model/placement';
import { suggestMapping, type LayerMapping } from '../data/community/importedData';
import { summariseBuildings, type BuildingSummary } from '../data/community/buildingSummaries';
import type { Role } from '../data/privacy/mask';
import type { Language } from '../i18n/translate';
import type { ColorMode, Rgb } from '../layers/buildingColorModes';
import type { InspectorColorMode } from '../layers/unitColorModes';
import { defaultLayerVisibility, type LayerId } from '../layers/layerCatalog';
import { createTourSlice, type TourSlice } from '../features/tour/slice';

export type { TourSlice } from '../features/tour/slice';

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

/** 5/15-minute service circles: the user's settings and the latest result from the worker. */
export interface AnalysisSlice {
  /** The category buildings are coloured by, routes drawn to and streets banded for. */
  serviceCategory: FacilityCategory;
  walkSpeedMetersPerSecond: number;
  /** The user's edits of the rule thresholds, metres. */
  maxDistanceOverrides: Partial<Record<FacilityCategory, number>>;
  coverage: ServiceCoverage | null;
  gaps: ServiceGap[];
  analysisStatus: 'idle' | 'running' | 'done' | 'error';
  /** 0–1 while running. */
  analysisProgress: number;
  analysisError: string | null;
  setServiceCategory(category: FacilityCategory): void;
  setWalkSpeed(metersPerSecond: number): void;
  setMaxDistance(category: FacilityCategory, meters: number | null): void;
  startAnalysis(): void;
  setAnalysisProgress(progress: number): void;
  finishAnalysis(coverage: ServiceCoverage, gaps: ServiceGap[]): void;
  failAnalysis(message: string): void;
}

/** A layer brought in by the user (drag-and-drop, file picker or URL), drawn over the community. */
export type ImportedLayer = {
  id: string;
  visible: boolean;
  /** Fixed at import, so a layer keeps its colour when others are removed. */
  colorIndex: number;
} & (
  | {
      kind: 'features';
      result: ImportResult;
      /** What the layer is to the community model (facilities, network, buildings, a table…). */
      mapping: LayerMapping;
      /** Whether its facilities / network / buildings join the service-circle analysis. */
      useInAnalysis: boolean;
    }
  /** A 3D Tiles tileset streamed from its URL. */
  | { kind: 'tileset'; name: string; url: string }
  /** A glTF/GLB model (an object URL for a dropped file) placed by the user. */
  | { kind: 'model'; name: string; url: string; placement: ModelPlacement }
);

/** Imported feature layers whose model objects (facilities, network, buildings) go into analyses or an export. */
export function mappedImportedLayers(layers: readonly ImportedLayer[], forAnalysis: boolean): { result: ImportResult; mapping: LayerMapping }[] {
  return layers.flatMap((l) =>
    l.kind === 'features' && ['facilities', 'network', 'buildings'].includes(l.mapping.target) && (!forAnalysis || l.useInAnalysis)
      ? [{ result: l.result, mapping: l.mapping }]
      : [],
  );
}

/** The file or URL name a layer is listed under. */
export const importedLayerName = (layer: ImportedLayer): string => (layer.kind === 'features' ? layer.result.file : layer.name);

export interface ImportSlice {
  importedLayers: ImportedLayer[];
  importStatus: 'idle' | 'reading' | 'done' | 'cancelled';
  /** While reading: bytes loaded from disk, then files parsed in the worker. */
  importProgress: { phase: 'loading' | 'parsing'; done: number; total: number; file?: string } | null;
  setImportProgress(progress: ImportSlice['importProgress']): void;
  /** The user cancelled: nothing of the running import is added. */
  cancelImport(): void;
  /** Files that could not be imported at all, with the located reason. The scene is unchanged by them. */
  importFailures: ImportFailure[];
  beginImport(): void;
  finishImport(results: ImportResult[], failures: ImportFailure[]): void;
  setImportedLayerVisible(id: string, visible: boolean): void;
  removeImportedLayer(id: string): void;
  setLayerMapping(id: string, mapping: LayerMapping): void;
  setLayerInAnalysis(id: string, useInAnalysis: boolean): void;
  addTilesetLayer(name: string, url: string): void;
  addModelLayer(name: string, url: string, placement: ModelPlacement): void;
  setModelPlacement(id: string, placement: ModelPlacement): void;
  /** A tileset or model that failed to load: removed from the layers and listed as a failure. */
  failImportedLayer(id: string, message: string): void;
  /** The imported 3D feature last clicked, with its attributes. */
  pickedImportedFeature: { layerId: string; properties: Record<string, unknown> } | null;
  pickImportedFeature(picked: { layerId: string; properties: Record<string, unknown> } | null): void;
}

/** The 分层分户 inspector of one building: floors pulled apart, one box per home. */
export interface InspectorSlice {
  inspectedBuildingId: string | null;
  /** Floors marked in the inspector (e.g. those a reuse option converts), 1-based. */
  inspectorHighlightFloors: number[];
  inspectorColorMode: InspectorColorMode;
  /** Gap between floors, metres. */
  inspectorExplodeMeters: number;
  /** The house picked in the inspector. */
  selectedUnitId: string | null;
  hoveredUnitId: string | null;
  openInspector(buildingId: string, highlightFloors?: number[]): void;
  closeInspector(): void;
  setInspectorColorMode(mode: InspectorColorMode): void;
  setInspectorExplode(meters: number): void;
  selectUnit(unitId: string | null): void;
  hoverUnit(unitId: string | null): void;
}

/** Wide enough to see into every floor from the default camera, small enough to keep the stack compact. */
export const DEFAULT_INSPECTOR_EXPLODE_METERS = 3;
const CLOSED_INSPECTOR: Pick<InspectorSlice, 'inspectedBuildingId' | 'inspectorHighlightFloors' | 'selectedUnitId' | 'hoveredUnitId'> = {
  inspectedBuildingId: null,
  inspectorHighlightFloors: [],
  selectedUnitId: null,
  hoveredUnitId: null,
};

/** Colours a scenario gives the buildings instead of the colour mode, with the legend explaining them. */
export interface ScenarioColoring {
  title: LocalizedText;
  colors: ReadonlyMap<string, Rgb>;
  legend: { label: LocalizedText; color: Rgb }[];
}

export type SidePanelTab = 'scenario' | 'layers' | 'service' | 'reuse' | 'data';

/** The scenario shown (九场景 + 一统) and what it asked of the scene. */
export interface ScenarioSlice {
  /** A scenario id of the registry (`?scenario=health`), or null for the plain planner view. */
  scenarioId: string | null;
  scenarioColoring: ScenarioColoring | null;
  sidePanelTab: SidePanelTab;
  /** A camera flight asked for by a scenario switch; `seq` makes each request distinct. */
  cameraRequest: { camera: CameraBookmark; seq: number } | null;
  setScenario(id: string | null): void;
  setScenarioColoring(coloring: ScenarioColoring | null): void;
  setSidePanelTab(tab: SidePanelTab): void;
  requestCamera(camera: CameraBookmark): void;
}

/** One conversion of a building-reuse plan: a candidate space (ReuseCandidate.id) hosting a facility category. */
export interface ReuseConversion {
  candidateId: string;
  category: FacilityCategory;
}

/** A named reuse plan: pure data; its effect is evaluated against the current coverage when shown. */
export interface NamedReusePlan {
  id: string;
  name: string;
  conversions: ReuseConversion[];
}

export type ReuseSection = 'candidates' | 'plans' | 'suggest' | 'elevators';

/** Building reuse what-ifs (存量空间再利用): the option on screen and the planner's named plans. */
export interface ReuseSlice {
  reusePlans: NamedReusePlan[];
  /** The what-if on screen: a candidate and the category it would host. */
  reuseWhatIf: ReuseConversion | null;
  reuseSection: ReuseSection;
  setReuseWhatIf(whatIf: ReuseConversion | null): void;
  setReuseSection(section: ReuseSection): void;
  /** Adds a plan (its conversions deduplicated) and returns its id. */
  addReusePlan(name: string, conversions?: readonly ReuseConversion[]): string;
  renameReusePlan(id: string, name: string): void;
  removeReusePlan(id: string): void;
  /** Adds a conversion to a plan unless it is there already. */
  addReuseConversion(planId: string, conversion: ReuseConversion): void;
  removeReuseConversion(planId: string, conversion: ReuseConversion): void;
}

const sameConversion = (a: ReuseConversion, b: ReuseConversion) => a.candidateId === b.candidateId && a.category === b.category;
const uniqueConversions = (list: readonly ReuseConversion[]) =>
  list.filter((c, i) => list.findIndex((d) => sameConversion(c, d)) === i).map(({ candidateId, category }) => ({ candidateId, category }));

export type AppState = CommunitySlice & ViewSlice & AnalysisSlice & ImportSlice & ScenarioSlice & InspectorSlice & ReuseSlice & TourSlice;
export type AppStore = StoreApi<AppState>;

export interface InitialView {
  language?: Language;
  colorMode?: ColorMode;
  layers?: Partial<Record<LayerId, boolean>>;
  selectedBuildingId?: string | null;
  serviceCategory?: FacilityCategory;
  scenarioId?: string | null;
}

export function createAppStore(initial: InitialView = {}): AppStore {
  let importedCount = 0;
  let reusePlanCount = 0;
  return createStore<AppState>()((set, get) => ({
    ...createTourSlice(set, get),
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
        coverage: null,
        gaps: [],
        status: 'ready',
        loadError: null,
        selectedBuildingId: keepSelection && community.buildings.some((b) => b.id === keepSelection) ? keepSelection : null,
        hoveredBuildingId: null,
        // The inspected building belongs to the community being replaced.
        ...CLOSED_INSPECTOR,
        // Plans name candidates of one community: another community starts without any.
        ...(get().community?.manifest.id === community.manifest.id ? {} : { reusePlans: [], reuseWhatIf: null }),
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
    // Choosing a colour mode by hand replaces a scenario's own colouring.
    setColorMode: (colorMode) => set({ colorMode, scenarioColoring: null }),
    setLayerVisible: (layer, visible) => set((s) => ({ layers: { ...s.layers, [layer]: visible } })),
    selectBuilding: (selectedBuildingId) => set({ selectedBuildingId }),
    hoverBuilding: (hoveredBuildingId) => set({ hoveredBuildingId }),

    ...CLOSED_INSPECTOR,
    inspectorColorMode: 'occupancy',
    inspectorExplodeMeters: DEFAULT_INSPECTOR_EXPLODE_METERS,
    openInspector: (inspectedBuildingId, highlightFloors = []) =>
      set({ inspectedBuildingId, inspectorHighlightFloors: highlightFloors, selectedUnitId: null, hoveredUnitId: null }),
    closeInspector: () => set(CLOSED_INSPECTOR),
    setInspectorColorMode: (inspectorColorMode) => set({ inspectorColorMode }),
    setInspectorExplode: (meters) => set({ inspectorExplodeMeters: Math.max(0, meters) }),
    selectUnit: (selectedUnitId) => set({ selectedUnitId }),
    hoverUnit: (hoveredUnitId) => set({ hoveredUnitId }),

    // 一老一小 first: elderly day care is what the seed policy asks about most.
    serviceCategory: initial.serviceCategory ?? 'elderly-care',
    walkSpeedMetersPerSecond: 1.0,
    maxDistanceOverrides: {},
    coverage: null,
    gaps: [],
    analysisStatus: 'idle',
    analysisProgress: 0,
    analysisError: null,
    setServiceCategory: (serviceCategory) => set({ serviceCategory }),
    setWalkSpeed: (walkSpeedMetersPerSecond) => set({ walkSpeedMetersPerSecond }),
    setMaxDistance: (category, meters) =>
      set((s) => {
        const next = { ...s.maxDistanceOverrides };
        if (meters === null) delete next[category];
        else next[category] = meters;
        return { maxDistanceOverrides: next };
      }),
    startAnalysis: () => set({ analysisStatus: 'running', analysisProgress: 0, analysisError: null }),
    setAnalysisProgress: (analysisProgress) => set({ analysisProgress }),
    // Results stay on screen while a new run computes; they are replaced only by a finished run.
    finishAnalysis: (coverage, gaps) => set({ coverage, gaps, analysisStatus: 'done', analysisProgress: 1 }),
    failAnalysis: (analysisError) => set({ analysisStatus: 'error', analysisError }),

    scenarioId: initial.scenarioId ?? null,
    scenarioColoring: null,
    sidePanelTab: initial.scenarioId ? 'scenario' : 'layers',
    cameraRequest: null,
    // A scenario's own colouring ends with it; the next scenario (or the plain view) sets its own.
    setScenario: (scenarioId) => set((s) => (s.scenarioId === scenarioId ? {} : { scenarioId, scenarioColoring: null })),
    setScenarioColoring: (scenarioColoring) => set({ scenarioColoring }),
    setSidePanelTab: (sidePanelTab) => set({ sidePanelTab }),
    requestCamera: (camera) => set((s) => ({ cameraRequest: { camera, seq: (s.cameraRequest?.seq ?? 0) + 1 } })),

    importedLayers: [],
    importStatus: 'idle',
    importFailures: [],
    importProgress: null,
    beginImport: () => set({ importStatus: 'reading', importFailures: [], importProgress: null }),
    setImportProgress: (importProgress) => set({ importProgress }),
    cancelImport: () => set({ importStatus: 'cancelled', importProgress: null }),
    // Only readable results become layers; failures are listed and change nothing else.
    finishImport: (results, failures) =>
      set((s) => ({
        importStatus: 'done',
        importProgress: null,
        importFailures: failures,
        importedLayers: [
          ...s.importedLayers,
          ...results.map((result) => {
            const mapping = suggestMapping(result);
            // Facilities and networks feed the analysis at once (that is why one imports them); buildings
            // without residents would only dilute the shares, so they wait for the user.
            const useInAnalysis = mapping.target === 'facilities' || mapping.target === 'network';
            return { id: `import-${++importedCount}`, kind: 'features' as const, result, mapping, useInAnalysis, visible: true, colorIndex: importedCount - 1 };
          }),
        ],
      })),
    setImportedLayerVisible: (id, visible) =>
      set((s) => ({ importedLayers: s.importedLayers.map((l) => (l.id === id ? { ...l, visible } : l)) })),
    removeImportedLayer: (id) =>
      set((s) => ({
        importedLayers: s.importedLayers.filter((l) => l.id !== id),
        pickedImportedFeature: s.pickedImportedFeature?.layerId === id ? null : s.pickedImportedFeature,
      })),
    setLayerMapping: (id, mapping) =>
      set((s) => ({ importedLayers: s.importedLayers.map((l) => (l.id === id && l.kind === 'features' ? { ...l, mapping } : l)) })),
    setLayerInAnalysis: (id, useInAnalysis) =>
      set((s) => ({ importedLayers: s.importedLayers.map((l) => (l.id === id && l.kind === 'features' ? { ...l, useInAnalysis } : l)) })),
    addTilesetLayer: (name, url) =>
      set((s) => ({
        importStatus: 'done',
        importedLayers: [...s.importedLayers, { id: `import-${++importedCount}`, kind: 'tileset', name, url, visible: true, colorIndex: importedCount - 1 }],
      })),
    addModelLayer: (name, url, placement) =>
      set((s) => ({
        importStatus: 'done',
        importedLayers: [...s.importedLayers, { id: `import-${++importedCount}`, kind: 'model', name, url, placement, visible: true, colorIndex: importedCount - 1 }],
      })),
    setModelPlacement: (id, placement) =>
      set((s) => ({ importedLayers: s.importedLayers.map((l) => (l.id === id && l.kind === 'model' ? { ...l, placement } : l)) })),
    failImportedLayer: (id, message) =>
      set((s) => {
        const layer = s.importedLayers.find((l) => l.id === id);
        if (!layer) return {};
        const file = importedLayerName(layer);
        return {
          importedLayers: s.importedLayers.filter((l) => l.id !== id),
          importFailures: [...s.importFailures, { name: 'ImportError', code: 'unsupported-format', message, issues: [{ file, reason: message }] }],
        };
      }),
    pickedImportedFeature: null,
    pickImportedFeature: (pickedImportedFeature) => set({ pickedImportedFeature }),

    reusePlans: [],
    reuseWhatIf: null,
    reuseSection: 'candidates',
    setReuseWhatIf: (reuseWhatIf) => set({ reuseWhatIf }),
    setReuseSection: (reuseSection) => set({ reuseSection }),
    addReusePlan: (name, conversions = []) => {
      const id = `plan-${++reusePlanCount}`;
      set((s) => ({ reusePlans: [...s.reusePlans, { id, name, conversions: uniqueConversions(conversions) }] }));
      return id;
    },
    renameReusePlan: (id, name) => set((s) => ({ reusePlans: s.reusePlans.map((p) => (p.id === id ? { ...p, name } : p)) })),
    removeReusePlan: (id) => set((s) => ({ reusePlans: s.reusePlans.filter((p) => p.id !== id) })),
    addReuseConversion: (planId, conversion) =>
      set((s) => ({
        reusePlans: s.reusePlans.map((p) =>
          p.id === planId && !p.conversions.some((c) => sameConversion(c, conversion)) ? { ...p, conversions: [...p.conversions, { candidateId: conversion.candidateId, category: conversion.category }] } : p,
        ),
      })),
    removeReuseConversion: (planId, conversion) =>
      set((s) => ({
        reusePlans: s.reusePlans.map((p) => (p.id === planId ? { ...p, conversions: p.conversions.filter((c) => !sameConversion(c, conversion)) } : p)),
      })),
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
