import { because, DataError } from '../../core/errors';
import { readCappedText } from '../../data/cappedText';
import type { DeploymentLimits } from '../../data/limits';
import { cannotBeRead } from '../../data/package/readPackage';
import { parseStoryboard } from '../../data/tour/storyboard';
import { localizeError } from '../../i18n/issues';
import { LAYER_IDS } from '../../layers/layerCatalog';
import { SCENARIO_IDS } from '../../scenarios/registry';
import type { AppStore } from '../../stores/appStore';
import { modelsUrl } from '../community/loadCommunity';
import { deploymentLimits } from '../import/deploymentLimits';
import { BUILTIN_TOUR_PATH, tourUrlPolicy, type ScreenOptions } from '../screen/screenOptions';

/** What loading a tour reaches outside itself; the app's own by default, stand-ins in tests. */
export interface TourDependencies {
  fetch?: typeof fetch;
  /** The deployment's limits; read from config/limits.json when absent. */
  limits?: DeploymentLimits;
  /** The app's address, against which relative storyboard addresses resolve and whose origin is trusted. */
  baseUrl?: string;
}

/**
 * Fetches and validates a storyboard (the built-in briefing when `url` is null) and puts it into the
 * store; a failure is shown on the screen with the step and field at fault, the scene stays as it is.
 * A user's storyboard is read only from the app's own server or an origin the deployment allows, and
 * only up to `tours.maxBytes`: anything else is refused before it is fetched (or as soon as it is too
 * large), with the reason on the wall.
 */
export async function loadTour(
  store: AppStore,
  options: NonNullable<ScreenOptions['tour']>,
  signal?: AbortSignal,
  dependencies: TourDependencies = {},
): Promise<void> {
  const source = options.url ?? BUILTIN_TOUR_PATH;
  try {
    const fetchImpl = dependencies.fetch ?? fetch;
    const limits = (dependencies.limits ?? (await deploymentLimits())).tours;
    let url: string;
    if (options.url === null) url = new URL(BUILTIN_TOUR_PATH, modelsUrl()).href;
    else {
      const allowed = tourUrlPolicy(options.url, dependencies.baseUrl ?? document.baseURI, limits.allowedOrigins);
      if ('refused' in allowed) throw new DataError([{ file: source, ...allowed.refused }]);
      url = allowed.url;
    }
    const response = await fetchImpl(url, signal ? { signal } : {});
    if (!response.ok) throw new DataError([{ file: source, ...cannotBeRead(`HTTP ${response.status}`) }]);
    const text = await readCappedText(response, limits.maxBytes, source, 'tours.maxBytes');
    let json: unknown;
    try {
      json = JSON.parse(text);
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
