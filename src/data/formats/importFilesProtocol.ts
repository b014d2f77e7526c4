import { importFiles, type ImportBatch } from './index';
import type { ImportOptions } from './importResult';

export type ImportToWorker = { type: 'import'; files: [name: string, bytes: ArrayBuffer][]; options: ImportOptions };
export type ImportFromWorker = { type: 'result'; batch: ImportBatch } | { type: 'error'; message: string };

/** The worker's whole job, apart from messaging, so it can be tested without a Worker. */
export function respondToImportMessage(message: ImportToWorker, post: (reply: ImportFromWorker) => void): void {
  try {
    post({ type: 'result', batch: importFiles(new Map(message.files), message.options) });
  } catch (error) {
    post({ type: 'error', message: (error as Error).message });
  }
}
