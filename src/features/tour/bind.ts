import { dwellSecondsOf } from '../../data/tour/storyboard';
import type { AppStore } from '../../stores/appStore';
import { watch } from '../../stores/watch';

const sameItems = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/**
 * The tour's timer: while playing, a step stays for its dwell once its scene is drawn (`data-ready`),
 * then the next one comes; a presenter's key (a new step) or a new dwell restarts the wait, and
 * readiness dropping (a lost context, a slow flight) stops it until the scene is back. What a step
 * shows is the tour slice's own transition.
 */
export function bindTour(store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const clear = () => {
    clearTimeout(timer);
    timer = undefined;
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
  const stopRestarting = watch(store, (s) => [s.tour, s.tourStepsShown, s.tourDwellSeconds], clear, sameItems);
  const stopScheduling = watch(
    store,
    (s) => [s.tour, s.tourStepsShown, s.tourDwellSeconds, s.tourPlaying, s.tourStep, s.sceneReady],
    schedule,
    sameItems,
  );
  return () => {
    clear();
    stopRestarting();
    stopScheduling();
  };
}
