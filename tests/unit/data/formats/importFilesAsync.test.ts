import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcessWorker } from '../../../../src/core/worker/inProcessWorker';
import { importFiles } from '../../../../src/data/formats/index';
import { importFilesAsync } from '../../../../src/data/formats/importFilesAsync';
import { importFilesTask } from '../../../../src/data/formats/importFilesTask';

const fixture = (name: string) => {
  const bytes = readFileSync(path.resolve('tests/fixtures/formats', name));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};

describe('importFilesAsync', () => {
  it('gives what importFiles gives, with progress per file, the bytes moved to the worker', async () => {
    const files = [
      { name: 'osm.geojson', bytes: fixture('osm-overpass.geojson') },
      { name: 'broken.geojson', bytes: new TextEncoder().encode('{"type":"FeatureCollection","features":[').buffer as ArrayBuffer },
    ];
    const expected = importFiles(new Map(files.map((f) => [f.name, f.bytes.slice(0)])));
    const totalBytes = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
    const worker = inProcessWorker(importFilesTask);
    const events: [number, number, string][] = [];
    const batch = await importFilesAsync(
      files,
      {},
      undefined,
      (done, total, file) => events.push([done, total, file]),
      () => worker,
    );
    expect(batch).toEqual(expected);
    expect(events).toEqual([
      [1, 2, 'osm.geojson'],
      [2, 2, 'broken.geojson'],
    ]);
    expect(worker.transferredBytes).toEqual([totalBytes]);
    expect(files[0].bytes.byteLength).toBe(0);
  });

  it('terminates the worker and rejects with an AbortError when cancelled', async () => {
    const worker = inProcessWorker(importFilesTask);
    const controller = new AbortController();
    const promise = importFilesAsync(
      [{ name: 'a.geojson', bytes: fixture('osm-overpass.geojson') }],
      {},
      controller.signal,
      undefined,
      () => worker,
    );
    controller.abort();
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(true);
  });
});
