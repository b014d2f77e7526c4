import { because, DataError } from '../../core/errors';
import { BASE_CONFIG_FILE, type BaseConfig, type BaseSource } from '../../data/base/baseConfig';
import { parseBaseConfig } from '../../data/base/readBaseConfig';
import { featureCollectionFromUrl, type FetchLike } from '../../data/formats/featuresFromUrl';
import { importFilesAsync } from '../../data/formats/importFilesAsync';
import { cannotBeRead } from '../../data/package/readPackage';
import type { AppStore } from '../../stores/appStore';
import { watch } from '../../stores/watch';
import { stopAll } from '../feature';
import { modelsUrl } from '../community/loadCommunity';
import { isBaseSourceShown } from './slice';

/**
 * A relative source URL is a folder or file under models/. Joined as text: URL templates keep their
 * `{z}` / `{TileMatrix}` braces (new URL() would percent-encode them).
 */
export function resolveSourceUrls(config: BaseConfig, modelsBase: string): BaseConfig {
  const resolve = (url: string) =>
    /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') ? url : `${modelsBase}${url.replace(/^\.\//, '')}`;
  return { ...config, sources: config.sources.map((s): BaseSource => ('url' in s ? { ...s, url: resolve(s.url) } : s)) };
}

/** Reads models/base.json; a missing file keeps the offline default, a broken one is reported and the default kept. */
export async function loadBaseConfig(store: AppStore, fetchImpl: typeof fetch = fetch): Promise<void> {
  const base = modelsUrl();
  const file = `models/${BASE_CONFIG_FILE}`;
  try {
    const response = await fetchImpl(new URL(BASE_CONFIG_FILE, base));
    if (response.status === 404) return; // no configuration: the offline default
    if (!response.ok) throw new DataError([{ file, ...cannotBeRead(`HTTP ${response.status}`) }]);
    store.getState().setBaseConfig(resolveSourceUrls(parseBaseConfig(await response.text(), file), base));
  } catch (error) {
    store.getState().failBaseConfig(
      error instanceof DataError
        ? error.issues
        : [
            {
              file,
              ...because(`cannot be read (${(error as Error).message})`, 'issue.file.unreadable', {
                detail: ` (${(error as Error).message})`,
              }),
            },
          ],
    );
  }
}

/** Reads a vector source (GeoJSON or OGC API – Features) when it is first shown. */
async function loadVector(store: AppStore, source: Extract<BaseSource, { kind: 'vector' }>): Promise<void> {
  try {
    const fetched = await featureCollectionFromUrl(source.url, fetch as unknown as FetchLike);
    if (fetched.kind !== 'features') throw new Error(`${source.url} is a 3D Tiles tileset, not vector features`);
    const batch = await importFilesAsync([{ name: fetched.name, bytes: new TextEncoder().encode(fetched.text).buffer as ArrayBuffer }]);
    if (batch.failures.length) {
      const failure = batch.failures[0];
      return store.getState().failBaseSource(source.id, { message: failure.message, issue: failure.issues[0]?.message });
    }
    store.getState().setBaseVectors(source.id, batch.results[0]?.features ?? []);
  } catch (error) {
    const issue = error instanceof DataError ? error.issues[0]?.message : undefined;
    store.getState().failBaseSource(source.id, { message: (error as Error).message, ...(issue ? { issue } : {}) });
  }
}

/** Loads the base configuration at start, and each vector source the first time it is shown. */
export function bindBase(store: AppStore): () => void {
  void loadBaseConfig(store);
  const requested = new Set<string>();
  const loadShownVectors = () => {
    const s = store.getState();
    for (const source of s.baseConfig.sources) {
      if (source.kind !== 'vector' || requested.has(source.id) || !isBaseSourceShown(s.baseShown, source)) continue;
      requested.add(source.id);
      void loadVector(store, source);
    }
  };
  loadShownVectors();
  return stopAll(
    watch(store, (s) => s.baseConfig, loadShownVectors),
    watch(store, (s) => s.baseShown, loadShownVectors),
  );
}
