import { runInWorker, type WorkerLike } from '../../core/worker/runInWorker';
import type { ProgressEvent, ServiceCoverage } from './computeServiceCoverage';
import { requestTransferables, type ServiceCoverageRequest } from './serviceCoverageRequest';

export type { WorkerLike };

export interface ServiceCoverageAsyncOptions {
  /** Aborting terminates the worker and rejects with an AbortError. */
  signal?: AbortSignal;
  /** Called after each category. */
  onProgress?: (event: ProgressEvent) => void;
  /** Defaults to the bundled module worker. */
  createWorker?: () => WorkerLike;
}

const defaultWorker = (): WorkerLike => new Worker(new URL('./computeServiceCoverage.worker.ts', import.meta.url), { type: 'module' });

/**
 * Runs computeServiceCoverage in a dedicated worker. The request's buffers are TRANSFERRED (the
 * request is unusable afterwards; build a fresh one per run); the result's buffers come back the
 * same way. One worker per run, terminated when it settles or is aborted; a DataError thrown in the
 * worker arrives as a DataError with its issues.
 */
export function computeServiceCoverageAsync(
  request: ServiceCoverageRequest,
  options: ServiceCoverageAsyncOptions = {},
): Promise<ServiceCoverage> {
  return runInWorker<ServiceCoverageRequest, ServiceCoverage, ProgressEvent>(request, {
    createWorker: options.createWorker ?? defaultWorker,
    transfer: requestTransferables(request),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    label: 'service coverage',
  });
}
