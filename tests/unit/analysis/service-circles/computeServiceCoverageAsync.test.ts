import { describe, expect, it } from 'vitest';
import { DataError } from '../../../../src/core/errors';
import { coverageOf, type ProgressEvent } from '../../../../src/analysis/service-circles/computeServiceCoverage';
import { computeServiceCoverageAsync } from '../../../../src/analysis/service-circles/computeServiceCoverageAsync';
import { inProcessWorker } from '../../../../src/core/worker/inProcessWorker';
import {
  computeServiceCoverageFromRequest,
  computeServiceCoverageTask,
  serviceCoverageRequestFromFeatures,
  type ServiceCoverageRequest,
} from '../../../../src/analysis/service-circles/serviceCoverageRequest';
import { at, grid3x3 } from '../localMeters';

const request = (): ServiceCoverageRequest =>
  serviceCoverageRequestFromFeatures(
    {
      network: grid3x3(),
      buildings: [{ id: 'B1', position: at(50, 20), population: { all: 3, '3-5': 1 } }],
      facilities: [{ id: 'K1', category: 'kindergarten', position: at(0, 0), capacity: 30 }],
    },
    { categories: ['kindergarten', 'grocery'] },
  );

/**
 * A stand-in for a module Worker running the real task: messages cross by structuredClone WITH the
 * transfer list, as postMessage does, so anything that cannot be cloned or transferred fails here too.
 */
function fakeWorker(options: { fail?: boolean } = {}) {
  const worker = inProcessWorker(
    options.fail
      ? (received: ServiceCoverageRequest, context: Parameters<typeof computeServiceCoverageTask>[1]) =>
          computeServiceCoverageTask({ ...received, rules: { walkSpeedMetersPerSecond: -1, bands: [], tiers: [], rules: [] } }, context)
      : computeServiceCoverageTask,
  );
  const state = {
    get terminated() {
      return worker.terminated;
    },
    get transferredBytes() {
      return worker.transferredBytes.at(-1) ?? 0;
    },
  };
  return { worker, state };
}

describe('computeServiceCoverageAsync', () => {
  it('gives the same result as the pure function, reporting progress per category, with buffers transferred', async () => {
    const { worker, state } = fakeWorker();
    const events: ProgressEvent[] = [];
    const sent = request();
    const coverage = await computeServiceCoverageAsync(sent, { createWorker: () => worker, onProgress: (e) => events.push(e) });
    const expected = computeServiceCoverageFromRequest(request());
    expect(Array.from(coverageOf(coverage, 'kindergarten')!.walkDistanceMeters)).toEqual(
      Array.from(coverageOf(expected, 'kindergarten')!.walkDistanceMeters),
    );
    expect(coverageOf(coverage, 'kindergarten')!.capacity?.servedShare).toBe(1);
    expect(events.map((e) => e.category)).toEqual(['kindergarten', 'grocery']);
    expect(state.terminated).toBe(true);
    // Transferred, not copied: the request's arrays are detached on this side.
    expect(state.transferredBytes).toBeGreaterThan(0);
    expect(sent.buildingLonLat.length).toBe(0);
  });

  it('terminates the worker and rejects with an AbortError when aborted', async () => {
    const { worker, state } = fakeWorker();
    const controller = new AbortController();
    const promise = computeServiceCoverageAsync(request(), { createWorker: () => worker, signal: controller.signal });
    controller.abort();
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(state.terminated).toBe(true);
  });

  it('does not start a worker for an already aborted signal', async () => {
    let created = 0;
    const promise = computeServiceCoverageAsync(request(), {
      createWorker: () => {
        created++;
        return fakeWorker().worker;
      },
      signal: AbortSignal.abort(),
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(created).toBe(0);
  });

  it('passes an error from the worker on, with its name', async () => {
    const { worker } = fakeWorker({ fail: true });
    await expect(computeServiceCoverageAsync(request(), { createWorker: () => worker })).rejects.toMatchObject({ name: 'DeveloperError' });
  });

  it('rebuilds a DataError with its located issues', async () => {
    const worker = inProcessWorker(() => {
      throw new DataError([{ file: 'f.geojson', feature: 2, field: 'category', reason: 'bad' }], 'Invalid input');
    });
    const error = await computeServiceCoverageAsync(request(), { createWorker: () => worker }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).issues[0]).toMatchObject({ file: 'f.geojson', feature: 2 });
  });
});
