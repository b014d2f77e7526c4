import { withImportedData } from '../../data/community/importedData';
import { exportPackageForRole } from '../../data/package/packageExport';
import type { PersonRowSource } from '../../data/privacy/exportPolicy';
import { NO_PERSON_ROWS, servicePersonRows } from '../../data/service/servicePersonRows';
import type { AppStore } from '../../stores/appStore';
import { residentClientOf } from '../session/client';
import { mappedImportedLayers } from './slice';

/** What an export reaches outside itself; a download and the clock by default, stand-ins in tests. */
export interface ExportDependencies {
  save?: (fileName: string, bytes: Uint8Array) => void;
  now?: () => Date;
  /** Where the person rows come from: the resident-data service for the signed-in role by default. */
  people?: PersonRowSource;
}

/**
 * Saves the open community as `<id>.zip` (laid out like `models/`), through the role policy of the
 * screen (data/privacy/exportPolicy.ts) for the signed-in role, with the person rows the service
 * gives that role (none without a session or without the service), and records the export in the
 * store's export log. A ~1 MB package zips in well under 100 ms, so this runs on the main thread;
 * the zip is made here and saved locally.
 */
export async function exportOpenPackage(store: AppStore, dependencies: ExportDependencies = {}): Promise<void> {
  const { community: open, importedLayers, role, session, serviceStatus } = store.getState();
  if (!open) return;
  // Imported facilities, networks and buildings become part of the package: an import turns into a reusable package.
  const community = withImportedData(open, mappedImportedLayers(importedLayers, false)).community;
  const { zip, fileName, audit } = await exportPackageForRole({
    community,
    role,
    people:
      dependencies.people ??
      (serviceStatus === 'online' && session ? servicePersonRows(residentClientOf(store), community.manifest.id) : NO_PERSON_ROWS),
    now: (dependencies.now ?? (() => new Date()))(),
  });
  (dependencies.save ?? download)(fileName, zip);
  store.getState().recordExport(audit);
}

function download(fileName: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Give the download a moment to start before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
