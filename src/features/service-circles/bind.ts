import { computeServiceCoverageAsync } from '../../analysis/service-circles/computeServiceCoverageAsync';
import { rankServiceGaps } from '../../analysis/service-circles/gaps';
import { withUserSettings } from '../../analysis/service-circles/ruleOverrides';
import { DEFAULT_SERVICE_RULES } from '../../analysis/service-circles/rules';
import { serviceCoverageRequestFromCommunity } from '../../analysis/service-circles/serviceCoverageRequest';
import { withImportedData } from '../../data/community/importedData';
import type { AppState, AppStore } from '../../stores/appStore';
import { SHARING_MOMENTS } from './slice';
import { mappedImportedLayers } from '../import/slice';

/** Edits of speed or limits arrive keystroke by keystroke; wait this long before recomputing. */
const EDIT_DEBOUNCE_MS = 250;

/**
 * Recomputes the service circles in a Web Worker whenever the community, the walking speed or a
 * limit changes. A newer run aborts the older one (its worker is terminated), so results never
 * arrive out of order, and the UI thread never does the graph work.
 */
export function runServiceAnalysisOnChanges(store: AppStore): () => void {
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = async () => {
    const s = store.getState();
    if (!s.community) return;
    controller?.abort();
    const current = new AbortController();
    controller = current;
    s.startAnalysis();
    const rules = withUserSettings(DEFAULT_SERVICE_RULES, s.maxDistanceOverrides, s.walkSpeedMetersPerSecond);
    try {
      // Imported facilities and networks join the community's own; its buildings keep their indices.
      const community = withImportedData(s.community, mappedImportedLayers(s.importedLayers, true)).community;
      const request = serviceCoverageRequestFromCommunity(community, {
        rules,
        walkSpeedMetersPerSecond: s.walkSpeedMetersPerSecond,
        sharingAt: s.sharingTime === 'open-hours' ? 'open-hours' : SHARING_MOMENTS[s.sharingTime],
      });
      const coverage = await computeServiceCoverageAsync(request, {
        signal: current.signal,
        onProgress: (event) => store.getState().setAnalysisProgress(event.completed / event.total),
      });
      if (current.signal.aborted || store.getState().community !== s.community) return;
      store.getState().finishAnalysis(coverage, rankServiceGaps(coverage, { worstBuildings: 5 }));
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      store.getState().failAnalysis((error as Error).message);
    }
  };

  const analysedLayers = (s: AppState) => mappedImportedLayers(s.importedLayers, true);
  const sameLayers = (a: ReturnType<typeof analysedLayers>, b: ReturnType<typeof analysedLayers>) =>
    a.length === b.length && a.every((l, i) => l.result === b[i].result && l.mapping === b[i].mapping);
  const changed = (s: AppState, prev: AppState) =>
    s.community !== prev.community ||
    (s.importedLayers !== prev.importedLayers && !sameLayers(analysedLayers(s), analysedLayers(prev))) ||
    s.walkSpeedMetersPerSecond !== prev.walkSpeedMetersPerSecond ||
    s.maxDistanceOverrides !== prev.maxDistanceOverrides ||
    s.sharingTime !== prev.sharingTime;

  const unsubscribe = store.subscribe((s, prev) => {
    if (!changed(s, prev) || !s.community) return;
    clearTimeout(timer);
    // A new community runs at once; edits wait for the typing to settle.
    if (s.community !== prev.community) void run();
    else timer = setTimeout(() => void run(), EDIT_DEBOUNCE_MS);
  });
  if (store.getState().community) void run();
  return () => {
    unsubscribe();
    clearTimeout(timer);
    controller?.abort();
  };
}
