import { describe, expect, it } from 'vitest';
import type { Storyboard } from '../../../../src/features/tour/slice';
import { createAppStore } from '../../../../src/stores/appStore';

const storyboard = (n: number): Storyboard => ({
  format: 'future-community-twin/storyboard',
  version: 1,
  id: 't',
  title: { zh: 't', en: 't' },
  defaultDwellSeconds: 10,
  steps: Array.from({ length: n }, (_, i) => ({ scenario: null, caption: { zh: `${i}`, en: `${i}` }, layers: [] })),
});

describe('tour slice', () => {
  it('starts without a tour; keys do nothing then', () => {
    const store = createAppStore();
    store.getState().nextTourStep();
    store.getState().setTourPlaying(true);
    expect(store.getState()).toMatchObject({ tour: null, tourStep: -1, tourPlaying: false, tourStepsShown: 0 });
  });

  it('loads a tour paused before its first step; the next key shows step 0', () => {
    const store = createAppStore();
    store.getState().loadTour(storyboard(3));
    expect(store.getState()).toMatchObject({ tourStep: -1, tourPlaying: false });
    store.getState().nextTourStep();
    expect(store.getState().tourStep).toBe(0);
  });

  it('loads a kiosk tour playing, on its first step', () => {
    const store = createAppStore();
    store.getState().loadTour(storyboard(3), { play: true });
    expect(store.getState()).toMatchObject({ tourStep: 0, tourPlaying: true, tourStepsShown: 1 });
  });

  it('wraps after the last step and stays on the first going back', () => {
    const store = createAppStore();
    store.getState().loadTour(storyboard(3), { start: true });
    const { nextTourStep, previousTourStep } = store.getState();
    nextTourStep();
    nextTourStep();
    expect(store.getState().tourStep).toBe(2);
    nextTourStep();
    expect(store.getState().tourStep).toBe(0);
    previousTourStep();
    expect(store.getState().tourStep).toBe(0);
    // Every step put on screen counts, including a repeat of the first.
    expect(store.getState().tourStepsShown).toBe(5);
  });

  it('space on a tour that has not started plays it from the first step, and pauses it again', () => {
    const store = createAppStore();
    store.getState().loadTour(storyboard(2));
    store.getState().toggleTourPlaying();
    expect(store.getState()).toMatchObject({ tourPlaying: true, tourStep: 0 });
    store.getState().toggleTourPlaying();
    expect(store.getState()).toMatchObject({ tourPlaying: false, tourStep: 0 });
  });

  it('goes to a step by index, ignoring indexes outside the storyboard', () => {
    const store = createAppStore();
    store.getState().loadTour(storyboard(4));
    store.getState().goToTourStep(3);
    store.getState().goToTourStep(4);
    store.getState().goToTourStep(-1);
    expect(store.getState().tourStep).toBe(3);
  });

  it('keeps an operator dwell override, and drops a bad one', () => {
    const store = createAppStore();
    store.getState().setTourDwell(8);
    expect(store.getState().tourDwellSeconds).toBe(8);
    store.getState().setTourDwell(Number.NaN);
    expect(store.getState().tourDwellSeconds).toBeNull();
  });

  it('a failed load stops playing and keeps the message', () => {
    const store = createAppStore();
    store.getState().loadTour(storyboard(2), { play: true });
    store.getState().failTour('tour.json: step 2, field "caption.en": must be a non-empty string');
    expect(store.getState()).toMatchObject({ tourPlaying: false, tourError: expect.stringContaining('step 2') });
  });
});
