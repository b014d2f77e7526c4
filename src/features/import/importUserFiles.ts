import { featureCollectionFromUrl, readFirstOnly, type FetchLike } from '../../data/formats/featuresFromUrl';
import { importFilesAsync } from '../../data/formats/importFilesAsync';
import { ImportError, toImportFailure, type ImportFailure, type ImportOptions } from '../../data/formats/importResult';
import type { CrsId } from '../../core/geo/crs';
import type { ModelPlacement } from '../../core/model/placement';
import type { WorkerLike } from '../../core/worker/runInWorker';
import { findImportFormat, modelFormatOf } from '../../data/formats/registry';
import { tooLarge, type DeploymentLimits } from '../../data/limits';
import type { AppStore } from '../../stores/appStore';
import { deploymentLimits } from './deploymentLimits';

/** What an import reaches outside itself; the app's own by default, stand-ins in tests. */
export interface ImportDependencies {
  fetch?: FetchLike;
  createWorker?: () => WorkerLike;
  /** The deployment's limits; read from config/limits.json when absent. */
  limits?: DeploymentLimits;
}

/** Starts an import: the one before it, if still running, is stopped. */
function startImport(store: AppStore): AbortController {
  store.getState().beginImport();
  running?.abort();
  const controller = new AbortController();
  running = controller;
  return controller;
}

const isAbort = (error: unknown) => (error as Error | null)?.name === 'AbortError';

/** The import in progress, so a newer one or the cancel button can stop it (its worker is terminated). */
let running: AbortController | null = null;
/** The files the user picked or dropped last, per store: a layer that failed for want of a coordinate system is read again from them. */
const lastPicked = new WeakMap<AppStore, readonly File[]>();
/** Each feature layer's source, per store: the files (or fetched bytes) it was read from, to read it again with another CRS. */
type LayerSource = { name: string; bytes: () => Promise<ArrayBuffer> }[];
const layerSources = new WeakMap<AppStore, Map<string, LayerSource>>();

function rememberSources(store: AppStore, before: ReadonlySet<string>, sourceOf: (file: string) => LayerSource): void {
  const map = layerSources.get(store) ?? new Map<string, LayerSource>();
  layerSources.set(store, map);
  for (const layer of store.getState().importedLayers)
    if (layer.kind === 'features' && !before.has(layer.id)) map.set(layer.id, sourceOf(layer.result.file));
}

/**
 * Reads a feature layer again from its source as if it declared `crs`, and puts the new features in
 * the same layer (its colour, mapping and place in the list kept). Returns false when the source is
 * gone (a layer of an exported package) or the file no longer reads.
 */
export async function reprojectLayer(store: AppStore, layerId: string, crs: CrsId): Promise<boolean> {
  const layer = store.getState().importedLayers.find((l) => l.id === layerId);
  const source = layerSources.get(store)?.get(layerId);
  if (!layer || layer.kind !== 'features' || !source) return false;
  const buffers = await Promise.all(source.map(async (s) => ({ name: s.name, bytes: await s.bytes() })));
  const batch = await importFilesAsync(buffers, { sourceCrs: crs, limits: (await deploymentLimits()).import });
  const result = batch.results.find((r) => r.file === layer.result.file);
  if (!result) return false;
  store.getState().replaceLayerResult(layerId, result);
  return true;
}

/** Whether a layer can be read again with another coordinate system (its source is still at hand). */
export const canReproject = (store: AppStore, layerId: string): boolean => layerSources.get(store)?.has(layerId) ?? false;

/** Files the user picked or dropped: remembered (for a retry with a chosen coordinate system) and imported. */
export function importPickedFiles(store: AppStore, files: readonly File[]): Promise<void> {
  lastPicked.set(store, files);
  return importUserFiles(store, files);
}

/** Reads the files of a failed layer again as if they declared `crs`. */
export function retryWithCrs(store: AppStore, failedFile: string, crs: CrsId): Promise<void> {
  return importUserFiles(store, filesOfLayer(lastPicked.get(store) ?? [], failedFile), { sourceCrs: crs });
}

/**
 * Reads the files a user dropped or picked, in a worker, and adds what could be read as layers.
 * Files that fail are listed with their located reason; nothing already loaded changes. A file over
 * the deployment's `maxFileBytes` is refused before it is read: its bytes never enter the page.
 */
export async function importUserFiles(
  store: AppStore,
  files: readonly File[],
  options: ImportOptions = {},
  dependencies: ImportDependencies = {},
): Promise<void> {
  // glTF models are not parsed here: the engine loads them from an object URL, placed at the community.
  const models = files.filter((f) => modelFormatOf(f.name));
  for (const model of models) store.getState().addModelLayer(model.name, URL.createObjectURL(model), defaultPlacement(store));
  files = files.filter((f) => !models.includes(f));
  if (!files.length) return;
  const controller = startImport(store);
  try {
    const limits = (dependencies.limits ?? (await deploymentLimits())).import;
    const refused: ImportFailure[] = files
      .filter((f) => f.size > limits.maxFileBytes)
      .map((f) =>
        toImportFailure(new ImportError('too-large', { file: f.name, ...tooLarge(f.size, limits.maxFileBytes, 'maxFileBytes') })),
      );
    const readable = files.filter((f) => f.size <= limits.maxFileBytes);
    const totalBytes = readable.reduce((sum, f) => sum + f.size, 0);
    let loadedBytes = 0;
    const buffers = [];
    for (const file of readable) {
      if (controller.signal.aborted) return;
      buffers.push({ name: file.name, bytes: await file.arrayBuffer() });
      loadedBytes += file.size;
      store.getState().setImportProgress({ phase: 'loading', done: loadedBytes, total: totalBytes, file: file.name });
    }
    if (controller.signal.aborted) return;
    const batch = buffers.length
      ? await importFilesAsync(
          buffers,
          { ...options, limits },
          controller.signal,
          (done, total, file) => store.getState().setImportProgress({ phase: 'parsing', done, total, file }),
          ...(dependencies.createWorker ? [dependencies.createWorker] : []),
        )
      : { results: [], failures: [] };
    if (!controller.signal.aborted) {
      const before = new Set(store.getState().importedLayers.map((l) => l.id));
      store.getState().finishImport(batch.results, [...refused, ...batch.failures]);
      rememberSources(store, before, (file) => filesOfLayer(files, file).map((f) => ({ name: f.name, bytes: () => f.arrayBuffer() })));
    }
  } catch (error) {
    if (isAbort(error) || controller.signal.aborted) return;
    const file = files.map((f) => f.name).join(', ');
    store.getState().finishImport(
      [],
      [
        {
          name: 'ImportError',
          code: 'unsupported-format',
          message: (error as Error).message,
          issues: [{ file, reason: (error as Error).message }],
        },
      ],
    );
  } finally {
    if (running === controller) running = null;
  }
}

