import type { ImportBatch } from './index';
import type { ImportOptions } from './importResult';
import type { ImportFromWorker, ImportToWorker } from './importFilesProtocol';

/**
 * Reads files in a dedicated worker: the bytes are transferred (not copied) and parsing never blocks
 * the UI. Aborting terminates the worker and rejects with an AbortError.
 */
export function importFilesAsync(
  files: readonly { name: string; bytes: ArrayBuffer }[],
  options: ImportOptions = {},
  signal?: AbortSignal,
  onProgress?: (done: number, total: number, file: string) => void,
): Promise<ImportBatch> {
  if (signal?.aborted) return Promise.reject(new DOMException('import was cancelled', 'AbortError'));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./importFiles.worker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new DOMException('import was cancelled', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = ({ data }: MessageEvent<ImportFromWorker>) => {
      if (data.type === 'progress') return onProgress?.(data.done, data.total, data.file);
      finish();
      if (data.type === 'result') resolve(data.batch);
      else reject(new Error(data.message));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`import worker failed: ${event.message}`));
    };
    const message: ImportToWorker = { type: 'import', files: files.map((f) => [f.name, f.bytes]), options };
    worker.postMessage(message, files.map((f) => f.bytes));
  });
}
