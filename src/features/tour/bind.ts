import type { CameraBookmark } from '../../core/model/types';
import { dwellSecondsOf, type Storyboard, type StoryboardStep } from '../../data/tour/storyboard';
import { isLayerId, type LayerId } from '../../layers/layerCatalog';
import type { AppState, AppStore } from '../../stores/appStore';
import { currentScenario, scenarioContextOf } from '../scenarios/bind';

/**
 * The tour follows the store's tour slice: a step on screen sets its scenario (which brings the
 * scenario's layers, colours and camera, see scenarioBinding), switches on the step's layers and
 * flies to its camera. While playing, a step stays for its dwell once its scene is drawn
 * (`data-ready`), then the next one comes; a presenter's key restarts the dwell of the new step.
 *
 * Subscribe after applyScenariosOnChanges: on a new community the scenario is re-applied first, and
 * the step's layers and camera then go on top of it.
 */
export function runTourOnChanges(store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Layers the step on screen switched on (they were off): switched off again when it goes. */
  let turnedOn: LayerId[] = [];
  const clear = () => {
    clearTimeout(timer);
    timer = undefined;
  };

  const stepOf = (s: Pick<AppState, 'tour' | 'tourStep'>): StoryboardStep | null => (s.tour && s.tourStep >= 0 ? (s.tour.steps[s.tourStep] ?? null) : null);

  /** The step's own camera (on the community it was written for), else the overview's or the scenario's. */
  const cameraOf = (step: StoryboardStep, tour: Storyboard, s: AppState): CameraBookmark | null => {
    const community = s.community;
    if (!community) return null;
    if (step.camera && (!tour.community || tour.community === community.manifest.id)) return step.camera;
    if (step.scenario === null) return community.manifest.camera ?? null;
    const module = currentScenario(s);
    const ctx = scenarioContextOf(s);
    return module && ctx ? module.camera(ctx) : null;
  };

  const showLayers = (step: StoryboardStep) => {
    const state = store.getState();
    for (const id of step.layers) {
      if (!isLayerId(id) || state.layers[id]) continue;
      store.getState().setLayerVisible(id, true);
      turnedOn.push(id);
    }
  };

  const apply = (s: AppState) => {
    const step = stepOf(s);
    const tour = s.tour;
    if (!step || !tour) return;
    const wanted = new Set(step.layers);
    for (const id of turnedOn) if (!wanted.has(id)) store.getState().setLayerVisible(id, false);
    turnedOn = turnedOn.filter((id) => wanted.has(id));
    const before = store.getState().scenarioId;
    store.getState().setScenario(step.scenario);
    // The overview shows buildings by use, as the planner opens, not in the last scenario's colours.
    if (step.scenario === null && store.getState().colorMode !== 'use') store.getState().setColorMode('use');
    showLayers(step);
    // A new scenario has asked for its own view; the step's view replaces it. The same scenario again
    // (or the overview) asks for nothing, so the step frames it itself: every step starts from its view.
    const changed = store.getState().scenarioId !== before;
    const camera = step.camera || !changed ? cameraOf(step, tour, store.getState()) : null;
    if (camera) store.getState().requestCamera(camera);
  };

  const schedule = () => {
    const s = store.getState();
    if (!s.tour || !s.tourPlaying || s.tourStep < 0 || !s.sceneReady) {
      clear();
      return;
    }
    if (timer !== undefined) return;
    const seconds = dwellSecondsOf(s.tour, s.tourStep, s.tourDwellSeconds);
    timer = setTimeout(() => {
      timer = undefined;
      store.getState().nextTourStep();
    }, seconds * 1000);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.tourStepsShown !== prev.tourStepsShown || s.tour !== prev.tour) {
      clear();
      apply(s);
    } else if (s.community !== prev.community) {
      // The scenario was re-applied for the new community: put the step's layers and view back on top.
      const step = stepOf(s);
      if (step && s.tour) {
        showLayers(step);
        if (step.camera) {
          const camera = cameraOf(step, s.tour, store.getState());
          if (camera) store.getState().requestCamera(camera);
        }
      }
    }
    if (s.tourDwellSeconds !== prev.tourDwellSeconds) clear();
    schedule();
  });
  return () => {
    clear();
    unsubscribe();
  };
}
