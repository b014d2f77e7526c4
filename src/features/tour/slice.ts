import type { Storyboard } from '../../data/tour/storyboard';

/**
 * The briefing tour (汇报演示) of the large screen: which storyboard, which step is on screen,
 * whether it plays by itself and how long each step stays. Pure state: the timer and the scene
 * changes of a step live in app/tourBinding, which follows this slice.
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

type Set = (partial: Partial<TourSlice> | ((state: TourSlice) => Partial<TourSlice>)) => void;

export function createTourSlice(set: Set, get: () => TourSlice): TourSlice {
  const show = (index: number) =>
    set((s) => {
      if (!s.tour) return {};
      const count = s.tour.steps.length;
      const step = ((index % count) + count) % count;
      return { tourStep: step, tourStepsShown: s.tourStepsShown + 1 };
    });
  return {
    tour: null,
    tourStep: -1,
    tourPlaying: false,
    tourDwellSeconds: null,
    tourStepsShown: 0,
    tourError: null,
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
}
