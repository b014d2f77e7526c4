import { importFiles, type ImportBatch } from './index';
import type { ImportOptions } from './importResult';

export type ImportToWorker = { type: 'import'; files: [name: string, bytes: ArrayBuffer][]; options: ImportOptions };
export type ImportFromWorker =
  | { type: 'progress'; done: number; total: number; file: string }
  | { type: 'result'; batch: ImportBatch }
  | { type: 'error'; message: string };

/** The worker's whole job, apart from messaging, so it can be tested without a Worker. */
export function respondToImportMessage(message: ImportToWorker, post: (reply: ImportFromWorker) => void): void {
  try {
    const batch = importFiles(new Map(message.files), message.options, (done, total, file) => post({ type: 'progress', done, total, file }));
    post({ type: 'result', batch });
  } catch (error) {
    post({ type: 'error', message: (error as Error).message });
  }
}
