import { importFiles, type ImportBatch, type ImportOptions } from '../../../src/data/formats';

/**
 * What the budgeted worker (budgetedRun.ts) calls for import cases: the import worker's own work,
 * `importFiles` on a batch of named files. Its result is posted back as the app's worker posts it.
 */
export function importBatch(input: { files: [name: string, bytes: Uint8Array][]; options?: ImportOptions }): ImportBatch {
  return importFiles(new Map(input.files), input.options ?? {});
}
