import type { WorkerTask } from '../../core/worker/serveWorker';
import { importFiles, type ImportBatch } from './index';
import type { ImportOptions } from './importResult';

export type { ImportBatch };

/** What the import worker receives: the dropped files (name, bytes) and the reading options. */
export interface ImportFilesInput {
  files: [name: string, bytes: ArrayBuffer][];
  options: ImportOptions;
}

/** After each file or shapefile layer read: how many of how many, and which. */
export interface ImportProgressEvent {
  done: number;
  total: number;
  file: string;
}

/** `importFiles` as a worker task (importFiles.worker.ts). */
export const importFilesTask: WorkerTask<ImportFilesInput, ImportBatch, ImportProgressEvent> = ({ files, options }, { progress }) =>
  importFiles(new Map(files), options, (done, total, file) => progress({ done, total, file }));
