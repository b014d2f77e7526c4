import type { CameraBookmark } from '../../core/model/types';
import type { Storyboard as AnyStoryboard, StoryboardStep as AnyStoryboardStep } from '../../data/tour/storyboard';
import { isLayerId, type LayerId } from '../../layers/layerCatalog';
import type { ScenarioId } from '../../scenarios/registry';
import type { AppState } from '../../stores/appStore';
import type { CommunityChange, SliceCreator } from '../../stores/slice';
import { selectScenarioContext, selectScenarioModule } from '../scenarios/selectors';
import { switchScenarioChange } from '../scenarios/slice';
import { requestCameraChange } from '../view/slice';

/**
 * The briefing tour (汇报演示) of the large screen: which storyboard, which step is on screen,
 * whether it plays by itself and how long each step stays. Showing a step is one transition of the
 * store (its scenario, layers and view); the dwell timer lives in the tour's bind.ts.
 */
export interface TourSlice {
  tour: Storyboard | null;
  /** Index of the step on screen; -1 while a loaded tour has not started. */
  tourStep: number;
  /** Steps advance by themselves after their dwell (kiosk); otherwise only by keys or buttons. */
  tourPlaying: boolean;
  /** Seconds every step stays, set by the operator (`?dwell=8`); null: the storyboard's own dwell. */
  tourDwellSeconds: number | null;
  /** Steps shown since the tour was loaded: a soak test and a watchdog count them. */
  tourStepsShown: number;
  /** Why the storyboard could not be loaded (each problem located), for the screen to show. */
  tourError: string | null;
  /** Layers the step on screen switched on (they were off): switched off again when it goes. */
  tourLayersTurnedOn: LayerId[];
  /** Loads a storyboard; with `start` its first step goes on screen at once. */
  loadTour(storyboard: Storyboard, options?: { play?: boolean; start?: boolean }): void;
  failTour(message: string): void;
  /** The next step; after the last one the tour starts over (a kiosk runs all day). */
  nextTourStep(): void;
  /** The previous step; stays on the first. */
  previousTourStep(): void;
  goToTourStep(index: number): void;
  setTourPlaying(playing: boolean): void;
  toggleTourPlaying(): void;
  setTourDwell(seconds: number | null): void;
}

/** Storyboards as the app parses them: steps name scenarios of the registry. */
export type Storyboard = AnyStoryboard<ScenarioId>;
type StoryboardStep = AnyStoryboardStep<ScenarioId>;

const stepOf = (s: Pick<AppState, 'tour' | 'tourStep'>): StoryboardStep | null =>
  s.tour && s.tourStep >= 0 ? (s.tour.steps[s.tourStep] ?? null) : null;

/** The step's own camera (on the community it was written for), else the overview's or the scenario's. */
function cameraOf(step: StoryboardStep, tour: Storyboard, s: AppState): CameraBookmark | null {
  const community = s.community;
  if (!community) return null;
  if (step.camera && (!tour.community || tour.community === community.manifest.id)) return step.camera;
  if (step.scenario === null) return community.manifest.camera ?? null;
  const module = selectScenarioModule(s);
  const ctx = selectScenarioContext(s);
  return module && ctx ? module.camera(ctx) : null;
}

/** Switches on the step's layers that are off, remembering them. */
function showStepLayers(s: AppState, step: StoryboardStep): Partial<AppState> {
  const layers = { ...s.layers };
  const turnedOn = [...s.tourLayersTurnedOn];
  for (const id of step.layers) {
    if (!isLayerId(id) || layers[id]) continue;
    layers[id] = true;
    turnedOn.push(id);
  }
  return { layers, tourLayersTurnedOn: turnedOn };
}

/**
 * Puts the step of `s.tourStep` on screen: the last step's layers off, the step's scenario (with its
 * layers, colours and view), the overview in colours by use, the step's layers, and its own view.
 */
function showStepChange(s: AppState): Partial<AppState> {
  const step = stepOf(s);
  const tour = s.tour;
  if (!step || !tour) return {};
  const wanted = new Set(step.layers);
  const layers = { ...s.layers };
  for (const id of s.tourLayersTurnedOn) if (!wanted.has(id)) layers[id] = false;
  let next: AppState = { ...s, layers, tourLayersTurnedOn: s.tourLayersTurnedOn.filter((id) => wanted.has(id)) };
  const before = next.scenarioId;
  next = { ...next, ...switchScenarioChange(next, step.scenario) };
  // The overview shows buildings by use, as the planner opens, not in the last scenario's colours.
  if (step.scenario === null && next.colorMode !== 'use') next = { ...next, colorMode: 'use', buildingColoring: 'mode' };
  next = { ...next, ...showStepLayers(next, step) };
  // A new scenario has asked for its own view; the step's view replaces it. The same scenario again
  // (or the overview) asks for nothing, so the step frames it itself: every step starts from its view.
  const changed = next.scenarioId !== before;
  const camera = step.camera || !changed ? cameraOf(step, tour, next) : null;
  if (camera) next = { ...next, ...requestCameraChange(next, camera) };
  return next;
}

export const createTourSlice: SliceCreator<TourSlice> = (set, get) => {
  const show = (index: number) =>
    set((s) => {
      if (!s.tour) return {};
      const count = s.tour.steps.length;
      const step = ((index % count) + count) % count;
      return showStepChange({ ...s, tourStep: step, tourStepsShown: s.tourStepsShown + 1 });
    });
  return {
    tour: null,
    tourStep: -1,
    tourPlaying: false,
    tourDwellSeconds: null,
    tourStepsShown: 0,
    tourError: null,
    tourLayersTurnedOn: [],
    loadTour: (tour, { play = false, start = play } = {}) => {
      set({ tour, tourStep: -1, tourPlaying: play, tourStepsShown: 0, tourError: null });
      if (start) show(0);
    },
    failTour: (tourError) => set({ tourError, tourPlaying: false }),
    nextTourStep: () => show(get().tourStep + 1),
    previousTourStep: () => show(Math.max(0, get().tourStep - 1)),
    goToTourStep: (index) => {
      const count = get().tour?.steps.length ?? 0;
      if (index >= 0 && index < count) show(index);
    },
    setTourPlaying: (playing) => {
      if (!get().tour) return;
      set({ tourPlaying: playing });
      // Playing a tour that has not started puts its first step on screen.
      if (playing && get().tourStep < 0) show(0);
    },
    toggleTourPlaying: () => get().setTourPlaying(!get().tourPlaying),
    setTourDwell: (seconds) => set({ tourDwellSeconds: seconds !== null && Number.isFinite(seconds) && seconds >= 0 ? seconds : null }),
  };
};

/** The scenario was shown anew for the new community: the step's layers and own view go back on top. */
export const tourOnCommunityChange: CommunityChange = (next) => {
  const step = stepOf(next);
  if (!step || !next.tour) return {};
  const withLayers = { ...next, ...showStepLayers(next, step) };
  const camera = step.camera ? cameraOf(step, next.tour, withLayers) : null;
  return camera ? { ...withLayers, ...requestCameraChange(withLayers, camera) } : withLayers;
};
