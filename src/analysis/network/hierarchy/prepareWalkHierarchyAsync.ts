import { runInWorker, type WorkerLike } from '../../../core/worker/runInWorker';
import type { PrepareHierarchyRequest, PreparedHierarchy } from './prepareWalkHierarchy';

const defaultWorker = (): WorkerLike => new Worker(new URL('./prepareWalkHierarchy.worker.ts', import.meta.url), { type: 'module' });

/** Preprocesses an imported network in a worker; the request's line buffers are transferred. */
export function prepareWalkHierarchyAsync(
  request: PrepareHierarchyRequest,
  options: { signal?: AbortSignal; onProgress?: (share: number) => void; createWorker?: () => WorkerLike } = {},
): Promise<PreparedHierarchy> {
  return runInWorker<PrepareHierarchyRequest, PreparedHierarchy, number>(request, {
    createWorker: options.createWorker ?? defaultWorker,
    transfer: [request.lines.coordinates.buffer as ArrayBuffer, request.lines.lineOffsets.buffer as ArrayBuffer],
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    label: 'walk hierarchy',
  });
}
