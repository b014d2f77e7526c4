import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindTour } from '../../../../src/features/tour/bind';
import type { Storyboard } from '../../../../src/features/tour/slice';
import { createAppStore, type AppStore } from '../../../../src/stores/appStore';

const tour: Storyboard = {
  format: 'future-community-twin/storyboard',
  version: 1,
  id: 't',
  title: { zh: 't', en: 't' },
  defaultDwellSeconds: 10,
  steps: [
    { scenario: 'health', caption: { zh: '健康', en: 'Health' }, layers: ['network'] },
    { scenario: 'education', caption: { zh: '教育', en: 'Education' }, layers: [], dwellSeconds: 4 },
    { scenario: null, caption: { zh: '总览', en: 'Overview' }, layers: [] },
  ],
};

let store: AppStore;
let stop: () => void;
beforeEach(() => {
  vi.useFakeTimers();
  store = createAppStore();
  stop = bindTour(store);
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('tour timer and steps', () => {
  it('puts a step’s scenario and layers on screen', () => {
    expect(store.getState().layers.network).toBe(false);
    store.getState().loadTour(tour, { start: true });
    expect(store.getState().scenarioId).toBe('health');
    expect(store.getState().layers.network).toBe(true);
  });

  it('switches off the layers a step switched on when the next step comes', () => {
    store.getState().loadTour(tour, { start: true });
    store.getState().nextTourStep();
    expect(store.getState().scenarioId).toBe('education');
    expect(store.getState().layers.network).toBe(false);
  });

  it('counts the dwell from data-ready, not from the switch', () => {
    store.getState().loadTour(tour, { play: true });
    vi.advanceTimersByTime(60_000);
    expect(store.getState().tourStep).toBe(0); // the scene never got ready
    store.getState().setSceneReady(true);
    vi.advanceTimersByTime(9_999);
    expect(store.getState().tourStep).toBe(0);
    vi.advanceTimersByTime(1);
    expect(store.getState().tourStep).toBe(1);
    // Step 1 has its own 4 s.
    vi.advanceTimersByTime(4_000);
    expect(store.getState().tourStep).toBe(2);
  });

  it('restarts the dwell when readiness drops during a step (a lost context, a slow flight)', () => {
    store.getState().setSceneReady(true);
    store.getState().loadTour(tour, { play: true });
    vi.advanceTimersByTime(8_000);
    store.getState().setSceneReady(false);
    store.getState().setSceneReady(true);
    vi.advanceTimersByTime(8_000);
    expect(store.getState().tourStep).toBe(0);
    vi.advanceTimersByTime(2_000);
    expect(store.getState().tourStep).toBe(1);
  });

  it('holds while paused and gives the step a full dwell when playing again', () => {
    store.getState().setSceneReady(true);
    store.getState().loadTour(tour, { play: true });
    vi.advanceTimersByTime(5_000);
    store.getState().setTourPlaying(false);
    vi.advanceTimersByTime(60_000);
    expect(store.getState().tourStep).toBe(0);
    store.getState().setTourPlaying(true);
    vi.advanceTimersByTime(9_000);
    expect(store.getState().tourStep).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(store.getState().tourStep).toBe(1);
  });

  it('uses the operator’s dwell for every step and loops after the last', () => {
    store.getState().setSceneReady(true);
    store.getState().setTourDwell(0.2);
    store.getState().loadTour(tour, { play: true });
    vi.advanceTimersByTime(200 * 3);
    expect(store.getState().tourStep).toBe(0);
    expect(store.getState().tourStepsShown).toBe(4);
    expect(store.getState().scenarioId).toBe('health');
  });

  it('a key press while playing shows the next step with its full dwell', () => {
    store.getState().setSceneReady(true);
    store.getState().loadTour(tour, { play: true });
    vi.advanceTimersByTime(9_000);
    store.getState().nextTourStep();
    expect(store.getState().tourStep).toBe(1);
    vi.advanceTimersByTime(3_999);
    expect(store.getState().tourStep).toBe(1);
    vi.advanceTimersByTime(1);
    expect(store.getState().tourStep).toBe(2);
  });

  it('the overview step leaves the scenario and shows buildings by use again', () => {
    store.getState().loadTour(tour, { start: true });
    store.getState().setColorMode('walkTime');
    store.getState().goToTourStep(2);
    expect(store.getState().scenarioId).toBeNull();
    expect(store.getState().colorMode).toBe('use');
  });
});
