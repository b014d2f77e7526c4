import { describe, expect, it } from 'vitest';
import { DataError } from '../../../../src/core/errors';
import { coverageOf, type ProgressEvent } from '../../../../src/analysis/service-circles/computeServiceCoverage';
import { computeServiceCoverageAsync, type WorkerLike } from '../../../../src/analysis/service-circles/computeServiceCoverageAsync';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromFeatures,
  type ServiceCoverageRequest,
} from '../../../../src/analysis/service-circles/serviceCoverageRequest';
import { respondToServiceCoverageMessage, type ServiceCoverageFromWorker } from '../../../../src/analysis/service-circles/serviceCoverageWorkerProtocol';
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
 * A stand-in for a module Worker: messages cross by structuredClone WITH the transfer list, as
 * postMessage does, so anything that cannot be cloned or transferred fails here too.
 */
function fakeWorker(options: { fail?: boolean } = {}) {
  const state = { terminated: false, transferredBytes: 0 };
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message, transfer) {
      state.transferredBytes = (transfer as ArrayBuffer[]).reduce((sum, b) => sum + b.byteLength, 0);
      const received = structuredClone(message, { transfer });
      setTimeout(() => {
        if (state.terminated) return;
        if (options.fail) received.request.rules = { walkSpeedMetersPerSecond: -1, bandsSeconds: [], rules: [] };
        respondToServiceCoverageMessage(received, (reply, back) => {
          const delivered = structuredClone(reply, { transfer: back }) as ServiceCoverageFromWorker;
          setTimeout(() => !state.terminated && worker.onmessage?.({ data: delivered } as MessageEvent<ServiceCoverageFromWorker>));
        });
      });
    },
    terminate() {
      state.terminated = true;
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
    expect(Array.from(coverageOf(coverage, 'kindergarten')!.walkDistanceMeters)).toEqual(Array.from(coverageOf(expected, 'kindergarten')!.walkDistanceMeters));
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
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() =>
          worker.onmessage?.({
            data: { type: 'error', name: 'DataError', message: 'Invalid input: 1 problem(s)', issues: [{ file: 'f.geojson', feature: 2, field: 'category', reason: 'bad' }] },
          } as MessageEvent<ServiceCoverageFromWorker>),
        );
      },
      terminate() {},
    };
    const error = await computeServiceCoverageAsync(request(), { createWorker: () => worker }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).issues[0]).toMatchObject({ file: 'f.geojson', feature: 2 });
  });
});
