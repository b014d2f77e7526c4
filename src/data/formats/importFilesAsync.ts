import { runInWorker, type WorkerLike } from '../../core/worker/runInWorker';
import type { ImportBatch, ImportFilesInput, ImportProgressEvent } from './importFilesTask';
import type { ImportOptions } from './importResult';

const defaultWorker = (): WorkerLike => new Worker(new URL('./importFiles.worker.ts', import.meta.url), { type: 'module' });

/**
 * Reads files in a dedicated worker: the bytes are transferred (not copied) and parsing never blocks
 * the UI. Aborting terminates the worker and rejects with an AbortError.
 */
export function importFilesAsync(
  files: readonly { name: string; bytes: ArrayBuffer }[],
  options: ImportOptions = {},
  signal?: AbortSignal,
  onProgress?: (done: number, total: number, file: string) => void,
  /** Defaults to the bundled module worker. */
  createWorker: () => WorkerLike = defaultWorker,
): Promise<ImportBatch> {
  return runInWorker<ImportFilesInput, ImportBatch, ImportProgressEvent>(
    { files: files.map((f) => [f.name, f.bytes]), options },
    {
      createWorker,
      transfer: files.map((f) => f.bytes),
      ...(signal ? { signal } : {}),
      ...(onProgress ? { onProgress: ({ done, total, file }) => onProgress(done, total, file) } : {}),
      label: 'import',
    },
  );
}
