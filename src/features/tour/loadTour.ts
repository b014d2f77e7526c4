import { because, DataError } from '../../core/errors';
import { cannotBeRead } from '../../data/package/readPackage';
import { parseStoryboard } from '../../data/tour/storyboard';
import { localizeError } from '../../i18n/issues';
import { LAYER_IDS } from '../../layers/layerCatalog';
import { SCENARIO_IDS } from '../../scenarios/registry';
import type { AppStore } from '../../stores/appStore';
import { modelsUrl } from '../community/loadCommunity';
import { BUILTIN_TOUR_PATH, resolveTourUrl, type ScreenOptions } from '../screen/screenOptions';

/**
 * Fetches and validates a storyboard (the built-in briefing when `url` is null) and puts it into the
 * store; a failure is shown on the screen with the step and field at fault, the scene stays as it is.
 */
export async function loadTour(store: AppStore, options: NonNullable<ScreenOptions['tour']>, signal?: AbortSignal): Promise<void> {
  const source = options.url ?? BUILTIN_TOUR_PATH;
  try {
    const url = options.url === null ? new URL(BUILTIN_TOUR_PATH, modelsUrl()).href : resolveTourUrl(options.url, document.baseURI);
    if (!url) throw new DataError([{ file: source, ...because('not an http(s) address', 'issue.url.notHttp') }]);
    const response = await fetch(url, { signal });
    if (!response.ok) throw new DataError([{ file: source, ...cannotBeRead(`HTTP ${response.status}`) }]);
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new DataError([{ file: source, ...because('not a JSON file', 'issue.json.notJsonFile') }]);
    }
    const storyboard = parseStoryboard(json, { scenarioIds: SCENARIO_IDS, layerIds: LAYER_IDS }, source);
    if (signal?.aborted) return;
    store.getState().loadTour(storyboard, { play: options.play, start: options.start });
  } catch (error) {
    if (signal?.aborted) return;
    store.getState().failTour(localizeError(error, store.getState().language));
  }
}
