import { withImportedData } from '../../data/community/importedData';
import { exportPackageForRole } from '../../data/package/packageExport';
import { localPersonRows, type PersonRowSource } from '../../data/privacy/exportPolicy';
import type { AppStore } from '../../stores/appStore';
import { mappedImportedLayers } from './slice';

/** What an export reaches outside itself; a download and the clock by default, stand-ins in tests. */
export interface ExportDependencies {
  save?: (fileName: string, bytes: Uint8Array) => void;
  now?: () => Date;
  /** Where the person rows come from: the open package by default; the residents' data service once there is one. */
  people?: PersonRowSource;
}

/**
 * Saves the open community as `<id>.zip` (laid out like `models/`), through the role policy of the
 * screen (data/privacy/exportPolicy.ts) for the role now chosen, and records the export in the
 * store's export log. A ~1 MB package zips in well under 100 ms, so this runs on the main thread;
 * nothing leaves the machine.
 */
export async function exportOpenPackage(store: AppStore, dependencies: ExportDependencies = {}): Promise<void> {
  const { community: open, importedLayers, role } = store.getState();
  if (!open) return;
  // Imported facilities, networks and buildings become part of the package: an import turns into a reusable package.
  const community = withImportedData(open, mappedImportedLayers(importedLayers, false)).community;
  const { zip, fileName, audit } = await exportPackageForRole({
    community,
    role,
    people: dependencies.people ?? localPersonRows(community.people),
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
