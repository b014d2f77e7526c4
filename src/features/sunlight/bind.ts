import { computeSunlightAsync } from '../../analysis/sunlight/computeSunlightAsync';
import { sunlightRequestFromCommunity, type SunlightResult, type Volume } from '../../analysis/sunlight/sunlightRequest';
import type { AppState, AppStore } from '../../stores/appStore';
import { watch } from '../../stores/watch';
import { selectColorModeShown } from '../view/selectors';
import { selectPlaybackWindow, selectSunlightDate, selectSunlightPreset, whatIfVolumes } from './selectors';

/**
 * The calculation takes a second or two of a worker's time, so it runs only while someone looks at
 * it: the 日照 tab open, the sunlight colouring on screen, the 建筑 scenario (its 日照达标率), or a
 * reuse plan's sunlight asked for (its "before").
 */
export function isSunlightWanted(s: AppState): boolean {
  return (
    s.sidePanelTab === 'sunlight' ||
    selectColorModeShown(s) === 'sunlight' ||
    s.scenarioId === 'architecture' ||
    s.sunlightPlanWhatIf !== null
  );
}

/**
 * Runs the sunlight calculation in a worker when it is wanted (isSunlightWanted) and the
 * community, preset or day changes. A newer run aborts the older one.
 */
export function runSunlightOnChanges(store: AppStore): () => void {
  let controller: AbortController | null = null;

  const run = async () => {
    const s = store.getState();
    if (!s.community) return;
    controller?.abort();
    const current = new AbortController();
    controller = current;
    s.startSunlight();
    try {
      const request = sunlightRequestFromCommunity(s.community, { preset: selectSunlightPreset(s), date: selectSunlightDate(s) });
      const result = await computeSunlightAsync(request, {
        signal: current.signal,
        onProgress: (done) => store.getState().setSunlightProgress(done),
      });
      if (current.signal.aborted || store.getState().community !== s.community) return;
      store.getState().finishSunlight(result);
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      store.getState().failSunlight((error as Error).message);
    }
  };

  // What the last run was for; a run starts when the analysis is wanted and its inputs differ.
  let lastInputs: readonly unknown[] = [];
  const inputs = (s: AppState) => [s.community, s.sunlightPresetId, selectSunlightDate(s)];
  const check = (s: AppState) => {
    if (!s.community || !isSunlightWanted(s)) return;
    const next = inputs(s);
    if (next.length === lastInputs.length && next.every((v, i) => v === lastInputs[i])) return;
    lastInputs = next;
    void run();
  };
  const unsubscribe = store.subscribe((s) => check(s));
  check(store.getState());
  return () => {
    unsubscribe();
    controller?.abort();
  };
}

/** Playback speed: five minutes of sun every tick, four ticks a second (the 8-hour window in 24 s). */
const PLAY_STEP_MS = 5 * 60_000;
const TICK_MS = 250;

/** While the shadow playback plays, advances its instant through the preset's window, round and round. */
export function playShadowsWhilePlaying(store: AppStore): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = watch(
    store,
    (s) => s.shadowPlayback.on && s.shadowPlayback.playing,
    (playing) => {
      clearInterval(timer);
      if (!playing) return;
      timer = setInterval(() => {
        const s = store.getState();
        const window = selectPlaybackWindow(s);
        if (!window) return;
        const now = s.shadowPlayback.instantMs ?? window.startMs;
        s.setShadowPlayback({ instantMs: now + PLAY_STEP_MS > window.endMs ? window.startMs : now + PLAY_STEP_MS });
      }, TICK_MS);
    },
  );
  return () => {
    clearInterval(timer);
    stop();
  };
}

/**
 * Runs each what-if request (a store field whose status is 'running') in its own worker run, one at a
 * time: a newer request aborts the older, and a result lands only while its request is still the one
 * in the store.
 */
function runWhatIfRequests<R extends { status: string }>(
  store: AppStore,
  select: (s: AppState) => R | null,
  volumesOf: (s: AppState, request: R) => readonly Volume[] | null,
  settle: (request: R, outcome: { result: SunlightResult } | { error: string }) => void,
): () => void {
  let controller: AbortController | null = null;
  const stop = watch(store, select, (request) => {
    if (!request || request.status !== 'running') return;
    controller?.abort();
    const current = new AbortController();
    controller = current;
    const s = store.getState();
    const volumes = s.community ? volumesOf(s, request) : null;
    if (!s.community || !volumes) return;
    const sunlightRequest = sunlightRequestFromCommunity(s.community, {
      preset: selectSunlightPreset(s),
      date: selectSunlightDate(s),
      volumes,
    });
    const settleCurrent = (outcome: { result: SunlightResult } | { error: string }) =>
      select(store.getState()) === request && settle(request, outcome);
    computeSunlightAsync(sunlightRequest, { signal: current.signal }).then(
      (result) => settleCurrent({ result }),
      (error: Error) => error.name !== 'AbortError' && settleCurrent({ error: error.message }),
    );
  });
  return () => {
    stop();
    controller?.abort();
  };
}

/** Computes a building's what-if (floors added, an elevator shaft) asked for in the 日照 tab. */
export function runSunlightWhatIfOnRequest(store: AppStore): () => void {
  return runWhatIfRequests(
    store,
    (s) => s.sunlightWhatIf,
    (s, whatIf) => {
      const building = s.community?.buildings.find((b) => b.id === whatIf.buildingId);
      return building ? whatIfVolumes(building, whatIf.change) : null;
    },
    (_, outcome) => store.getState().settleSunlightWhatIf(outcome),
  );
}

/** Computes a reuse plan's or elevator candidate's volumes (sunlightPlanWhatIf). */
export function runSunlightPlanWhatIfOnRequest(store: AppStore): () => void {
  return runWhatIfRequests(
    store,
    (s) => s.sunlightPlanWhatIf,
    (_, whatIf) => whatIf.volumes,
    (whatIf, outcome) => store.getState().settleSunlightPlanWhatIf(whatIf.key, outcome),
  );
}
