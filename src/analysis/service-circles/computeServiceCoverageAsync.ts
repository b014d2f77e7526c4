import { DataError } from '../../core/errors';
import type { ProgressEvent, ServiceCoverage } from './computeServiceCoverage';
import { requestTransferables, type ServiceCoverageRequest } from './serviceCoverageRequest';
import type { ServiceCoverageFromWorker, ServiceCoverageToWorker } from './serviceCoverageWorkerProtocol';

/** The part of a Worker this wrapper uses (so tests can pass a stand-in). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<ServiceCoverageFromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ServiceCoverageToWorker, transfer: Transferable[]): void;
  terminate(): void;
}

export interface ServiceCoverageAsyncOptions {
  /** Aborting terminates the worker and rejects with an AbortError. */
  signal?: AbortSignal;
  /** Called after each category. */
  onProgress?: (event: ProgressEvent) => void;
  /** Defaults to the bundled module worker. */
  createWorker?: () => WorkerLike;
}

const defaultWorker = (): WorkerLike =>
  new Worker(new URL('./computeServiceCoverage.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;

const abortError = () => new DOMException('service coverage was aborted', 'AbortError');

/**
 * Runs computeServiceCoverage in a dedicated worker. The request's buffers are TRANSFERRED (the
 * request is unusable afterwards; build a fresh one per run); the result's buffers come back the
 * same way. One worker per run, terminated when it settles or is aborted.
 */
export function computeServiceCoverageAsync(request: ServiceCoverageRequest, options: ServiceCoverageAsyncOptions = {}): Promise<ServiceCoverage> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  return new Promise<ServiceCoverage>((resolve, reject) => {
    const worker = (options.createWorker ?? defaultWorker)();
    const finish = () => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') {
        onProgress?.(data.event);
        return;
      }
      finish();
      if (data.type === 'result') resolve(data.coverage);
      else if (data.issues) reject(new DataError(data.issues, data.message.split(':')[0]));
      else reject(Object.assign(new Error(data.message), { name: data.name }));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`service coverage worker failed: ${event.message}`));
    };
    worker.postMessage({ type: 'compute', request }, requestTransferables(request));
  });
}
