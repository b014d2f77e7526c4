import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CameraBookmark, FacilityCategory } from '../core/model/types';
import { createBaseSlice, type BaseSlice, type InitialBaseState } from '../features/base/slice';
import { clipOnCommunityChange, createClipSlice, type ClipSlice } from '../features/clip/slice';
import { createCommunitySlice, type CommunitySlice } from '../features/community/slice';
import { createImportSlice, type ImportSlice } from '../features/import/slice';
import { createHeatmapSlice, type HeatmapSlice } from '../features/heatmap/slice';
import { createPlanSplitSlice, planSplitOnCommunityChange, type PlanSplitSlice } from '../features/plan-split/slice';
import { createMeasureSlice, measureOnCommunityChange, type MeasureSlice } from '../features/measure/slice';
import { createInspectorSlice, inspectorOnCommunityChange, type InspectorSlice } from '../features/inspector/slice';
import { createReuseSlice, reuseOnCommunityChange, type ReuseSlice } from '../features/reuse/slice';
import { createScenarioSlice, scenarioOnCommunityChange, type ScenarioSlice } from '../features/scenarios/slice';
import { createSunlightSlice, sunlightOnCommunityChange, type SunlightSlice } from '../features/sunlight/slice';
import { createSessionSlice, type SessionSlice } from '../features/session/slice';
import { createServiceCirclesSlice, serviceCirclesOnCommunityChange, type ServiceCirclesSlice } from '../features/service-circles/slice';
import { createTourSlice, tourOnCommunityChange, type TourSlice } from '../features/tour/slice';
import { createViewSlice, viewOnCommunityChange, type InitialViewState, type ViewSlice } from '../features/view/slice';
import { createViewshedSlice, viewshedOnCommunityChange, type ViewshedSlice } from '../features/viewshed/slice';
import type { ScenarioId } from '../scenarios/registry';
import type { CommunityChange } from './slice';

/**
 * The app's one store: the slices of the features (`src/features/<feature>/slice.ts`) side by side.
 * A new feature adds its slice type to AppState and its creator below; if a new community must
 * change it, its change goes into COMMUNITY_CHANGES.
 */
export type AppState = CommunitySlice &
  ViewSlice &
  SessionSlice &
  ServiceCirclesSlice &
  ImportSlice &
  ScenarioSlice &
  InspectorSlice &
  ReuseSlice &
  TourSlice &
  BaseSlice &
  MeasureSlice &
  HeatmapSlice &
  PlanSplitSlice &
  SunlightSlice &
  ViewshedSlice &
  ClipSlice;
export type AppStore = StoreApi<AppState>;

/** What each slice changes when a community arrives, in this order: the scenario goes over the plain view, a tour step over its scenario. */
const COMMUNITY_CHANGES: readonly CommunityChange[] = [
  viewOnCommunityChange,
  serviceCirclesOnCommunityChange,
  inspectorOnCommunityChange,
  reuseOnCommunityChange,
  sunlightOnCommunityChange,
  scenarioOnCommunityChange,
  tourOnCommunityChange,
  measureOnCommunityChange,
  viewshedOnCommunityChange,
  planSplitOnCommunityChange,
  clipOnCommunityChange,
];

/** The state a share link starts from (parsed once, with typed ids, in app/shareLink.ts). */
export interface InitialView extends Omit<InitialViewState, 'sidePanelTab'>, InitialBaseState {
  serviceCategory?: FacilityCategory;
  scenarioId?: ScenarioId | null;
}

export function createAppStore(initial: InitialView = {}): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...createCommunitySlice(COMMUNITY_CHANGES)(set, get),
    ...createViewSlice({ ...initial, sidePanelTab: initial.scenarioId ? 'scenario' : 'layers' })(set, get),
    ...createSessionSlice(set, get),
    ...createServiceCirclesSlice(initial)(set, get),
    ...createImportSlice(set, get),
    ...createScenarioSlice(initial)(set, get),
    ...createInspectorSlice(set, get),
    ...createReuseSlice(set, get),
    ...createTourSlice(set, get),
    ...createBaseSlice(initial)(set, get),
    ...createMeasureSlice(set, get),
    ...createHeatmapSlice(set, get),
    ...createSunlightSlice(set, get),
    ...createViewshedSlice(set, get),
    ...createPlanSplitSlice(set, get),
    ...createClipSlice(set, get),
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
