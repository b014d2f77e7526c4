import { importFilesAsync } from '../data/formats/importFilesAsync';
import type { AppStore } from '../stores/appStore';

/**
 * Reads the files a user dropped or picked, in a worker, and adds what could be read as layers.
 * Files that fail are listed with their located reason; nothing already loaded changes.
 */
export async function importUserFiles(store: AppStore, files: readonly File[]): Promise<void> {
  if (!files.length) return;
  store.getState().beginImport();
  try {
    const buffers = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })));
    const batch = await importFilesAsync(buffers);
    store.getState().finishImport(batch.results, batch.failures);
  } catch (error) {
    const file = files.map((f) => f.name).join(', ');
    store.getState().finishImport([], [
      { name: 'ImportError', code: 'unsupported-format', message: (error as Error).message, issues: [{ file, reason: (error as Error).message }] },
    ]);
  }
}
