import { because, DataError } from '../../core/errors';
import { cannotBeRead, httpReader, parsePackageIndex, readCommunityPackage } from '../../data/package/readPackage';
import type { AppStore } from '../../stores/appStore';

/** URL of the models folder, which is served beside the app under any base path. */
export function modelsUrl(): string {
  return new URL('models/', new URL(import.meta.env.BASE_URL, document.baseURI)).href;
}

/**
 * Loads a community package into the store. The store swaps the community only after the whole
 * package validated, so a failure leaves the current scene exactly as it was.
 */
export async function loadCommunity(store: AppStore, communityId?: string): Promise<void> {
  const state = store.getState();
  state.beginLoading();
  try {
    const base = modelsUrl();
    const indexResponse = await fetch(new URL('index.json', base));
    if (!indexResponse.ok) throw new DataError([{ file: 'models/index.json', ...cannotBeRead(`HTTP ${indexResponse.status}`) }]);
    const entries = parsePackageIndex(await indexResponse.json());
    const entry = entries.find((e) => e.id === communityId) ?? entries[0];
    if (!entry)
      throw new DataError([
        { file: 'models/index.json', field: 'packages', ...because('lists no community', 'issue.package.noCommunity') },
      ]);
    const community = await readCommunityPackage(httpReader(new URL(entry.path, base).href));
    store.getState().setCommunity(community);
  } catch (error) {
    const issues = error instanceof DataError ? error.issues : [];
    store.getState().failLoading((error as Error).message, issues);
  }
}
