import { packageZip } from '../../data/package/packageZip';
import { withImportedData } from '../../data/community/importedData';
import type { AppStore } from '../../stores/appStore';
import { mappedImportedLayers } from './slice';

/**
 * Saves the open community as `<id>.zip` (laid out like `models/`). A ~1 MB package zips in well
 * under 100 ms, so this runs on the main thread; nothing leaves the machine.
 */
export function exportOpenPackage(store: AppStore): void {
  const { community: open, importedLayers } = store.getState();
  if (!open) return;
  // Imported facilities, networks and buildings become part of the package: an import turns into a reusable package.
  const community = withImportedData(open, mappedImportedLayers(importedLayers, false)).community;
  const blob = new Blob([packageZip(community) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${community.manifest.id}.zip`;
  link.click();
  // Give the download a moment to start before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
