import { describe, expect, it } from 'vitest';
import { inProcessWorker } from '../../../../src/core/worker/inProcessWorker';
import type { FetchLike } from '../../../../src/data/formats/featuresFromUrl';
import { importFilesTask } from '../../../../src/data/formats/importFilesTask';
import { DEFAULT_LIMITS } from '../../../../src/data/limits';
import { cancelImport, filesOfLayer, importFromUrl, importUserFiles } from '../../../../src/features/import/importUserFiles';
import { createAppStore } from '../../../../src/stores/appStore';

const file = (name: string) => ({ name }) as File;

describe('filesOfLayer (re-reading a failed layer with a chosen coordinate system)', () => {
  const picked = [file('roads.shp'), file('roads.dbf'), file('roads.shx'), file('pois.csv'), file('parcels.zip')];

  it('takes every part of a shapefile named by its .shp', () => {
    expect(filesOfLayer(picked, 'roads.shp').map((f) => f.name)).toEqual(['roads.shp', 'roads.dbf', 'roads.shx']);
  });

  it('takes a single file on its own', () => {
    expect(filesOfLayer(picked, 'pois.csv').map((f) => f.name)).toEqual(['pois.csv']);
  });

  it('takes the whole zip for a layer that came out of it', () => {
    expect(filesOfLayer(picked, 'parcels.zip/data/parcels.shp').map((f) => f.name)).toEqual(['parcels.zip']);
  });
});

describe('importing from a URL: cancel stops it and lands nothing', () => {
  const url = 'http://gis.intranet/pois.geojson';
  const body = JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { id: 'a' }, geometry: { type: 'Point', coordinates: [120.15, 30.27] } }],
  });

  it('passes the signal to the fetch, and a cancelled import adds no layer and no failure', async () => {
    const store = createAppStore();
    let signal: AbortSignal | undefined;
    const fetch: FetchLike = (_url, init) =>
      new Promise((resolve, reject) => {
        signal = init?.signal;
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        // The server answers only after the user has pressed cancel.
        setTimeout(() => resolve({ ok: true, status: 200, text: async () => body }), 20);
      });
    const running = importFromUrl(store, url, { fetch, createWorker: () => inProcessWorker(importFilesTask), limits: DEFAULT_LIMITS });
    cancelImport(store);
    await running;
    expect(signal?.aborted).toBe(true);
    expect(store.getState()).toMatchObject({ importedLayers: [], importFailures: [], importStatus: 'cancelled' });
  });

  it('a layer read after cancel is not added either (cancel while parsing)', async () => {
    const store = createAppStore();
    const fetch: FetchLike = async () => ({ ok: true, status: 200, text: async () => body });
    const createWorker = () => {
      const worker = inProcessWorker(importFilesTask);
      const post = worker.postMessage.bind(worker);
      // Cancel just as the text reaches the worker.
      worker.postMessage = (message, transfer) => {
        post(message, transfer);
        cancelImport(store);
      };
      return worker;
    };
    await importFromUrl(store, url, { fetch, createWorker, limits: DEFAULT_LIMITS });
    expect(store.getState()).toMatchObject({ importedLayers: [], importFailures: [], importStatus: 'cancelled' });
  });

  it('imports what the URL holds when nobody cancels', async () => {
    const store = createAppStore();
    const fetch: FetchLike = async () => ({ ok: true, status: 200, text: async () => body });
    await importFromUrl(store, url, { fetch, createWorker: () => inProcessWorker(importFilesTask), limits: DEFAULT_LIMITS });
    expect(store.getState().importedLayers).toHaveLength(1);
  });
});

describe('importing files: sizes checked before reading', () => {
  it('refuses a file over maxFileBytes without reading it, and reads the others', async () => {
    const store = createAppStore();
    const big = new File([new Uint8Array(2000)], 'big.csv');
    let read = false;
    big.arrayBuffer = async () => {
      read = true;
      return new ArrayBuffer(2000);
    };
    const ok = new File([JSON.stringify({ type: 'FeatureCollection', features: [] })], 'ok.geojson');
    const limits = { ...DEFAULT_LIMITS, import: { ...DEFAULT_LIMITS.import, maxFileBytes: 1000 } };
    await importUserFiles(store, [big, ok], {}, { limits, createWorker: () => inProcessWorker(importFilesTask) });
    expect(read).toBe(false);
    expect(store.getState().importedLayers).toHaveLength(1);
    expect(store.getState().importFailures).toEqual([
      expect.objectContaining({
        code: 'too-large',
        issues: [expect.objectContaining({ file: 'big.csv', message: expect.objectContaining({ code: 'issue.limit.fileTooLarge' }) })],
      }),
    ]);
  });
});
