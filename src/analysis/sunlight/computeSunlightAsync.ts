import { runInWorker, type WorkerLike } from '../../core/worker/runInWorker';
import { sunlightRequestTransferables, type SunlightRequest, type SunlightResult } from './sunlightRequest';

const defaultWorker = (): WorkerLike => new Worker(new URL('./computeSunlight.worker.ts', import.meta.url), { type: 'module' });

/**
 * Runs the sunlight calculation in a dedicated worker (one per run). The request's buffers are
 * transferred (build a fresh request per run); aborting terminates the worker.
 */
export function computeSunlightAsync(
  request: SunlightRequest,
  options: { signal?: AbortSignal; onProgress?: (done: number) => void; createWorker?: () => WorkerLike } = {},
): Promise<SunlightResult> {
  return runInWorker<SunlightRequest, SunlightResult, number>(request, {
    createWorker: options.createWorker ?? defaultWorker,
    transfer: sunlightRequestTransferables(request),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    label: 'sunlight',
  });
}