/** Stops the running import; the scene and the layers stay as they were before it. */
export function cancelImport(store: AppStore): void {
  running?.abort();
  running = null;
  store.getState().cancelImport();
}

/** A dropped model stands at the centre of the open community until the user moves it. */
function defaultPlacement(store: AppStore): ModelPlacement {
  const [lon, lat] = store.getState().community?.manifest.centre ?? [120.1551, 30.2741];
  return { lon, lat, heightMeters: 0, headingDeg: 0, scale: 1 };
}

/** Frees the object URL of a model layer once it is removed (the engine has dropped the model by then). */
export function revokeRemovedModelUrls(store: AppStore): () => void {
  return store.subscribe((s, prev) => {
    if (s.importedLayers === prev.importedLayers) return;
    const kept = new Set(s.importedLayers.map((l) => l.id));
    for (const layer of prev.importedLayers)
      if (layer.kind === 'model' && !kept.has(layer.id) && layer.url.startsWith('blob:')) URL.revokeObjectURL(layer.url);
  });
}

/**
 * The picked files that make up the layer a failure names: the file itself, or all parts of a
 * shapefile (same name, other extensions), or the zip it came from (`data.zip/roads.shp`).
 */
export function filesOfLayer(files: readonly File[], failedFile: string): File[] {
  const segments = failedFile.split('/');
  const zip = segments
    .map((_, i) => segments.slice(0, i).join('/'))
    .find((prefix) => prefix && findImportFormat(prefix, undefined, ['container']));
  if (zip) return files.filter((f) => f.name === zip);
  const stem = failedFile.replace(/\.[^./]+$/, '');
  return files.filter((f) => f.name === failedFile || f.name.replace(/\.[^./]+$/, '') === stem);
}

/**
 * Imports GeoJSON or an OGC API – Features collection from a URL the user typed (e.g. an intranet GIS
 * server), or adds a 3D Tiles tileset to stream. The deployment's limits hold (pages, bytes, features);
 * `next` links to another server are followed only when the user allowed it. Cancel reaches every
 * fetch and the worker, and nothing of a cancelled import is added.
 */
export async function importFromUrl(
  store: AppStore,
  url: string,
  options: { allowOtherOrigins?: boolean } & ImportDependencies = {},
): Promise<void> {
  const controller = startImport(store);
  const { signal } = controller;
  try {
    const limits = (options.limits ?? (await deploymentLimits())).import;
    if (signal.aborted) return;
    const fetched = await featureCollectionFromUrl(url, options.fetch ?? (fetch as unknown as FetchLike), {
      maxFeatures: limits.maxFeaturesPerLayer,
      maxPages: limits.maxUrlPages,
      maxBytes: limits.maxFileBytes,
      allowOtherOrigins: options.allowOtherOrigins ?? false,
      signal,
    });
    if (signal.aborted) return;
    if (fetched.kind === 'tileset') {
      store.getState().addTilesetLayer(fetched.name, fetched.url);
      return;
    }
    const bytes = new TextEncoder().encode(fetched.text).buffer as ArrayBuffer;
    const batch = await importFilesAsync(
      [{ name: fetched.name, bytes }],
      { limits },
      signal,
      undefined,
      ...(options.createWorker ? [options.createWorker] : []),
    );
    if (signal.aborted) return;
    for (const result of batch.results) {
      const warnings = (result.warnings ??= []);
      for (const warning of fetched.warnings) warnings.push({ file: url, ...warning });
      if (fetched.truncated && !fetched.warnings.length)
        warnings.push({ file: url, ...readFirstOnly(result.features.length + result.skipped.length) });
    }
    const before = new Set(store.getState().importedLayers.map((l) => l.id));
    store.getState().finishImport(batch.results, batch.failures);
    // The text, not the buffer: the buffer went to the import worker.
    const text = fetched.text;
    rememberSources(store, before, () => [{ name: fetched.name, bytes: async () => new TextEncoder().encode(text).buffer as ArrayBuffer }]);
  } catch (error) {
    if (isAbort(error) || signal.aborted) return;
    const failure =
      error instanceof ImportError
        ? toImportFailure(error)
        : toImportFailure(new ImportError('missing-file', { file: url, reason: (error as Error).message }));
    store.getState().finishImport([], [failure]);
  } finally {
    if (running === controller) running = null;
  }
}
